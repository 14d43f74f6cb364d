import { createClient, type Client } from "graphql-ws";
import { type TypedDocumentString } from "./gql/graphql";

/**
 * The codes of `extensions.code` (README "Errors"), plus the two a request can meet before it
 * reaches the API's own rules: PERSISTED_QUERY_NOT_FOUND (trusted documents, an unknown hash) and
 * GRAPHQL_VALIDATION_FAILED (a document the server's schema no longer accepts).
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "TOO_MANY_SUBSCRIPTIONS"
  | "QUERY_TOO_COMPLEX"
  | "RATE_LIMITED"
  | "SERVER_BUSY"
  | "SERVICE_UNAVAILABLE"
  | "DOCUMENT_NOT_TRUSTED"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "BAD_REQUEST"
  | "PAYLOAD_TOO_LARGE"
  | "GRAPHQL_VALIDATION_FAILED"
  | "INTERNAL_SERVER_ERROR";

/** The same request may be sent again after `retryAfter` seconds. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set([
  "RATE_LIMITED",
  "SERVER_BUSY",
  "SERVICE_UNAVAILABLE",
]);

interface ErrorJson {
  message: string;
  extensions?: Record<string, unknown>;
}

/** An error the API answered with: the first of its errors, and all of them. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown>,
    readonly errors: readonly ErrorJson[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  static of(errors: readonly ErrorJson[]): ApiError {
    const first = errors[0] ?? { message: "no error given" };
    const code = (first.extensions?.code ?? "INTERNAL_SERVER_ERROR") as ErrorCode;
    return new ApiError(code, first.message, first.extensions ?? {}, errors);
  }

  /** BAD_USER_INPUT: the argument or input field at fault, to show the message beside it. */
  get field(): string | undefined {
    return this.extensions.field as string | undefined;
  }

  /** RATE_LIMITED, SERVER_BUSY, SERVICE_UNAVAILABLE: seconds to wait before trying again. */
  get retryAfter(): number | undefined {
    return this.extensions.retryAfter as number | undefined;
  }
}

/** Worth sending again: a retryable code, or no answer at all (fetch's network failure). */
export function isRetryable(err: unknown): boolean {
  return err instanceof ApiError ? RETRYABLE.has(err.code) : err instanceof TypeError;
}

/** The connection's state, for a "reconnecting" sign. */
export type ConnectionState = "connecting" | "connected" | "disconnected";

export interface ApiOptions {
  /** The API's HTTP endpoint, e.g. https://grid.example.gov.cn/graphql. */
  url: string;
  /** Its WebSocket endpoint; default: `url` with ws: or wss:. */
  wsUrl?: string;
  /** The bearer token, asked for on every request and (re)connection: it may refresh it. */
  token: () => string | Promise<string>;
  /** Send each document by its hash only, for a server with TRUSTED_DOCUMENTS (README). */
  trustedDocuments?: boolean;
  /** Browsers have one; on Node 20, `ws`'s (`import WebSocket from "ws"`). */
  webSocketImpl?: unknown;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  onConnection?: (state: ConnectionState) => void;
}

export type Api = ReturnType<typeof createApi>;

export function createApi(options: ApiOptions) {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const trusted = options.trustedDocuments ?? false;
  /** The document's hash (`sha256:…`), by which a server with trusted documents knows it. */
  const hashOf = (doc: { __meta__?: Record<string, unknown> }) => doc.__meta__?.hash as string;

  /** A query or mutation over HTTP (each one transaction on the server). */
  async function request<R, V>(doc: TypedDocumentString<R, V>, variables: V): Promise<R> {
    const res = await fetchImpl(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await options.token()}`,
      },
      body: JSON.stringify(
        trusted ? { documentId: hashOf(doc), variables } : { query: doc.toString(), variables },
      ),
    });
    // Refusals come as JSON with their code, whatever the HTTP status (401, 413, 429, 503, ...).
    const body = (await res.json().catch(() => {
      throw new Error(`${options.url} answered HTTP ${res.status} without a GraphQL result`);
    })) as { data?: R | null; errors?: ErrorJson[] };
    if (body.errors?.length) throw ApiError.of(body.errors);
    return body.data as R;
  }

  let ws: Client | undefined;
  function socket(): Client {
    ws ??= createClient({
      url: options.wsUrl ?? options.url.replace(/^http/, "ws"),
      webSocketImpl: options.webSocketImpl,
      connectionParams: async () => ({ Authorization: `Bearer ${await options.token()}` }),
      // Reconnect after any drop, with graphql-ws's growing, randomised waits, except when the
      // server refused the token (4403): the subscriber hears that as an error and signs in again.
      retryAttempts: Infinity,
      shouldRetry: (e) => (e as { code?: number }).code !== 4403,
      on: {
        connecting: () => options.onConnection?.("connecting"),
        connected: () => options.onConnection?.("connected"),
        closed: () => options.onConnection?.("disconnected"),
      },
    });
    return ws;
  }

  /**
   * A subscription over graphql-ws. After a dropped connection graphql-ws subscribes again by
   * itself, sending the same request: its `variables` are read each time it is sent, so a
   * subscription whose variables name the last cursor received resumes after it.
   */
  function subscribe<R, V>(
    doc: TypedDocumentString<R, V>,
    variables: () => V,
    sink: { next(data: R): void; error(err: unknown): void },
  ): () => void {
    const request = {
      // With trusted documents the hash names it; graphql-ws wants a query all the same: "".
      query: trusted ? "" : doc.toString(),
      ...(trusted ? { documentId: hashOf(doc) } : {}),
      get variables() {
        return variables() as Record<string, unknown>;
      },
    };
    return socket().subscribe<R>(request, {
      next: (result) =>
        result.errors ? sink.error(ApiError.of(result.errors)) : sink.next(result.data as R),
      // An error message of the server is a list of errors; anything else is the socket's.
      error: (err) => sink.error(Array.isArray(err) ? ApiError.of(err) : err),
      complete: () => undefined,
    });
  }

  return {
    request,
    subscribe,
    /** Closes the WebSocket, if one was opened. */
    close: async () => ws?.dispose(),
  };
}
