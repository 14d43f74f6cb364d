import path from "node:path";
import { ConfigError, loadConfig } from "../../src/config";

it("has sane defaults for development", () => {
  const c = loadConfig({});
  expect(c).toMatchObject({
    port: 4000,
    production: false,
    introspection: true,
    graphqlIde: true,
    loadDemoData: true,
    databaseUrl: undefined,
  });
  expect(c.dataDir).toBe(path.resolve(".data"));
});

it("uses DATABASE_URL for migrations unless MIGRATION_DATABASE_URL is set", () => {
  expect(loadConfig({ DATABASE_URL: "postgres://a@h/db" }).migrationDatabaseUrl).toBe(
    "postgres://a@h/db",
  );
  expect(
    loadConfig({ DATABASE_URL: "postgres://a@h/db", MIGRATION_DATABASE_URL: "postgres://o@h/db" })
      .migrationDatabaseUrl,
  ).toBe("postgres://o@h/db");
});

it.each([
  [{ PORT: "70000" }, /PORT/],
  [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must use postgres/],
  [{ JWT_SECRET: "short" }, /at least 32 bytes/],
  [{ GRAPHQL_INTROSPECTION: "maybe" }, /GRAPHQL_INTROSPECTION must be true or false/],
  [{ GRAPHQL_IDE: "maybe" }, /GRAPHQL_IDE must be true or false/],
  [{ NODE_ENV: "production", DATABASE_URL: "postgres://a@h/db" }, /JWT_SECRET or JWKS_URL/],
  [{ NODE_ENV: "production", JWT_SECRET: "x".repeat(32) }, /DATABASE_URL/],
  [{ LOG_LEVEL: "loud" }, /LOG_LEVEL/],
  [{ LOG_FORMAT: "xml" }, /LOG_FORMAT must be json, pretty or auto/],
  [{ METRICS: "maybe" }, /METRICS must be true or false/],
  [{ METRICS_TOKEN: "short" }, /METRICS_TOKEN must be at least 16/],
  [{ PUBSUB_NAMESPACE: "Civic-Grid" }, /PUBSUB_NAMESPACE must be lower-case/],
  [{ WS_SUBSCRIBER_QUEUE: "0" }, /WS_SUBSCRIBER_QUEUE must be an integer between 1/],
  [{ WS_CONNECTIONS_PER_PRINCIPAL: "lots" }, /WS_CONNECTIONS_PER_PRINCIPAL/],
])("fails fast on %p", (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});

it("turns introspection, the IDE and demo data off in production unless asked", () => {
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: "postgres://a@h/db",
    JWT_SECRET: "x".repeat(32),
  };
  expect(loadConfig(env)).toMatchObject({
    introspection: false,
    graphqlIde: false,
    loadDemoData: false,
  });
  expect(loadConfig({ ...env, GRAPHQL_INTROSPECTION: "true" }).introspection).toBe(true);
  expect(loadConfig({ ...env, GRAPHQL_IDE: "on" }).graphqlIde).toBe(true);
});

it("has documented defaults for live subscriptions and the channel namespace", () => {
  expect(loadConfig({})).toMatchObject({
    pubSubNamespace: "civic_grid",
    subscriptions: {
      perConnection: 50,
      perPrincipal: 200,
      connectionsPerPrincipal: 50,
      queue: 1000,
    },
  });
});

it("logs JSON in production and to a terminal's taste in development; /metrics is on", () => {
  expect(loadConfig({})).toMatchObject({
    logLevel: "info",
    logFormat: "auto",
    metrics: { enabled: true, token: undefined },
  });
  const prod = {
    NODE_ENV: "production",
    DATABASE_URL: "postgres://a@h/db",
    JWT_SECRET: "x".repeat(32),
  };
  expect(loadConfig(prod).logFormat).toBe("json");
  expect(
    loadConfig({
      LOG_LEVEL: "warn",
      LOG_FORMAT: "pretty",
      METRICS: "false",
      METRICS_TOKEN: "t".repeat(16),
    }),
  ).toMatchObject({
    logLevel: "warn",
    logFormat: "pretty",
    metrics: { enabled: false, token: "t".repeat(16) },
  });
  expect(loadConfig({ LOG_LEVEL: "error" }).logLevel).toBe("error");
});
