import { CreateDepartmentDocument } from "../generated/graphql";
import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { formatError } from "../../src/common/errors";
import { buildDistrict, closeFactories, tokenFor, type BuiltDistrict } from "../factories";

let dev: TestServer;
let prod: TestServer;
let district: BuiltDistrict;
let admin: string;

beforeAll(async () => {
  district = await buildDistrict();
  admin = await tokenFor({ district, role: "district_admin" });
  dev = await startTestServer();
  prod = await startTestServer({
    NODE_ENV: "production",
    DATABASE_URL: process.env.TEST_APP_DATABASE_URL!,
    GRAPHQL_INTROSPECTION: "",
  });
});
afterAll(async () => {
  await dev.close();
  await prod.close();
  await closeFactories();
});

it("invalid input is BAD_USER_INPUT naming the field, and nothing is written", async () => {
  const res = await gql(
    dev,
    CreateDepartmentDocument,
    { input: { code: "Bad Code!", name: "x" } },
    admin,
  );
  expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
  expect(res.errors?.[0].message).toMatch(/lowercase/);
  const empty = await gql(
    dev,
    CreateDepartmentDocument,
    { input: { code: "okcode", name: "" } },
    admin,
  );
  expect(empty.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
  const list = await gql(dev, `{ district { departments { totalCount } } }`, {}, admin);
  expect(list.data).toEqual({ district: { departments: { totalCount: 0 } } });
});

it("a duplicate is CONFLICT", async () => {
  const first = await gql(
    dev,
    CreateDepartmentDocument,
    { input: { code: "dup", name: "一" } },
    admin,
  );
  expect(first.errors).toBeUndefined();
  const second = await gql(
    dev,
    CreateDepartmentDocument,
    { input: { code: "dup", name: "二" } },
    admin,
  );
  expect(errorCode(second)).toBe("CONFLICT");
});

it("a wrongly typed variable is BAD_USER_INPUT", async () => {
  const res = await gql(dev, CreateDepartmentDocument, { input: { code: 5 } } as never, admin);
  expect(errorCode(res)).toBe("BAD_USER_INPUT");
});

it("in production: no field suggestions, no introspection, no stack traces", async () => {
  const typo = await gql(prod, `{ districtt { name } }`, {}, admin);
  expect(errorCode(typo)).toBe("GRAPHQL_VALIDATION_FAILED");
  expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
  const devTypo = await gql(dev, `{ districtt { name } }`, {}, admin);
  expect(devTypo.errors?.[0].message).toMatch(/Did you mean/);

  const intro = await gql(prod, `{ __schema { types { name } } }`, {}, admin);
  expect(intro.errors?.[0].message).toMatch(/introspection/i);
  const devIntro = await gql(dev, `{ __schema { queryType { name } } }`, {}, admin);
  expect(devIntro.data).toEqual({ __schema: { queryType: { name: "Query" } } });

  for (const res of [typo, intro])
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
});

it("an unexpected failure is INTERNAL_SERVER_ERROR without internals, and is logged", () => {
  const logged: unknown[] = [];
  const err = new Error('relation "secret_table" does not exist');
  const out = formatError(
    { message: err.message, extensions: { stacktrace: ["at x.js:1"] } },
    err,
    (e) => logged.push(e),
  );
  expect(out).toEqual({
    message: "Internal server error",
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
  expect(logged).toEqual([err]);
});
