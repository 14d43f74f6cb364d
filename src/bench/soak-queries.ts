/**
 * What `npm run soak` sends: the ordinary traffic, the whole-tree walk, and the abusive requests
 * with the refusal each must get.
 */

export const DISTRICT = "mingshan";

/** An ordinary request: a document, its variables, and the role of the accounts that send it. */
export interface Ordinary {
  name: string;
  role: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Requests per second. */
  rate: number;
}

/** The ordinary traffic at `meRate` requests of `{ me { role } }` per second. */
export function ordinaryTraffic(meRate: number): Ordinary[] {
  return [
    { name: "me", role: "command_center", query: `{ me { role } }`, rate: meRate / 2 },
    { name: "me", role: "resident", query: `{ me { role } }`, rate: meRate / 2 },
    {
      name: "cases",
      role: "command_center",
      query: `query CommandCenter { cases(first: 20) { totalCount edges { node {
        id number status categoryName receivedAt grid { name } } } } }`,
      rate: Math.max(1, meRate / 5),
    },
    {
      name: "grids",
      role: "district_admin",
      query: `query GridPage($after: String) { district { grids(first: 50, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { code name community { name } } } } } }`,
      rate: Math.max(1, meRate / 5),
    },
  ];
}

/**
 * Mingshan's whole tree, every street office, community, grid and post, in one request: the
 * demo district has 7 street offices, at most 16 communities under one and at most 14 grids in
 * one, so these pages cut nothing (the soak checks it on the first answer). The posts' people
 * are left out: with them the estimate is about 68,000, over the default budget of 50,000, and
 * the walk would be refused before it ran instead of being real work.
 */
export const WALK_PAGES = { streetOffices: 7, communities: 16, grids: 14 };

export const WALK = `query SoakTreeWalk {
  district {
    streetOffices(first: ${WALK_PAGES.streetOffices}) {
      totalCount
      edges { node { code
        communities(first: ${WALK_PAGES.communities}) {
          totalCount
          edges { node { code kind
            grids(first: ${WALK_PAGES.grids}) {
              totalCount
              edges { node { code name staff { role startsOn } } }
            }
          } }
        }
      } }
    }
  }
}`;

interface Conn<T> {
  totalCount: number;
  edges: Array<{ node: T }>;
}
export type Walked = {
  district: {
    streetOffices: Conn<{
      communities: Conn<{ grids: Conn<{ staff: unknown[] }> }>;
    }>;
  };
};

/** Whether the walk's pages held the whole tree, and how many grids and posts it returned. */
export function coverage(d: Walked): { whole: boolean; grids: number; posts: number } {
  const sos = d.district.streetOffices;
  let whole = sos.totalCount <= WALK_PAGES.streetOffices;
  let grids = 0;
  let posts = 0;
  for (const so of sos.edges) {
    whole &&= so.node.communities.totalCount <= WALK_PAGES.communities;
    for (const c of so.node.communities.edges) {
      whole &&= c.node.grids.totalCount <= WALK_PAGES.grids;
      grids += c.node.grids.edges.length;
      for (const g of c.node.grids.edges) posts += g.node.staff.length;
    }
  }
  return { whole, grids, posts };
}

/** The role of the walkers (district staff; people's phones are masked for it, so no audit rows). */
export const WALKER_ROLE = "command_center";

/** One abusive request: its body as sent, who sends it, and the refusal it must get. */
export interface Abusive {
  name: string;
  /** `resident` or `district_admin`; null: no token. */
  role: string | null;
  body: string;
  code: string;
}

const gqlBody = (query: string, variables?: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

function aliases(n: number, selection: string): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;
}

/** District → city → districts → city …: a cycle of the schema, about `depth` fields deep. */
function cyclic(depth: number): string {
  let q = "code";
  for (let i = 0; i < depth / 2; i++) q = `city { districts { ${q} } }`;
  return `{ district { ${q} } }`;
}

export const ABUSIVE: Abusive[] = [
  {
    name: "1,000 aliases",
    role: "district_admin",
    body: gqlBody(aliases(1000, "me { role }")),
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "depth 100 (cycle)",
    role: "district_admin",
    body: gqlBody(cyclic(100)),
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "100k-token document",
    role: "district_admin",
    body: gqlBody(`{ me { role ${"a ".repeat(100_000)}} }`),
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "20 × grids(first: 200), resident",
    role: "resident",
    body: gqlBody(aliases(20, "district { grids(first: 200) { edges { node { code name } } } }")),
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "NUL in a variable",
    role: "district_admin",
    body: gqlBody(`query($s: String) { district { grids(first: 5, search: $s) { totalCount } } }`, {
      s: "明山\u0000",
    }),
    code: "BAD_USER_INPUT",
  },
  {
    name: "NUL in a literal",
    role: "district_admin",
    body: gqlBody(`{ district { grids(first: 5, search: "a\\u0000b") { totalCount } } }`),
    code: "BAD_USER_INPUT",
  },
  {
    name: "malformed JSON",
    role: "district_admin",
    body: `{"query": "{ me { role } }", "variables": {`,
    code: "BAD_REQUEST",
  },
];
