import { In } from "typeorm";
import { type PersonalField, type ReadingOperation } from "../../context/read-audit";
import { type AuthedContext } from "../../context/context";
import { Department } from "../org/department.entity";
import { reachOf } from "../grid/grid.policy";
import { Role } from "../../auth/roles";
import { type Case } from "./case.entity";
import { CaseAssignment } from "./assignment.entity";
import { departmentReach, type Reach } from "./case.workflow";
import { badInput } from "../../common/errors";

/** Roles that see every case of their district. */
export const DISTRICT_WIDE: ReadonlySet<Role> = new Set([
  Role.district_admin,
  Role.command_center,
  Role.inspector,
  Role.supervision_office,
  Role.operator,
]);

/** The department a department-role caller works for (token claim `department`). */
export function callerDepartmentId(ctx: AuthedContext): Promise<string | null> {
  const p = ctx.principal;
  return ctx.loaders.memo("callerDepartment", async () => {
    if (!p.districtId || p.role !== Role.department || !p.departmentCode) return null;
    const d = await ctx.db.run((m) =>
      m.findOne(Department, { where: { districtId: p.districtId!, code: p.departmentCode! } }),
    );
    return d?.id ?? null;
  });
}

/** Active assignments of the given cases to the caller's department, batched. */
async function myAssignments(ctx: AuthedContext, caseId: string): Promise<CaseAssignment[]> {
  const dept = await callerDepartmentId(ctx);
  if (!dept) return [];
  return ctx.loaders
    .batch<string, CaseAssignment[]>("myAssignments", async (caseIds) => {
      const rows = await ctx.db.run((m) =>
        m.find(CaseAssignment, {
          where: {
            districtId: In(ctx.loaders.districtIds),
            caseId: In([...caseIds]),
            departmentId: dept,
            status: In(["assigned", "reported"]),
          },
        }),
      );
      return caseIds.map((id) => rows.filter((r) => r.caseId === id));
    })
    .load(caseId);
}

/** The caller's relation to a case, as the workflow needs it. */
export async function reachOfCase(ctx: AuthedContext, c: Case): Promise<Reach> {
  const role = ctx.principal.role;
  const reach: Reach = { grid: false, street: false, assigned: false, lead: false };
  if (role === Role.grid_worker || role === Role.grid_chief) {
    reach.grid = c.gridId !== null && (await reachOf(ctx)).gridIds.has(c.gridId);
  } else if (role === Role.street_officer) {
    const r = await reachOf(ctx);
    reach.street = c.streetOfficeId !== null && r.streetOfficeId === c.streetOfficeId;
  } else if (role === Role.department) {
    Object.assign(
      reach,
      departmentReach(await myAssignments(ctx, c.id), await callerDepartmentId(ctx)),
    );
  }
  return reach;
}

/** Who is looking at cases, as far as the visibility rule needs to know. */
export interface Viewer {
  role: Role;
  subject: string;
  /** The caller's own district (null for city scope). */
  districtId: string | null;
  districtIds: readonly string[];
  gridIds: ReadonlySet<string>;
  streetOfficeId: string | null;
  /** The grids of a community worker's community. */
  communityGridIds: ReadonlySet<string>;
  departmentId: string | null;
}

/** What the visibility rule reads of a case. */
export interface CaseFacts {
  districtId: string;
  escalated: boolean;
  gridId: string | null;
  streetOfficeId: string | null;
  createdBy: string;
  /** Departments that hold the case or have reported on it (not those it was returned from). */
  departmentIds: readonly string[];
}

/**
 * May the viewer see this case? The one rule, pure: the command center, the operators, inspectors
 * and the district admin see the district's; a street officer its street office's; grid staff
 * their grids'; a community worker its community's grids' and the ones it filed; a department the cases it holds or has reported on (not those returned or
 * withdrawn from it); a resident the cases it filed; a city admin only the cases escalated to the
 * city. `maySeeCase` applies it to a request's caller, the live feeds to each subscriber, and
 * `visibleCasesSql` says the same in SQL.
 */
