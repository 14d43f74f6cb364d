import {
  CreateDepartmentDocument,
  DepartmentChangedDocument,
  RenameDepartmentDocument,
} from "../generated/graphql";
import { startTestServer, gql, wsClient, collect, type TestServer } from "../helpers/server";
import { buildDistrict, closeFactories, secret, tokenFor, type BuiltDistrict } from "../factories";
import { signToken } from "../../src/auth/jwt";

let server: TestServer;
let a: BuiltDistrict;
let b: BuiltDistrict;

beforeAll(async () => {
  a = await buildDistrict();
  b = await buildDistrict({ city: a.city });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const settle = () => new Promise((r) => setTimeout(r, 300));

it("a command center sees its district's changes live; another district's subscriber sees nothing", async () => {
  const watchA = wsClient(server, await tokenFor({ district: a, role: "command_center" }));
  const watchB = wsClient(server, await tokenFor({ district: b, role: "command_center" }));
  const subA = collect(watchA.client, DepartmentChangedDocument);
  const subB = collect(watchB.client, DepartmentChangedDocument);
  await settle();

  const admin = await tokenFor({ district: a, role: "district_admin" });
  const created = await gql(
    server,
    CreateDepartmentDocument,
    { input: { code: "live_dep", name: "实时局" } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createDepartment.id;
  await gql(server, RenameDepartmentDocument, { input: { id, name: "实时局二" } }, admin);

  const events = await subA.next(2);
  expect(
    events.map((e) => [
      e.data?.departmentChanged.action,
      e.data?.departmentChanged.department?.name,
    ]),
  ).toEqual([
    ["created", "实时局"],
    ["updated", "实时局二"],
  ]);
  expect(events[0].data?.departmentChanged.department?.district.code).toBe(a.code);
  await settle();
  expect(subB.events).toHaveLength(0);
  await watchA.client.dispose();
  await watchB.client.dispose();
});

it("a mutation that fails publishes nothing (events go out only after commit)", async () => {
  const watch = wsClient(server, await tokenFor({ district: a, role: "command_center" }));
  const sub = collect(watch.client, DepartmentChangedDocument);
  await settle();
  const admin = await tokenFor({ district: a, role: "district_admin" });
  // Two mutations in one request: the second fails (duplicate code), so the first is rolled back too.
  const res = await gql(
    server,
    `mutation { one: createDepartment(input: { code: "atomic_one", name: "甲" }) { id }
                two: createDepartment(input: { code: "atomic_one", name: "乙" }) { id } }`,
    {},
    admin,
  );
  expect(res.errors?.[0].extensions?.code).toBe("CONFLICT");
  await settle();
  expect(sub.events).toHaveLength(0);
  const check = await gql(
    server,
    `{ district { departments(search: "atomic_one") { totalCount } } }`,
    {},
    admin,
  );
  expect(check.data).toEqual({ district: { departments: { totalCount: 0 } } });
  await watch.client.dispose();
});

it("a city_admin subscriber is refused district staff subscriptions", async () => {
  const watch = wsClient(
    server,
    await tokenFor({ city: a.city, role: "city_admin" }, { sub: "c.admin" }),
  );
  const sub = collect(watch.client, DepartmentChangedDocument);
  await sub.next(1).catch(() => undefined);
  expect(JSON.stringify(sub.error ?? sub.events)).toContain("FORBIDDEN");
  await watch.client.dispose();
});

it("a subscriber whose token expires is cut off with 4403 at its next event", async () => {
  const shortLived = await signToken(secret(), {
    sub: "short.command_center",
    role: "command_center",
    district: a.code,
    expiresIn: 2,
  });
  const watch = wsClient(server, shortLived);
  collect(watch.client, DepartmentChangedDocument);
  await settle();
  await new Promise((r) => setTimeout(r, 2200));
  const admin = await tokenFor({ district: a, role: "district_admin" });
  await gql(
    server,
    CreateDepartmentDocument,
    { input: { code: "after_expiry", name: "过期后" } },
    admin,
  );
  expect(await watch.closed).toBe(4403);
  await watch.client.dispose();
});

it("mutations are refused over the WebSocket (they belong to HTTP, one transaction each)", async () => {
  const watch = wsClient(server, await tokenFor({ district: a, role: "district_admin" }));
  const sub = collect(
    watch.client,
    `mutation { one: createDepartment(input: { code: "ws_one", name: "甲" }) { id } }`,
  );
  await sub.next(1).catch(() => undefined);
  expect(JSON.stringify(sub.error ?? sub.events)).toContain("send mutations over HTTP");
  const admin = await tokenFor({ district: a, role: "district_admin" });
  const check = await gql(
    server,
    `{ district { departments(search: "ws_one") { totalCount } } }`,
    {},
    admin,
  );
  expect(check.data).toEqual({ district: { departments: { totalCount: 0 } } });
  await watch.client.dispose();
});
