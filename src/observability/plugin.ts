import { type ApolloServerPlugin } from "@apollo/server";
import { getOperationAST, type DocumentNode } from "graphql";
import { type Logger } from "../logger";
import { currentRequest } from "./request";

/**
 * Tells the request's record (observability/request.ts) what Apollo learnt: that it took the
 * request, the operation's name and type, and the response it sends. The access log line and the
 * metrics are written from the record when the response is done. Once the operation is known, the
 * request's logger (the context's too) carries its name. Of the context it needs only the
 * logger's slot, which keeps observability below context/.
 */
export function observabilityPlugin(): ApolloServerPlugin<{ log?: Logger }> {
  return {
    async requestDidStart() {
      const rec = currentRequest();
      if (!rec) return;
      rec.graphql = true;
      const name = (document: DocumentNode | undefined, wanted: string | undefined) => {
        const op = document ? getOperationAST(document, wanted) : null;
        if (!op) return;
        rec.operation = op.name?.value ?? null;
        rec.operationType = op.operation;
      };
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          // Apollo has picked the operation already; a document without one is named below.
          if (operation) {
            rec.operation = operation.name?.value ?? null;
            rec.operationType = operation.operation;
          } else name(document, request.operationName);
          if (rec.operation === undefined) return;
          rec.log = rec.log.child({ operation: rec.operation ?? "anonymous" });
          contextValue.log = rec.log;
        },
        async willSendResponse({ document, request, response }) {
          // An operation that failed validation still has a name worth counting.
          if (rec.operationType === undefined) name(document, request.operationName);
          if (response.body.kind === "single") rec.result = response.body.singleResult;
        },
      };
    },
  };
}
