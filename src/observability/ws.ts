import { type IncomingMessage } from "node:http";
import { type WebSocket } from "ws";
import { getOperationAST, type ExecutionArgs, type GraphQLFormattedError } from "graphql";
import { type Logger } from "../logger";
import { type Principal } from "../auth/principal";
import { type Metrics } from "./metrics";
import { callerFields, requestIdFrom } from "./request";

interface Operation {
  log: Logger;
  name: string | null;
  type: string;
  /** The subscription's root field: what its events are counted under. */
  field: string;
  started: number;
  delivered: number;
  codes: string[];
}

interface Connection {
  id: string;
  log: Logger;
  opened: number;
  ops: Map<string, Operation>;
}

/** graphql-ws lets the client choose operation ids: a plain short one is kept, others replaced. */
function operationId(id: string): string {
  return /^[\w.:/+=-]{1,64}$/.test(id) ? id : "invalid-id";
}

/**
 * Logs and metrics of the WebSocket endpoint. Each connection gets an id (the upgrade request's
 * `X-Request-Id` when plain, else a new one); each operation's lines carry
 * `requestId: <connection id>:<operation id>`. One line per operation when it ends (its duration,
 * events delivered, error codes); connections open and close at debug.
 */
export class SocketObserver {
  private readonly connections = new WeakMap<WebSocket, Connection>();

  constructor(
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {}

  /** For `wsServer.on("connection")`. */
  readonly connected = (socket: WebSocket, req: IncomingMessage): void => {
    const id = requestIdFrom(req.headers["x-request-id"]);
    const conn: Connection = {
      id,
      log: this.log.child({ connectionId: id }),
      opened: performance.now(),
      ops: new Map(),
    };
    this.connections.set(socket, conn);
    conn.log.debug("websocket opened", { ip: req.socket.remoteAddress });
    socket.once("close", (code: number) => {
      for (const opId of [...conn.ops.keys()]) this.completed(socket, opId);
      const ms = Math.round(performance.now() - conn.opened);
      conn.log.debug("websocket closed", { code, ms });
    });
  };

  /** For the operation's context: its id and logger (bound to the caller). */
  scope(
    socket: WebSocket,
    id: string,
    args: ExecutionArgs,
    principal: Principal | null,
  ): { requestId?: string; log?: Logger } {
    const conn = this.connections.get(socket);
    if (!conn) return {};
    const op = getOperationAST(args.document, args.operationName);
    const first = op?.selectionSet.selections[0];
    const requestId = `${conn.id}:${operationId(id)}`;
    const log = conn.log.child({
      requestId,
      ...(principal ? callerFields(principal) : {}),
      operation: op?.name?.value ?? "anonymous",
    });
    conn.ops.set(id, {
      log,
      name: op?.name?.value ?? null,
      type: op?.operation ?? "unknown",
      field: first?.kind === "Field" ? first.name.value : "unknown",
      started: performance.now(),
      delivered: 0,
      codes: [],
    });
    return { requestId, log };
  }

  /** The operation's logger, or the connection's, or the server's. */
  logOf(socket: WebSocket, id: string): Logger {
    const conn = this.connections.get(socket);
    return conn?.ops.get(id)?.log ?? conn?.log ?? this.log;
  }

  /** A result is sent (graphql-ws's onNext): an event delivered, unless it only carries errors. */
  next(socket: WebSocket, id: string, result: { data?: unknown }): void {
    const op = this.connections.get(socket)?.ops.get(id);
    if (!op || result.data == null) return;
    op.delivered++;
    this.metrics.eventDelivered(op.field);
  }

  /** Counts an error sent over a WebSocket, for the operation's line too. */
  error(socket: WebSocket, id: string, formatted: GraphQLFormattedError): GraphQLFormattedError {
    const raw = formatted.extensions?.code;
    const code = typeof raw === "string" ? raw : "INTERNAL_SERVER_ERROR";
    this.metrics.error(code, "ws");
    this.connections.get(socket)?.ops.get(id)?.codes.push(code);
    return formatted;
  }

  /** The operation ended: completed by either side, or its socket closed. */
  completed(socket: WebSocket, id: string): void {
    const conn = this.connections.get(socket);
    const op = conn?.ops.get(id);
    if (!conn || !op) return;
    conn.ops.delete(id);
    const outcome = op.codes.length === 0 ? "ok" : op.delivered > 0 ? "partial" : "error";
    this.metrics.graphqlRequest({
      operation: this.metrics.operation(op.name),
      type: op.type,
      outcome,
      transport: "ws",
    });
    op.log.info("websocket operation", {
      operationType: op.type,
      field: op.field,
      ms: Math.round(performance.now() - op.started),
      delivered: op.delivered,
      outcome,
      errors: op.codes.length ? op.codes : undefined,
    });
  }
}
