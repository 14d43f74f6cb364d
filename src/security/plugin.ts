import { type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import { GraphQLError } from "graphql";
import { type Context } from "../context/context";
import { type OperationGuard } from "./guard";
import { type Release } from "./work-gate";

/** A refusal made before execution is the request's fault unless it says otherwise: HTTP 400. */
function withStatus(err: unknown): unknown {
  if (err instanceof GraphQLError && !err.extensions.http) {
    (err.extensions as Record<string, unknown>).http = { status: 400 };
  }
  return err;
}

/** Errors that mean "this document cannot run", which GraphQL over HTTP answers with 200 in JSON. */
const DOCUMENT_ERRORS = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
]);

/**
 * GraphQL over HTTP: a client that asks for `application/json` only (not the newer
 * `application/graphql-response+json`) gets a document's parse, validation and variable errors
 * with status 200, as the specification advises for that media type; everyone else keeps 400.
 */
function legacyJsonStatus(accept: string | undefined, response: GraphQLResponse): void {
  if (!accept || !/application\/json/.test(accept) || /graphql-response\+json/.test(accept)) return;
  if (response.http.status !== 400 || response.body.kind !== "single") return;
  const { data, errors } = response.body.singleResult;
  if (data == null && errors?.every((e) => DOCUMENT_ERRORS.has(String(e.extensions?.code))))
    response.http.status = 200;
}

/**
 * A request that failed only because the database was out of reach answers 503 with the
 * error's Retry-After, so that proxies and clients treat it as the passing outage it is.
 */
function unavailableStatus(response: GraphQLResponse): void {
  if (response.body.kind !== "single") return;
  const { data, errors } = response.body.singleResult;
  if (data != null || !errors?.length) return;
  if (!errors.every((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")) return;
  response.http.status = 503;
  response.http.headers.set("retry-after", String(errors[0].extensions?.retryAfter ?? 2));
}

/**
 * A client that is told to come back later and comes back at once costs the server a refusal
 * each time (about a millisecond of CPU: body, token, parse, answer, log); a few hundred of them
 * fill its one JavaScript thread and every cheap request waits behind them. So a refusal for rate
 * or load is held for its Retry-After (at most `holdMs`) before it is sent: a client that ignores
 * Retry-After then waits anyway, and the server spends nothing meanwhile (its gate place is
 * already given back).
 */
async function holdRefusal(err: unknown, holdMs: number): Promise<void> {
  if (holdMs <= 0 || !(err instanceof GraphQLError)) return;
  const code = err.extensions.code;
  if (code !== "RATE_LIMITED" && code !== "SERVER_BUSY") return;
  const retryAfter = Number(err.extensions.retryAfter ?? 1) * 1000;
  await new Promise((resolve) => setTimeout(resolve, Math.min(holdMs, retryAfter)));
}

/**
 * The HTTP side of the guard: once the operation is known (parsed, validated, not yet run), its
 * limits, text and rate are checked and it takes its place among the work in flight, which it
 * gives back when its response is sent. Subscriptions are refused here: they run over graphql-ws.
 */
export function securityPlugin(
  guard: OperationGuard,
  wsPath: string,
  holdMs = 0,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let release: Release | undefined;
      // Apollo answers as soon as any plugin's didResolveOperation fails, without waiting for
      // this one: a place granted after the answer went out is given back at once.
      let answered = false;
      return {
        async didResolveOperation({ contextValue, operation, document, source, request }) {
          if (!operation) return;
          if (operation.operation === "subscription") {
            throw new GraphQLError(
              `subscriptions run over the WebSocket (graphql-ws protocol) at ${wsPath}, not over HTTP`,
              { extensions: { code: "BAD_REQUEST", http: { status: 400 } } },
            );
          }
          const caller = {
            principal: contextValue.principal,
            remoteAddress: contextValue.remoteAddress,
          };
          try {
            const cost = guard.measure(caller, source, document, operation, request.variables);
            // A place first, then the rate: a request the gate refuses spends no points.
            const admitted = await guard.admit(caller, cost);
            release = admitted;
            if (answered) admitted();
            try {
              await guard.take(caller, cost);
            } catch (err) {
              admitted();
              throw err;
            }
          } catch (err) {
            await holdRefusal(err, holdMs);
            throw withStatus(err);
          }
        },
        async willSendResponse({ request, response }) {
          answered = true;
          release?.();
          release = undefined;
          legacyJsonStatus(request.http?.headers.get("accept"), response);
          unavailableStatus(response);
        },
      };
    },
  };
}
