import { GraphQLError } from "graphql";
import { type TokenVerifier } from "../auth/jwt";
import { type TenancyDirectory } from "../modules/tenancy/tenancy.directory";
import { type Principal } from "./principal";
import { resolvePrincipal } from "./resolve-principal";

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return "";
  return match[1];
}

/** The edge: a verified token becomes a principal, once per request or WebSocket connection. */
export async function principalFrom(
  header: string | undefined,
  verify: TokenVerifier,
  dir: TenancyDirectory,
): Promise<Principal | null> {
  const token = bearer(header);
  if (token === null) return null;
  if (token === "") {
    throw new GraphQLError("the Authorization header must be 'Bearer <token>'", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  return resolvePrincipal(await verify(token), dir);
}
