import { type Principal } from "../auth/principal";

/**
 * Types whose fields answer the same to every caller with the same rights (role, districts,
 * department, street office, community, grids): subscribers whose selection stays within them share one
 * execution per event even across accounts. Anything else (a person's own record, say) is
 * executed per account.
 */
export const SUBJECT_FREE: ReadonlySet<string> = new Set([
  "CaseEventMessage",
  "CaseDeadlineMessage",
  "CaseEvent",
  "Case",
  "Complainant",
  "CaseAssignment",
  "CaseRequest",
  "Supervision",
  "Department",
  "DepartmentChange",
  "District",
  "City",
  "Grid",
  "StreetOffice",
  "Community",
]);

/** What makes two subscribers' answers equal (see realtime/shared-execution.ts). */
export function viewerKey(contextValue: unknown, subjectMatters: boolean): string | null {
  // A request context (context/context.ts): only its principal matters here.
  const p = (contextValue as { principal: Principal | null }).principal;
  if (!p) return null;
  return [
    p.role,
    [...p.districtIds].sort().join(","),
    p.districtId ?? "",
    p.departmentCode ?? "",
    p.streetOfficeCode ?? "",
    p.communityCode ?? "",
    [...p.gridCodes].sort().join(","),
    subjectMatters ? p.subject : "",
  ].join("|");
}
