import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from "graphql";
import { type Principal } from "../auth/principal";
import { type OperationGuard } from "./guard";
import { tooComplex } from "./operation-check";
import { type TrustedDocuments } from "./trusted-documents";

const coded = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra } });

export interface SocketPayload {
  query?: unknown;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
  documentId?: unknown;
}

/**
 * What graphql-ws runs for one subscribe message, after the same checks as HTTP: a trusted
 * document (when required), the parser's token ceiling, validation, no mutations over the socket
 * (they belong on HTTP, where each request is one transaction), then the caller's limits, clean
 * text and rate. Returns the execution arguments, or the errors to send back.
 */
export async function socketOperation(
  schema: GraphQLSchema,
  guard: OperationGuard,
  /**
   * As Apollo does over HTTP: `introspection: false` refuses `__schema` and `__type`;
   * `hideSuggestions` leaves "did you mean" out of validation errors (production).
   */
  opts: {
    trusted?: TrustedDocuments;
    maxTokens: number;
    introspection?: boolean;
    hideSuggestions?: boolean;
  },
  principal: Principal | null,
  payload: SocketPayload,
): Promise<ExecutionArgs | GraphQLError[]> {
  let source: string;
  if (opts.trusted) {
    const found = opts.trusted.resolve(payload);
    if ("refused" in found) return [coded(found.message, found.refused)];
    source = found.query;
  } else if (typeof payload.query === "string") {
    source = payload.query;
  } else {
    return [coded("the subscribe message has no query", "BAD_REQUEST")];
  }
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: opts.maxTokens });
  } catch (err) {
    const message = (err as Error).message;
    if (/tokens/.test(message)) return [tooComplex("tokens", opts.maxTokens, null)];
    return [coded(message, "GRAPHQL_PARSE_FAILED")];
  }
  const rules =
    opts.introspection === false
      ? [...specifiedRules, NoSchemaIntrospectionCustomRule]
      : specifiedRules;
  const invalid = validate(schema, document, rules, { hideSuggestions: opts.hideSuggestions });
  if (invalid.length > 0) return invalid.map((e) => coded(e.message, "GRAPHQL_VALIDATION_FAILED"));
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (!operation) return [coded("name the operation to run (operationName)", "BAD_REQUEST")];
  if (operation.operation === "mutation")
    return [
      coded("send mutations over HTTP (POST /graphql), not over the WebSocket", "BAD_USER_INPUT"),
    ];
  const variables = payload.variables ?? undefined;
  let cost: number;
  try {
    cost = await guard.check({ principal }, source, document, operation, variables);
  } catch (err) {
    if (err instanceof GraphQLError) return [err];
    throw err;
  }
  const args = {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: variables,
  };
  // A query runs once, like one over HTTP, so it takes a place in the work gate.
  if (operation.operation === "query") guard.noteSocketQuery(args, cost);
  return args;
}
