import { toGlobalId } from "../common/ids";
import { encodeCursor } from "../common/connection";
import { type CountingClient } from "./stack";

/** Scenario 2: the command center's first page of dispatched cases, with parts and complainant. */
/** The connection's selection, shared with the scale scenarios (scale-scenarios.ts). */
export const CASE_PAGE_SELECTION = `totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        number
        status
        receivedAt
        resolutionDueAt
        complainant {
          name
          phone
          visible
        }
        assignments {
          role
          status
          dueAt
          department {
            code
            name
          }
        }
      }
    }`;

export const CASE_LIST = `query BenchCaseList($first: Int, $status: [CaseStatus!]) {
  cases(first: $first, status: $status) {
    ${CASE_PAGE_SELECTION}
  }
}`;

export const CASE_LIST_VARIABLES = { first: 50, status: ["dispatched"] };

interface Assignment {
  role: string;
  status: string;
  dueAt: string;
  department: { code: string; name: string };
}
interface CaseNode {
  id: string;
  number: string;
  status: string;
  receivedAt: string;
  resolutionDueAt: string;
  complainant: { name: string | null; phone: string | null; visible: boolean } | null;
  assignments: Assignment[];
}
export interface CaseListData {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: CaseNode }>;
  };
}

/**
 * The peer: the count, the page (newest first: ids are UUID v7, in order of receipt), and every
 * assignment of the page's cases with its department in one join; assembled into the API's JSON
 * with the API's global ids and cursors. The caller is the command center, which sees the
 * complainant in full.
 */
export async function caseListBySql(c: CountingClient, districtId: string): Promise<CaseListData> {
  const { first, status } = CASE_LIST_VARIABLES;
  const [{ n }] = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM hotline_case WHERE district_id = $1 AND status = ANY($2::text[])`,
    [districtId, status],
  );
  const rows = await c.query<{
    id: string;
    number: string;
    status: string;
    received_at: Date;
    resolution_due_at: Date;
    complainant_name: string | null;
    complainant_phone: string | null;
  }>(
    `SELECT id, number, status, received_at, resolution_due_at, complainant_name, complainant_phone
       FROM hotline_case WHERE district_id = $1 AND status = ANY($2::text[])
      ORDER BY id DESC LIMIT $3`,
    [districtId, status, first + 1],
  );
  const page = rows.slice(0, first);
  const parts = await c.query<{
    case_id: string;
    role: string;
    status: string;
    due_at: Date;
    code: string;
    name: string;
  }>(
    `SELECT a.case_id, a.role, a.status, a.due_at, d.code, d.name
       FROM case_assignment a
       JOIN department d ON d.district_id = a.district_id AND d.id = a.department_id
      WHERE a.district_id = $1 AND a.case_id = ANY($2::uuid[])
      ORDER BY a.assigned_at, a.id`,
    [districtId, page.map((r) => r.id)],
  );
  const partsOf = new Map<string, Assignment[]>();
  for (const a of parts) {
    const list = partsOf.get(a.case_id) ?? [];
    list.push({
      role: a.role,
      status: a.status,
      dueAt: a.due_at.toISOString(),
      department: { code: a.code, name: a.name },
    });
    partsOf.set(a.case_id, list);
  }
  const edges = page.map((r) => ({
    cursor: encodeCursor([r.id, r.id]),
    node: {
      id: toGlobalId("Case", r.id),
      number: r.number,
      status: r.status,
      receivedAt: r.received_at.toISOString(),
      resolutionDueAt: r.resolution_due_at.toISOString(),
      complainant:
        r.complainant_name || r.complainant_phone
          ? { name: r.complainant_name, phone: r.complainant_phone, visible: true }
          : null,
      assignments: partsOf.get(r.id) ?? [],
    },
  }));
  return {
    cases: {
      totalCount: n,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      edges,
    },
  };
}
