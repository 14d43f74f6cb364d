import { type ApolloServerPlugin } from "@apollo/server";
import { type GraphQLFormattedError } from "graphql";
import { type DataSource } from "typeorm";
import { formatError, RETRY_AFTER_SECONDS } from "../common/errors";
import { type RequestTransaction } from "../db/tenant";
import { type Logger } from "../logger";
import { noteError, requestLog } from "../observability/request";
import { type AnswerHold, type Context, type FailedAnswer } from "./context";
import { endRequest } from "./read-audit-writes";

/**
 * Commits each request's transaction when it succeeded and rolls it back otherwise; publishes after
 * commit. The personal data the request served is recorded on the way (context/read-audit-writes.ts); if
 * that fails, the response carries no data.
 *
 * Over HTTP the answer's text is made while PostgreSQL commits: once the reads' INSERTs and the
 * COMMIT are on their way, Apollo goes on to serialize the answer, and the HTTP layer holds the
 * text (`holdAnswer`) until the commit's outcome is known, then writes it, or the error in its
 * place. No data leaves before its commit; for a district's tree (0.45 MB of answer) that is
 * several milliseconds of serializing no longer waiting behind the COMMIT.
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
          let settled: Promise<void>;
          try {
            ({ settled } = await endRequest(contextValue, tx, { commit: ok, served, dataSource }));
          } catch (err) {
            settled = Promise.reject(err);
          }
          const failure = (err: unknown) => failedCommit(err, log);
          const hold = contextValue.answerHold;
          if (hold && response.body.kind === "single") {
            const extensions = response.body.singleResult.extensions;
            hold.hold(
              settled.then(
                () => null,
                (err: unknown) => failedAnswer(failure(err), extensions),
              ),
            );
            return;
          }
          try {
            await settled;
          } catch (err) {
            const failed = failure(err);
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [failed.error];
            }
            if (failed.retryAfter !== undefined) {
              response.http.status = 503;
              response.http.headers.set("retry-after", failed.retryAfter);
            }
          }
        },
      };
    },
  };
}

/** A commit that failed, as the client is told of it. */
interface FailedCommit {
  error: GraphQLFormattedError;
  /** Set for a database that went away: the answer is then a 503 with this Retry-After. */
  retryAfter?: string;
}

function failedCommit(err: unknown, log: Logger): FailedCommit {
  const error = noteError(
    formatError({ message: "commit failed" }, err, (e) =>
      requestLog(log).error("commit failed", e),
    ),
  );
  // The commit is the last step: a database that went away just then is the same passing outage
  // as one that was away from the start, and answers the same 503.
  return error.extensions?.code === "SERVICE_UNAVAILABLE"
    ? { error, retryAfter: String(error.extensions.retryAfter ?? RETRY_AFTER_SECONDS) }
    : { error };
}

function failedAnswer(f: FailedCommit, extensions: unknown): FailedAnswer {
  const body = `${JSON.stringify({ errors: [f.error], data: null, extensions })}\n`;
  return f.retryAfter !== undefined
    ? { status: 503, headers: { "retry-after": f.retryAfter }, body }
    : { headers: {}, body };
}

/** The parts of an HTTP response the hold uses (Express's). */
interface HeldResponse {
  send(body: string): unknown;
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  headersSent: boolean;
}

/**
 * The hold of one HTTP response: the next `send` of its text (Apollo's integration writes a single
 * result with one) waits for the outcome. Without a hold, the plugin waits for the commit itself.
 */
export function holdAnswer(res: HeldResponse): AnswerHold {
  return {
    hold(outcome) {
      const send = res.send.bind(res);
      res.send = (body: string) => {
        res.send = send;
        void outcome
          .then((failed) => {
            if (!failed) return send(body);
            if (failed.status !== undefined) res.statusCode = failed.status;
            for (const [name, value] of Object.entries(failed.headers)) res.setHeader(name, value);
            return send(failed.body);
          })
          .catch(() => {
            // Writing failed (the client went away): there is nobody left to answer.
          });
        return res;
      };
    },
  };
}