export function canSeeCase(v: Viewer, c: CaseFacts): boolean {
  if (!v.districtIds.includes(c.districtId)) return false;
  if (v.role === Role.city_admin) return c.escalated;
  if (v.districtId !== c.districtId) return false;
  if (DISTRICT_WIDE.has(v.role)) return true;
  switch (v.role) {
    case Role.street_officer:
    case Role.grid_worker:
    case Role.grid_chief:
      return (
        (c.gridId !== null && v.gridIds.has(c.gridId)) ||
        (c.streetOfficeId !== null && c.streetOfficeId === v.streetOfficeId)
      );
    case Role.community_worker:
      return (c.gridId !== null && v.communityGridIds.has(c.gridId)) || c.createdBy === v.subject;
    case Role.department:
      return v.departmentId !== null && c.departmentIds.includes(v.departmentId);
    case Role.resident:
      return c.createdBy === v.subject;
    default:
      return false;
  }
}

/** The caller as a viewer of cases: its reach in the tree and its department, read once. */
export async function viewerOf(ctx: AuthedContext): Promise<Viewer> {
  const p = ctx.principal;
  const inTree = [
    Role.street_officer,
    Role.grid_worker,
    Role.grid_chief,
    Role.community_worker,
  ].includes(p.role);
  const reach = inTree ? await reachOf(ctx) : null;
  return {
    role: p.role,
    subject: p.subject,
    districtId: p.districtId,
    districtIds: p.districtIds,
    gridIds: reach?.gridIds ?? new Set(),
    streetOfficeId: reach?.streetOfficeId ?? null,
    communityGridIds: reach?.communityGridIds ?? new Set(),
    departmentId: await callerDepartmentId(ctx),
  };
}

/** May the caller see this case? {@link canSeeCase} for the request's caller. */
export async function maySeeCase(ctx: AuthedContext, c: Case): Promise<boolean> {
  const viewer = await viewerOf(ctx);
  // Only a department's view depends on the assignments: read them for that role only.
  const held =
    viewer.role === Role.department && viewer.departmentId && c.districtId === viewer.districtId
      ? await everAssigned(ctx, c.id, viewer.departmentId)
      : false;
  // The facts the rule reads, not a copy of the whole case (a spread of the entity with a
  // property after it takes V8's slow path, a few microseconds a case).
  return canSeeCase(viewer, {
    districtId: c.districtId,
    escalated: c.escalated,
    gridId: c.gridId,
    streetOfficeId: c.streetOfficeId,
    createdBy: c.createdBy,
    departmentIds: held ? [viewer.departmentId!] : [],
  });
}

/** Whether the department holds the case or has reported on it, batched across a list. */
function everAssigned(ctx: AuthedContext, caseId: string, dept: string): Promise<boolean> {
  return ctx.loaders
    .batch<string, boolean>("everAssigned", async (caseIds) => {
      const rows: Array<{ case_id: string }> = await ctx.db.run((m) =>
        m.query(
          `SELECT DISTINCT case_id FROM case_assignment
            WHERE district_id = ANY($1::uuid[]) AND case_id = ANY($2::uuid[]) AND department_id = $3
              AND status IN ('assigned', 'reported')`,
          [ctx.loaders.districtIds, [...caseIds], dept],
        ),
      );
      const seen = new Set(rows.map((r) => r.case_id));
      return caseIds.map((id) => seen.has(id));
    })
    .load(caseId);
}

/**
 * mayReadComplainant where the caller's role and district decide it alone; undefined where its
 * reach must be read. Lets a list of cases answer each complainant without a promise apiece.
 */
