import { type Principal } from "../../auth/principal";
import { type AuthedContext } from "../../context/context";
import { finishRequest } from "../../context/read-audit-writes";
import { requestContext, type RequestContextDeps } from "../../context/request-context";
import { type RequestTransaction } from "../../db/tenant";

/** What an export needs of the server: the database, the time, and what a context carries. */
export type ExportDeps = RequestContextDeps;

/**
 * Runs `fn` as one GraphQL request would run: a context of the caller (its loaders, its read
 * collector) over one tenant transaction, so that row-level security and the modules' own rules
 * see the caller as they do in the API. The transaction commits with the personal data `fn` read
 * in full recorded in the read audit (finishRequest, as for a request over HTTP); it rolls back if
 * `fn` fails. Each page of an export is one such unit: read, recorded, committed, then written to
 * the client, so that nothing is sent that was not recorded, and no connection is held while a
 * slow client reads.
 */
export async function asRequest<T>(
  deps: ExportDeps,
  principal: Principal,
  fn: (ctx: AuthedContext) => Promise<T>,
): Promise<T> {
  const ctx = requestContext(deps, principal) as AuthedContext & { db: RequestTransaction };
  const tx = ctx.db;
  let result: T;
  try {
    result = await fn(ctx);
  } catch (err) {
    await tx.finish(false).catch(() => undefined);
    throw err;
  }
  await finishRequest(ctx, tx, { commit: true, served: true, dataSource: deps.dataSource });
  return result;
}
