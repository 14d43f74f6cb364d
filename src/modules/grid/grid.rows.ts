import { type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import { badInput, notFound } from "../../common/errors";
import { Compound, Grid } from "./tree.entity";

/**
 * What the grid module's services share: a row of the caller's district by its id, the dates
 * their inputs carry, and the facts about the tree that rules of several services check.
 */

type Row = ObjectLiteral & { districtId: string; id: string };

/**
 * A row of the caller's district by id, or NOT_FOUND. Another district's row looks exactly like a
 * missing one (and row-level security would hide it anyway).
 */
export async function load<T extends Row>(
  m: EntityManager,
  districtId: string,
  entity: EntityTarget<T>,
  id: string,
  what: string,
): Promise<T> {
  const row = await m.findOne(entity, { where: { districtId, id } as never });
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

/** A retired grid takes no more changes, nor new posts. */
export function unchanged(grid: Grid): void {
  if (grid.retiredAt) throw badInput("id", "the grid is retired");
}

/** The street office in charge of a compound: the one of its grid. */
export async function compoundStreet(m: EntityManager, compound: Compound): Promise<string> {
  const grid = await m.findOneOrFail(Grid, {
    where: { districtId: compound.districtId, id: compound.gridId },
  });
  return grid.streetOfficeId;
}
