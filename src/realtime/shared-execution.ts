import {
  createSourceEventStream,
  execute,
  getNamedType,
  isCompositeType,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import { extend } from "../common/objects";

/**
 * Marks a subscription payload as shared: every subscriber that receives an event gets a payload
 * carrying the same anchor object (the feed entry), so that subscribers who would get the same
 * answer share one execution of their selection for it.
 */
export const SHARED = Symbol("shared payload");

export interface SharedPayload {
  [SHARED]?: object;
  /** Part of the answer that differs between subscribers of one entry (their cursor). */
  cursor?: string;
}

/**
 * What makes two subscribers' answers to the same event equal, beside the document and its
 * variables: the caller's rights (role, districts, the department, street office and grids its
 * token names). The subject itself counts only when the selection reaches a type outside
 * `subjectFree`, whose resolvers may look at who the caller is (one's own person record).
 */
export type ViewerKey = (contextValue: unknown, subjectMatters: boolean) => string | null;

/**
 * What an execution gathers beside its result that belongs to every subscriber who receives it:
 * the personal data it served, for the read audit. A shared execution runs under the context of
 * whichever subscriber came first, but each subscriber that gets the result has read it, so what
 * was gathered is applied once per delivery, as that subscriber, before the result is sent.
 */
export interface PerDelivery {
  /** The context for one execution, made from the running subscriber's, and what it gathered. */
  fork(contextValue: unknown): { contextValue: unknown; gathered(): unknown };
  /** Applies what the execution gathered as this subscriber; throwing withholds the result. */
  deliver(
    contextValue: unknown,
    gathered: unknown,
    result: ExecutionResult,
  ): Promise<ExecutionResult>;
}

interface Outcome {
  result: ExecutionResult;
  gathered: unknown;
}

/**
 * graphql-ws's `subscribe`, sharing execution: the source stream is the subscription's own
 * (filters, visibility, bounded queue, cursor); for each event, the selection is executed once per
 * (event, document, variables, viewer key, cursor) and the result given to every subscriber with
 * that key. With a thousand command-center screens on one district, an event is executed once,
 * not a thousand times. Payloads without an anchor are executed per subscriber, as usual.
 */
export function sharedSubscribe(
  schema: GraphQLSchema,
  subjectFree: ReadonlySet<string>,
  viewerKey: ViewerKey,
  perDelivery?: PerDelivery,
) {
  // Per anchor, per subscription key (one string per subscription, so its hash is computed once),
  // per cursor: the shared result.
  const results = new WeakMap<object, Map<string, Map<string, Promise<Outcome> | Outcome>>>();
  // By the document's text: a thousand screens send the same one, each parsed anew.
  const documents = new Map<string, { text: string; subjectMatters: boolean }>();

  const describe = (document: DocumentNode) => {
    const source = document.loc?.source.body ?? print(document);
    let d = documents.get(source);
    if (!d) {
      d = { text: source, subjectMatters: reachesOutside(schema, document, subjectFree) };
      if (documents.size >= 1000) documents.clear();
      documents.set(source, d);
    }
    return d;
  };

  return async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
    const doc = describe(args.document);
    const viewer = viewerKey(args.contextValue, doc.subjectMatters);
    const key =
      viewer === null
        ? null
        : `${doc.text}\u0000${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${viewer}`;
    const run = async (payload: unknown): Promise<Outcome> => {
      const forked = perDelivery?.fork(args.contextValue);
      const contextValue = forked ? forked.contextValue : args.contextValue;
      const result = await execute(extend(args, { contextValue, rootValue: payload }));
      return { result, gathered: forked?.gathered() };
    };
    const it = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    // The outcome as this subscriber's result. If what it gathered cannot be applied, the result is
    // withheld and the subscription ends with the error; the client resumes from its cursor.
    const deliver = async (o: Outcome) => {
      if (!perDelivery) return o.result;
      try {
        return await perDelivery.deliver(args.contextValue, o.gathered, o.result);
      } catch (err) {
        await it.return?.();
        throw err;
      }
    };
    const mapped = {
      async next() {
        const r = await it.next();
        if (r.done) return { value: undefined, done: true };
        const payload = r.value as SharedPayload;
        const anchor = payload?.[SHARED];
        if (!anchor || key === null)
          return { value: await deliver(await run(payload)), done: false };
        let byKey = results.get(anchor);
        if (!byKey) results.set(anchor, (byKey = new Map()));
        let byCursor = byKey.get(key);
        if (!byCursor) byKey.set(key, (byCursor = new Map()));
        const cursor = payload.cursor ?? "";
        let outcome = byCursor.get(cursor);
        if (!outcome) {
          const pending = run(payload);
          outcome = pending;
          byCursor.set(cursor, pending);
          // Once settled, later subscribers take the value itself, without a wait.
          void pending.then(
            (v) => byCursor.set(cursor, v),
            () => undefined,
          );
        }
        return {
          value: await deliver(outcome instanceof Promise ? await outcome : outcome),
          done: false,
        };
      },
      async return() {
        await it.return?.();
        return { value: undefined, done: true };
      },
      async throw(err) {
        await it.return?.();
        throw err;
      },
      [Symbol.asyncIterator]() {
        return mapped;
      },
      [Symbol.asyncDispose]: async () => {
        await it.return?.();
      },
    } as AsyncGenerator<ExecutionResult>;
    return mapped;
  };
}

/** Whether the selection (with its fragments) reaches a composite type outside `allowed`. */
function reachesOutside(
  schema: GraphQLSchema,
  document: DocumentNode,
  allowed: ReadonlySet<string>,
): boolean {
  const info = new TypeInfo(schema);
  let outside = false;
  visit(
    document,
    visitWithTypeInfo(info, {
      Field() {
        const t = info.getType();
        const named = t && getNamedType(t);
        if (named && isCompositeType(named) && !allowed.has(named.name)) outside = true;
      },
    }),
  );
  return outside;
}
