import { SignJWT } from "jose";
import {
  MeDocument,
  CreateDepartmentDocument,
  DepartmentChangedDocument,
  MyCityDocument,
} from "../generated/graphql";
import {
  startTestServer,
  gql,
  errorCode,
  wsClient,
  collect,
  type TestServer,
} from "../helpers/server";
import { buildDistrict, closeFactories, secret, tokenFor, type BuiltDistrict } from "../factories";
import { signToken } from "../../src/auth/jwt";

let server: TestServer;
let district: BuiltDistrict;

beforeAll(async () => {
  district = await buildDistrict({ name: "认证区" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

describe("HTTP authentication", () => {
  it("answers me for a valid token", async () => {
    const token = await tokenFor({ district, role: "district_admin" });
    const res = await gql(server, MeDocument, {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.me).toMatchObject({
      role: "district_admin",
      district: { code: district.code, name: "认证区", city: { name: "测试市" } },
      city: { code: district.city.code },
    });
  });

  it("refuses a request without a token", async () => {
    const res = await gql(server, MeDocument, {});
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.data).toBeNull();
  });

  const bad: Array<[string, () => Promise<Record<string, string>>, RegExp]> = [
    ["a malformed token", async () => ({ authorization: "Bearer not.a.jwt" }), /malformed/],
    [
      "a header that is not Bearer",
      async () => ({ authorization: "Basic dXNlcjpwYXNz" }),
      /Bearer/,
    ],
    [
      "a token signed with another secret",
      async () => ({
        authorization: `Bearer ${await signToken(new TextEncoder().encode("x".repeat(40)), {
          sub: "s",
          role: "district_admin",
          district: district.code,
        })}`,
      }),
      /signature/,
    ],
    [
      "an expired token",
      async () => ({
        authorization: `Bearer ${await new SignJWT({
          role: "district_admin",
          district: district.code,
        })
          .setProtectedHeader({ alg: "HS256" })
          .setSubject("s")
          .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
          .sign(secret())}`,
      }),
      /expired/,
    ],
    [
      "an unsigned token (alg none)",
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
        const t = `${enc({ alg: "none" })}.${enc({ sub: "s", role: "district_admin", district: district.code })}.`;
        return { authorization: `Bearer ${t}` };
      },
      /./,
    ],
    [
      "a token with an unknown role",
      async () => ({ authorization: `Bearer ${await tokenFor({ district, role: "mayor" })}` }),
      /role/,
    ],
    [
      "a token naming an unknown district",
      async () => ({
        authorization: `Bearer ${await tokenFor({ district: { code: "atlantis" }, role: "district_admin" })}`,
      }),
      /atlantis/,
    ],
    [
      "a token whose district is not in its city",
      async () => ({
        authorization: `Bearer ${await tokenFor({ district, city: { code: "dandong" }, role: "district_admin" })}`,
      }),
      /not in the city/,
    ],
    [
      "a city_admin token without a city",
      async () => ({
        authorization: `Bearer ${await tokenFor({ role: "city_admin" }, { sub: "x" })}`,
      }),
      /city/,
    ],
    [
      "a token without an expiry",
      async () => ({
        authorization: `Bearer ${await new SignJWT({
          role: "district_admin",
          district: district.code,
        })
          .setProtectedHeader({ alg: "HS256" })
          .setSubject("s")
          .sign(secret())}`,
      }),
      /exp/,
    ],
    [
      "a token without a subject",
      async () => ({
        authorization: `Bearer ${await new SignJWT({
          role: "district_admin",
          district: district.code,
        })
          .setProtectedHeader({ alg: "HS256" })
          .setExpirationTime("1h")
          .sign(secret())}`,
      }),
      /subject/,
    ],
  ];

  it.each(bad)("refuses %s with 401 UNAUTHENTICATED", async (_name, headers, message) => {
    const res = await gql(server, MeDocument, {}, null, await headers());
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.errors?.[0].message).toMatch(message);
    expect(JSON.stringify(res)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it("refuses with FORBIDDEN what the role may not do", async () => {
    const token = await tokenFor({ district, role: "resident" });
    const res = await gql(
      server,
      CreateDepartmentDocument,
      { input: { code: "nope", name: "不行" } },
      token,
    );
    expect(errorCode(res)).toBe("FORBIDDEN");
    const city = await gql(
      server,
      MyCityDocument,
      {},
      await tokenFor({ district, role: "district_admin" }),
    );
    expect(errorCode(city)).toBe("FORBIDDEN");
  });
});

describe("WebSocket authentication", () => {
  it("closes a connection without a token with 4403", async () => {
    const { client, closed } = wsClient(server);
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it("closes a connection with a bad token with 4403", async () => {
    const { client, closed } = wsClient(server, "not.a.jwt");
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it("closes a connection with an expired token with 4403", async () => {
    const expired = await signToken(secret(), {
      sub: "s",
      role: "district_admin",
      district: district.code,
      expiresIn: -60,
    });
    const { client, closed } = wsClient(server, expired);
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it("accepts a valid token and refuses a role that may not subscribe", async () => {
    const { client } = wsClient(server, await tokenFor({ district, role: "resident" }));
    const sub = collect(client, DepartmentChangedDocument);
    await sub.next(1);
    const first = sub.events[0] as
      { errors?: Array<{ extensions?: { code?: string } }> } | undefined;
    const err = (first?.errors ?? (sub.error as typeof first)?.errors ?? sub.error) as unknown;
    expect(JSON.stringify(err)).toContain("FORBIDDEN");
    await client.dispose();
  });
});
