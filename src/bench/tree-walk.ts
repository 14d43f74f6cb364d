import { type CountingClient } from "./stack";

/**
 * Scenario 1: the nested walk district → street offices → communities → grids → staff → person
 * over a whole district. The same selection as `TreeWalk` in test/operations/grid.graphql.
 */
export const TREE_WALK = `query BenchTreeWalk($first: Int) {
  district {
    streetOffices(first: $first) {
      totalCount
      edges {
        node {
          code
          communities(first: $first) {
            totalCount
            edges {
              node {
                code
                kind
                grids(first: $first) {
                  totalCount
                  edges {
                    node {
                      code
                      staff {
                        role
                        startsOn
                        person {
                          name
                          phone
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}`;

export const TREE_WALK_FIRST = 200;

interface Conn<T> {
  totalCount: number;
  edges: Array<{ node: T }>;
}
interface Post {
  role: string;
  startsOn: string;
  person: { name: string; phone: string | null };
}
interface GridNode {
  code: string;
  staff: Post[];
}
interface CommunityNode {
  code: string;
  kind: string;
  grids: Conn<GridNode>;
}
interface StreetOfficeNode {
  code: string;
  communities: Conn<CommunityNode>;
}
export interface TreeWalkData {
  district: { streetOffices: Conn<StreetOfficeNode> };
}

function groupBy<R, K extends keyof R>(rows: R[], key: K): Map<R[K], R[]> {
  const out = new Map<R[K], R[]>();
  for (const r of rows) {
    const list = out.get(r[key]);
    if (list) list.push(r);
    else out.set(r[key], [r]);
  }
  return out;
}

const conn = <T>(nodes: T[]): Conn<T> => ({
  totalCount: nodes.length,
  edges: nodes.map((node) => ({ node })),
});

/**
 * The peer: one statement per level, each level's children for all parents at once
 * (`= ANY($2)`), staff joined to their person, sorted as the API sorts, assembled in JS into the
 * API's JSON. It reads whole lists: the API's `first: 200` cuts nothing in the demo district
 * (the run checks that both answers are equal).
 */
export async function treeWalkBySql(c: CountingClient, districtId: string): Promise<TreeWalkData> {
  const sos = await c.query<{ id: string; code: string }>(
    `SELECT id, code FROM street_office WHERE district_id = $1 ORDER BY code, id`,
    [districtId],
  );
  const communities = await c.query<{ id: string; pid: string; code: string; kind: string }>(
    `SELECT id, street_office_id AS pid, code, kind FROM community
      WHERE district_id = $1 AND street_office_id = ANY($2::uuid[]) ORDER BY code, id`,
    [districtId, sos.map((s) => s.id)],
  );
  const grids = await c.query<{ id: string; pid: string; code: string }>(
    `SELECT id, community_id AS pid, code FROM grid
      WHERE district_id = $1 AND community_id = ANY($2::uuid[]) AND retired_at IS NULL
      ORDER BY code, id`,
    [districtId, communities.map((x) => x.id)],
  );
  const posts = await c.query<{
    pid: string;
    role: string;
    startsOn: string;
    name: string;
    phone: string | null;
  }>(
    `SELECT sa.grid_id AS pid, sa.role, sa.starts_on::text AS "startsOn", p.name, p.phone
       FROM staff_assignment sa
       JOIN person p ON p.district_id = sa.district_id AND p.id = sa.person_id
      WHERE sa.district_id = $1 AND sa.grid_id = ANY($2::uuid[]) AND sa.ends_on IS NULL
      ORDER BY sa.role, sa.id`,
    [districtId, grids.map((g) => g.id)],
  );
  const postsOf = groupBy(posts, "pid");
  const gridsOf = groupBy(grids, "pid");
  const communitiesOf = groupBy(communities, "pid");
  return {
    district: {
      streetOffices: conn(
        sos.map((s) => ({
          code: s.code,
          communities: conn(
            (communitiesOf.get(s.id) ?? []).map((cm) => ({
              code: cm.code,
              kind: cm.kind,
              grids: conn(
                (gridsOf.get(cm.id) ?? []).map((g) => ({
                  code: g.code,
                  staff: (postsOf.get(g.id) ?? []).map((p) => ({
                    role: p.role,
                    startsOn: p.startsOn,
                    person: { name: p.name, phone: p.phone },
                  })),
                })),
              ),
            })),
          ),
        })),
      ),
    },
  };
}

/** Grids and posts in an answer, for the report. */
export function treeSize(d: TreeWalkData): { grids: number; posts: number } {
  const grids = d.district.streetOffices.edges.flatMap((s) =>
    s.node.communities.edges.flatMap((c) => c.node.grids.edges),
  );
  return { grids: grids.length, posts: grids.reduce((n, g) => n + g.node.staff.length, 0) };
}
