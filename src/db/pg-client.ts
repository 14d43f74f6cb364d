import { Client } from "pg";

type Callback = (err: Error | null, res: unknown) => void;

const hasCallback = (config: unknown): boolean =>
  typeof config === "object" &&
  config !== null &&
  (typeof (config as { submit?: unknown }).submit === "function" ||
    typeof (config as { callback?: unknown }).callback === "function");

/**
 * `pg`'s client, whose `query` without a callback (the promise form, which TypeORM and this
 * project use) is answered through the callback form.
 *
 * The two forms run the same query; they differ in what the garbage collector makes of them.
 * With `pg`'s own promise form, the rows a query read stayed alive through the next
 * young-generation collection of V8, which then moved them to the old generation, to be freed
 * only by a full collection: a server answering grid scoreboards (702 rows a statement) promoted
 * 123–186 MB over 400 requests and paused 0.55–0.79 s in all for it, against 3 MB and 0.17–0.20 s
 * with this client (docs/performance.md, "Fifth round"). Why the promise form keeps them was not found; the
 * difference is measured, and `test/db/pg-client.test.ts` holds it.
 *
 * Errors keep `pg`'s promise form's stack: where the query was made, not the socket's read.
 */
export class PromptClient extends Client {}

const query = Client.prototype.query as (this: Client, ...a: unknown[]) => unknown;

// On the prototype, so that the class keeps pg's overloads of `query` for its callers.
PromptClient.prototype.query = function (this: Client, ...args: unknown[]) {
  const [config, values, callback] = args;
  if (typeof callback === "function" || typeof values === "function" || hasCallback(config))
    return query.apply(this, args);
  return new Promise((resolve, reject) => {
    const done: Callback = (err, res) => (err ? reject(err) : resolve(res));
    query.call(this, config, values, done);
  }).catch((err: unknown) => {
    if (err instanceof Error) Error.captureStackTrace(err);
    throw err;
  });
} as Client["query"];
