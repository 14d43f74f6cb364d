import {
  CreateDepartmentDocument,
  DepartmentChangedDocument,
  RenameDepartmentDocument,
} from "../generated/graphql";
import {
  startTestServer,
  gql,
  wsClient,
  collect,
  liveSubscriptions,
  type TestServer,
} from "../helpers/server";
import { buildDistrict, closeFactories, secret, tokenFor, type BuiltDistrict } from "../factories";
import { signToken } from "../../src/auth/jwt";
import { until } from "../helpers/clock";

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

const live = (n: number) => liveSubscriptions(server, "departmentChanged", n);

/** A department created in district `d`: an event every subscriber of `d` must receive. */
async function marker(d: BuiltDistrict, code: string) {
  const res = await gql(
    server,
    CreateDepartmentDocument,
    { input: { code, name: "标记局" } },
    await tokenFor({ district: d, role: "district_admin" }),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createDepartment.id;
}

it("a command center sees its district's changes live; another district's subscriber sees nothing", async () => {
  const watchA = wsClient(server, await tokenFor({ district: a, role: "command_center" }));
  const watchB = wsClient(server, await tokenFor({ district: b, role: "command_center" }));
  const subA = collect(watchA.client, DepartmentChangedDocument);
  const subB = collect(watchB.client, DepartmentChangedDocument);
  await live(2);

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
  // Nothing of A's reached B: B's own next event is the first B hears (events keep their order).
  const mine = await marker(b, "b_marker");
  await subB.next(1);
  expect(subB.events.map((e) => e.data?.departmentChanged.department?.id)).toEqual([mine]);
  await watchA.client.dispose();
  await watchB.client.dispose();
});

it("a mutation that fails publishes nothing (events go out only after commit)", async () => {
  const watch = wsClient(server, await tokenFor({ district: a, role: "command_center" }));
  const sub = collect(watch.client, DepartmentChangedDocument);
  await live(1);
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
  // The next event the subscriber hears is the next committed one, not the rolled-back ones.
  const next = await marker(a, "after_rollback");
  await sub.next(1);
  expect(sub.events.map((e) => e.data?.departmentChanged.department?.id)).toEqual([next]);
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
  await live(1);
  // Token expiry is the identity provider's clock, the machine's: wait until the token is past it
  // (a longer wait on a slow machine changes nothing).
  const exp = JSON.parse(Buffer.from(shortLived.split(".")[1], "base64url").toString())
    .exp as number;
  await until(() => Date.now() > exp * 1000, "the token to expire", 10_000);
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
