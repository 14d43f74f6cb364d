import { type AuthCheckerFn } from "type-graphql";
import { unauthenticated } from "../common/errors";
import { type Context } from "./context";
import { type Role } from "../auth/roles";

/**
 * @Authorized(...roles): no principal is UNAUTHENTICATED; a principal whose role is not listed is
 * FORBIDDEN (type-graphql raises it; formatError gives it our code). Tokens on long-lived
 * WebSocket connections are checked for expiry again on every operation and event.
 */
export const authChecker: AuthCheckerFn<Context, Role> = ({ context }, roles) => {
  const p = context.principal;
  if (!p) throw unauthenticated("sign in first: send the header Authorization: Bearer <token>");
  if (p.expiresAt !== null && p.expiresAt <= Date.now())
    throw unauthenticated("the token has expired");
  return roles.length === 0 || roles.includes(p.role);
};
