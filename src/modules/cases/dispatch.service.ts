import { type EntityManager } from "typeorm";
import { notFound } from "../../common/errors";
import { Case } from "./case.entity";
import { CaseCategory } from "./settings.entity";
import { type DispatchHistory, type DispatchSuggestion, suggestDispatch } from "./dispatch.rules";

/** How far back similar cases are looked for. */
export const DISPATCH_WINDOW_DAYS = 180;

/**
 * The command center's dispatch suggestions for one case of the caller's district: the
 * catalogue's usual department for its category, and how the district assigned the cases of the
 * same category received in the window (a withdrawn part, after an escalation or a new
 * assignment, says nothing either way).
 */
export async function dispatchSuggestionsFor(
  m: EntityManager,
  q: { districtId: string; caseId: string; at: Date },
): Promise<DispatchSuggestion[]> {
  const c = await m.findOne(Case, { where: { districtId: q.districtId, id: q.caseId } });
  if (!c) throw notFound("no such case in your district");
  const category = await m.findOne(CaseCategory, {
    where: { districtId: q.districtId, id: c.categoryId },
  });
  const since = new Date(q.at.getTime() - DISPATCH_WINDOW_DAYS * 86_400_000);
  const similar = `FROM case_assignment a
      JOIN hotline_case s ON s.district_id = a.district_id AND s.id = a.case_id
     WHERE a.district_id = $1 AND s.category_id = $2 AND s.id <> $3
       AND s.received_at >= $4 AND s.received_at <= $5 AND a.status <> 'withdrawn'`;
  const params = [q.districtId, c.categoryId, c.id, since, q.at];
  // One statement at a time: the request's transaction has one connection.
  const history = (await m.query(
    `SELECT a.department_id AS "departmentId",
            count(DISTINCT a.case_id) FILTER (WHERE a.role = 'lead')::int AS led,
            count(DISTINCT a.case_id) FILTER (WHERE a.role = 'lead' AND a.status = 'returned')::int
              AS "ledAndReturned",
            count(DISTINCT a.case_id) FILTER (WHERE a.role = 'co' AND a.status <> 'returned')::int
              AS "coHandled"
       ${similar} GROUP BY a.department_id`,
    params,
  )) as DispatchHistory[];
  const [{ n }] = (await m.query(
    `SELECT count(DISTINCT a.case_id)::int AS n ${similar}`,
    params,
  )) as Array<{
    n: number;
  }>;
  const returned = (await m.query(
    `SELECT department_id AS id FROM case_assignment
      WHERE district_id = $1 AND case_id = $2 AND status = 'returned'`,
    [q.districtId, c.id],
  )) as Array<{ id: string }>;
  return suggestDispatch({
    usualDepartmentId: category?.departmentId ?? null,
    categoryName: category?.name ?? "its category",
    similarCases: n,
    windowDays: DISPATCH_WINDOW_DAYS,
    history,
    returnedThisCase: new Set(returned.map((r) => r.id)),
  });
}
