import { type EntityTarget, type ObjectLiteral } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { localDay } from "../../common/dates";
import { badInput, notFound } from "../../common/errors";
import { Compound, Grid } from "./tree.entity";
import { idOf } from "./grid.args";
import { ownDistrict } from "./grid.policy";

/**
 * What the grid module's services share: a row of the caller's district by its global id, the
 * dates their inputs carry, and the facts about the tree that rules of several services check.
 */

type Row = ObjectLiteral & { districtId: string; id: string };

/**
 * A row of the caller's district by global id, or NOT_FOUND. Another district's row looks exactly
 * like a missing one (and row-level security would hide it anyway).
 */
export async function load<T extends Row>(
  ctx: AuthedContext,
  entity: EntityTarget<T> & { name: string },
  globalId: string,
  field: string,
  what: string,
): Promise<T> {
  const districtId = ownDistrict(ctx);
  const id = idOf(globalId, entity.name, field);
  const row = await ctx.db.run((m) => m.findOne(entity, { where: { districtId, id } as never }));
  if (!row) throw notFound(`no such ${what} in your district`);
  return row;
}

/** YYYY-MM-DD that is a real calendar day, or BAD_USER_INPUT. */
export function day(
  field: string,
  value: string | undefined | null,
  fallback?: string,
): string | null {
  const v = value ?? fallback ?? null;
  if (v === null) return null;
  const [y, mo, d] = v.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d)
    throw badInput(field, `${v} is not a calendar date`);
  return v;
}

/** Today in the district (UTC+8), by the platform's clock. */
export function today(ctx: AuthedContext): string {
  return localDay(ctx.clock.now());
}

/** A retired grid takes no more changes, nor new posts. */
export function unchanged(grid: Grid): void {
  if (grid.retiredAt) throw badInput("id", "the grid is retired");
}

/** The street office in charge of a compound: the one of its grid. */
export async function compoundStreet(ctx: AuthedContext, compound: Compound): Promise<string> {
  const grid = await ctx.db.run((m) =>
    m.findOneOrFail(Grid, { where: { districtId: compound.districtId, id: compound.gridId } }),
  );
  return grid.streetOfficeId;
}
