import { type ApolloServerPlugin } from "@apollo/server";
import { type DataSource } from "typeorm";
import { formatError, RETRY_AFTER_SECONDS } from "../common/errors";
import { type RequestTransaction } from "../db/tenant";
import { type Logger } from "../logger";
import { noteError, requestLog } from "../observability/request";
import { type Context } from "./context";
import { finishRequest } from "./read-audit";

/**
 * Commits each request's transaction when it succeeded and rolls it back otherwise; publishes after
 * commit. The personal data the request served is recorded on the way (context/read-audit.ts); if
 * that fails, the response carries no data.
 */
export function transactionPlugin(
  log: Logger,
  dataSource: DataSource,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, errors }) {
          const tx = contextValue.db as RequestTransaction;
          const ok = !errors || errors.length === 0;
          const served = response.body.kind !== "single" || response.body.singleResult.data != null;
          try {
            await finishRequest(contextValue, tx, { commit: ok, served, dataSource });
          } catch (err) {
            const formatted = noteError(
              formatError({ message: "commit failed" }, err, (e) =>
                requestLog(log).error("commit failed", e),
              ),
            );
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [formatted];
            }
            // The commit is the last step: a database that went away just then is the same
            // passing outage as one that was away from the start, and answers the same 503.
            if (formatted.extensions?.code === "SERVICE_UNAVAILABLE") {
              response.http.status = 503;
              response.http.headers.set(
                "retry-after",
                String(formatted.extensions.retryAfter ?? RETRY_AFTER_SECONDS),
              );
            }
          }
        },
      };
    },
  };
}