export function mayReadComplainantByRole(ctx: AuthedContext, c: Case): boolean | undefined {
  const p = ctx.principal;
  if (p.districtId !== c.districtId) return false; // city scope: never
  if (p.role === Role.resident) return c.createdBy === p.subject;
  if (p.role === Role.district_admin || p.role === Role.command_center || p.role === Role.operator)
    return true;
  return undefined;
}

/** May the caller see the complainant's name and phone in full? */
export async function mayReadComplainant(ctx: AuthedContext, c: Case): Promise<boolean> {
  const byRole = mayReadComplainantByRole(ctx, c);
  if (byRole !== undefined) return byRole;
  const p = ctx.principal;
  // The community is staff of the case's place, as its grid and street office are; by the
  // community and not by who filed it, so that subscribers of one community share one answer
  // (realtime/viewer.ts).
  if (p.role === Role.community_worker)
    return c.gridId !== null && (await reachOf(ctx)).communityGridIds.has(c.gridId);
  const r = await reachOfCase(ctx, c);
  return r.grid || r.street || r.assigned;
}

/** The SQL condition for the cases a caller may list (the same rule as maySeeCase). */
export async function visibleCasesSql(
  ctx: AuthedContext,
  alias: string,
): Promise<{ sql: string; params: Record<string, unknown> }> {
  const p = ctx.principal;
  if (p.role === Role.city_admin) return { sql: `${alias}.escalated`, params: {} };
  if (DISTRICT_WIDE.has(p.role)) return { sql: "TRUE", params: {} };
  switch (p.role) {
    case Role.street_officer:
    case Role.grid_worker:
    case Role.grid_chief: {
      const r = await reachOf(ctx);
      return {
        sql: `(${alias}.grid_id = ANY(CAST(:vGrids AS uuid[])) OR ${alias}.street_office_id = :vStreet)`,
        params: {
          vGrids: [...r.gridIds],
          vStreet: r.streetOfficeId ?? "00000000-0000-0000-0000-000000000000",
        },
      };
    }
    case Role.community_worker: {
      const r = await reachOf(ctx);
      return {
        sql: `(${alias}.grid_id = ANY(CAST(:vGrids AS uuid[])) OR ${alias}.created_by = :vSubject)`,
        params: { vGrids: [...r.communityGridIds], vSubject: p.subject },
      };
    }
    case Role.department: {
      const dept = (await callerDepartmentId(ctx)) ?? "00000000-0000-0000-0000-000000000000";
      return {
        sql: `EXISTS (SELECT 1 FROM case_assignment va WHERE va.district_id = ${alias}.district_id AND va.case_id = ${alias}.id AND va.department_id = :vDept AND va.status IN ('assigned', 'reported'))`,
        params: { vDept: dept },
      };
    }
    case Role.resident:
      return { sql: `${alias}.created_by = :vSubject`, params: { vSubject: p.subject } };
    default:
      return { sql: "FALSE", params: {} };
  }
}

/** The caller's one district, for reads that need one (a city-scope caller has none). */
export function singleDistrictOf(ctx: AuthedContext): string {
  const id = ctx.principal.districtId;
  if (!id) throw badInput("district", "a city-scope caller has no single district");
  return id;
}

/**
 * Whether the case's complainant is the caller itself: a case it filed as a resident. Reading
 * one's own data is not recorded in the read audit.
 */
export function isOwnComplaint(ctx: AuthedContext, c: Case): boolean {
  return c.channel === "resident" && c.createdBy === ctx.principal.subject;
}

/** Notes on the request's read audit that the caller was served the case's complainant in full. */
export function noteComplainantRead(ctx: AuthedContext, info: ReadingOperation, c: Case): void {
  if (isOwnComplaint(ctx, c)) return;
  const fields: PersonalField[] = [];
  if (c.complainantName) fields.push("name");
  if (c.complainantPhone) fields.push("phone");
  ctx.reads.note(info, {
    districtId: c.districtId,
    kind: "case_complainant",
    recordId: c.id,
    fields,
  });
}
