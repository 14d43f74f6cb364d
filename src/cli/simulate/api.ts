import { type Config } from "../../config";
import { signToken } from "../../auth/jwt";

/** How the simulator talks to the server: GraphQL over HTTP, with a token per role and reach. */

export interface GqlError {
  message: string;
  extensions?: { code?: string };
}

export type Gql = <T>(
  query: string,
  variables: Record<string, unknown>,
  bearer: string,
) => Promise<{ data?: T; errors?: GqlError[] }>;

/** POSTs to the endpoint; an answer that is not JSON becomes an error naming the HTTP status. */
export function graphqlClient(url: string): Gql {
  return async <T>(query: string, variables: Record<string, unknown>, bearer: string) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as { data?: T; errors?: GqlError[] };
    } catch {
      return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
    }
  };
}

export interface Reach {
  department?: string;
  street?: string;
  grid?: string;
}
export type TokenFor = (role: string, extra?: Reach) => Promise<string>;

/** Tokens of the district's people, signed once per role and reach. */
export function tokenSigner(opts: {
  secret: Uint8Array;
  district: string;
  config?: Pick<Config, "jwtIssuer" | "jwtAudience">;
}): TokenFor {
  const tokens = new Map<string, Promise<string>>();
  return (role, extra = {}) => {
    const key = `${role}|${extra.department ?? ""}|${extra.street ?? ""}|${extra.grid ?? ""}`;
    let t = tokens.get(key);
    if (!t) {
      t = signToken(
        opts.secret,
        {
          sub: `${opts.district}.${role}`,
          role,
          district: opts.district,
          department: extra.department,
          street: extra.street,
          grids: extra.grid ? [extra.grid] : undefined,
          expiresIn: "12h",
        },
        opts.config as Config | undefined,
      );
      tokens.set(key, t);
    }
    return t;
  };
}
