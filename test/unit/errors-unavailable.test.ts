import { GraphQLError } from "graphql";
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from "typeorm";
import { formatError } from "../../src/common/errors";

/** What a client gets for `err` thrown by a resolver, and what was logged. */
function client(err: unknown) {
  const logged: unknown[] = [];
  const wrapped = new GraphQLError("boom", {
    originalError: err instanceof Error ? err : undefined,
  });
  const out = formatError({ message: "boom" }, wrapped, (e) => logged.push(e));
  return { code: out.extensions?.code, retryAfter: out.extensions?.retryAfter, logged };
}

function pgError(code: string, message = "from PostgreSQL") {
  return Object.assign(new Error(message), { code, severity: "FATAL" });
}

function errno(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect" });
}

it.each([
  ["a session ended by a shutdown (57P01)", pgError("57P01")],
  ["a crash restart (57P02)", pgError("57P02")],
  ["a database starting up (57P03)", pgError("57P03", "the database system is starting up")],
  ["too many connections (53300)", pgError("53300")],
  ["a connection exception (08006)", pgError("08006")],
  ["a refused connection", errno("ECONNREFUSED")],
  ["a reset connection", errno("ECONNRESET")],
  ["a connection node-postgres lost", new Error("Connection terminated unexpectedly")],
  ["a pool that found no connection in time", new Error("timeout exceeded when trying to connect")],
  [
    "TypeORM's wrapper of a lost connection",
    new QueryFailedError("SELECT 1", [], pgError("57P01")),
  ],
  ["a runner TypeORM gave up with its connection", new QueryRunnerAlreadyReleasedError()],
  [
    "every address of a host refused",
    new AggregateError([errno("ECONNREFUSED"), errno("ECONNREFUSED")], "connect failed"),
  ],
])("%s is SERVICE_UNAVAILABLE with a retry hint, not an internal error", (_what, err) => {
  expect(client(err)).toEqual({ code: "SERVICE_UNAVAILABLE", retryAfter: 2, logged: [] });
});

it("other database errors keep their own codes", () => {
  expect(client(pgError("23505")).code).toBe("CONFLICT");
  expect(client(pgError("42P01", 'relation "x" does not exist')).code).toBe(
    "INTERNAL_SERVER_ERROR",
  );
  expect(client(new Error("something else")).code).toBe("INTERNAL_SERVER_ERROR");
});
