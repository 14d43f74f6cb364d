import { In } from "typeorm";
import { type GraphQLResolveInfo } from "graphql";
import { type AuthedContext } from "../../context/context";
import { type PersonalField } from "../../context/read-audit";
import { writableDistrict } from "../../auth/principal";
import { forbidden } from "../../common/errors";
import { PEOPLE_READERS, Role } from "../../auth/roles";
import { Community, Grid, StreetOffice } from "./tree.entity";
import { Person } from "./people.entity";

/**
 * What the caller's token entitles it to inside its district, resolved once per request from the
 * token's claims: the street office of a street officer, the grids of grid staff, the community of
 * a community worker, and the person a resident's subject belongs to. Codes that match nothing
 * entitle to nothing.
 */
export interface Reach {
  streetOfficeId: string | null;
  gridIds: ReadonlySet<string>;
  communityId: string | null;
  /**
   * The grids of that community, retired ones too (their cases stay the community's): a case
   * names its grid, not its community, so this is how a case is found to be the community's.
   */
  communityGridIds: ReadonlySet<string>;
}

const REACH = "reach";

export function reachOf(ctx: AuthedContext): Promise<Reach> {
  const p = ctx.principal;
  return ctx.loaders.memo(REACH, async () => {
    const none: Reach = {
      streetOfficeId: null,
      gridIds: new Set<string>(),
      communityId: null,
      communityGridIds: new Set<string>(),
    };
    // A token that names no place (a district role, an operator) needs no look-up, and must not
    // open the request's transaction for none: a use with no statement would still wait for the
    // answer to its BEGIN, a round trip before the request's own first statement is sent.
    if (!p.districtId || (!p.streetOfficeCode && !p.gridCodes.length && !p.communityCode))
      return none;
    const districtId = p.districtId;
    return ctx.db.run(async (m) => {
      const street = p.streetOfficeCode
        ? await m.findOne(StreetOffice, { where: { districtId, code: p.streetOfficeCode } })
        : null;
      const grids = p.gridCodes.length
        ? await m.find(Grid, { where: { districtId, code: In(p.gridCodes) }, select: { id: true } })
        : [];
      const community = p.communityCode
        ? await m.findOne(Community, { where: { districtId, code: p.communityCode } })
        : null;
      const communityGrids = community
        ? await m.find(Grid, {
            where: { districtId, communityId: community.id },
            select: { id: true },
          })
        : [];
      return {
        ...none,
        streetOfficeId: street?.id ?? null,
        gridIds: new Set(grids.map((g) => g.id)),
        communityId: community?.id ?? null,
        communityGridIds: new Set(communityGrids.map((g) => g.id)),
      };
    });
  });
}

/** The person whose resident account the caller is signed in with, if any. */
export function callerPerson(ctx: AuthedContext): Promise<Person | null> {
  const p = ctx.principal;
  return ctx.loaders.memo("callerPerson", async () =>
    p.districtId
      ? ctx.db.run((m) =>
          m.findOne(Person, { where: { districtId: p.districtId!, subject: p.subject } }),
        )
      : null,
  );
}

/**
 * Who changes the tree, as the grid services need it: the token's claims and the reach resolved
 * from them. The resolver resolves the reach first, since a service runs inside the request's
 * transaction, where the loaders (which use that transaction too) may not be called.
 */
export interface GridCaller extends Reach {
  subject: string;
  role: Role;
  /** The district the caller writes to. */
  districtId: string;
  /** The department a department-role caller works for (token claim `department`). */
  departmentCode: string | null;
}

/** The caller of a grid mutation, from the verified token. */
export async function gridCallerOf(ctx: AuthedContext): Promise<GridCaller> {
  const p = ctx.principal;
  const districtId = writableDistrict(p);
  const reach = await reachOf(ctx);
  return {
    subject: p.subject,
    role: p.role,
    districtId,
    departmentCode: p.departmentCode,
    streetOfficeId: reach.streetOfficeId,
    gridIds: reach.gridIds,
    communityId: reach.communityId,
    communityGridIds: reach.communityGridIds,
  };
}

/**
 * May the caller maintain the tree under this street office (grids, committees, consultations)?
 * district_admin anywhere in its district; a street officer in its own street office.
 */
export function checkStreetWriter(
  caller: Pick<GridCaller, "role" | "streetOfficeId">,
  streetOfficeId: string,
): void {
  if (caller.role === Role.district_admin) return;
  if (caller.role === Role.street_officer) {
    if (caller.streetOfficeId === streetOfficeId) return;
    throw forbidden("a street officer may only change its own street office's data");
  }
  throw forbidden(`the role ${caller.role} may not change this`);
}

/**
 * May the caller see this person's phone and ID number? The district admin, the staff of the
 * person's own street office and grid, and the person itself. Everyone else, and every
 * city-scope caller, gets them masked.
 */
export function mayReadPersonalData(
  ctx: AuthedContext,
  person: Person,
): boolean | Promise<boolean> {
  const p = ctx.principal;
  if (!p.districtId || p.districtId !== person.districtId) return false;
  if (isOwnRecord(ctx, person)) return true;
  switch (p.role) {
    case Role.district_admin:
      return true;
    case Role.grid_chief:
    case Role.grid_worker: {
      // Synchronous once the caller's reach is known: a list of people is answered without a
      // promise per person.
      const reach = ctx.loaders.settled<Reach>(REACH);
      return reach
        ? reach.gridIds.has(person.gridId)
        : reachOf(ctx).then((r) => r.gridIds.has(person.gridId));
    }
    case Role.street_officer:
      return streetOfficerReads(ctx, person);
    default:
      return false;
  }
}

/** A street officer reads in full the people of its street office's grids. */
async function streetOfficerReads(ctx: AuthedContext, person: Person): Promise<boolean> {
  const [reach, grid] = await Promise.all([
    reachOf(ctx),
    ctx.loaders.entity(Grid).load(person.gridId),
  ]);
  return reach.streetOfficeId !== null && grid?.streetOfficeId === reach.streetOfficeId;
}

/** The caller's own record in the register (any district role linked to a person). */
export function isOwnRecord(ctx: AuthedContext, person: Person): boolean {
  return person.subject !== null && person.subject === ctx.principal.subject;
}

/**
 * Notes for the read audit (modules/audit) that the caller was served this field of the person in
 * full, its resolver having decided so. One's own record is no read of anybody else's data.
 */
export function notePersonRead(
  ctx: AuthedContext,
  info: GraphQLResolveInfo,
  person: Person,
  field: Extract<PersonalField, "phone" | "id_number">,
): void {
  if (isOwnRecord(ctx, person)) return;
  ctx.reads.noteField(info, person.districtId, "person", person.id, field);
}

/**
 * May the caller see more of this person than the name? Staff and city admins (who list people
 * anyway, with phone and ID masked by the rule above), and the person itself. A resident who
 * reaches another person through a grid's staff or a committee's members sees the name only.
 */
export function mayReadPersonDetails(ctx: AuthedContext, person: Person): boolean {
  return PEOPLE_READERS.includes(ctx.principal.role) || isOwnRecord(ctx, person);
}
