import { readFileSync } from "node:fs";
import path from "node:path";
import { startTestServer, gql, ok, errorCode, type TestServer } from "../helpers/server";
import { WEB_DIR } from "../../src/web/routes";

/** The server's origin, for the paths beside /graphql. */
const origin = (s: TestServer) => new URL(s.url).origin;

let dev: TestServer;
let prod: TestServer;
const production = {
  NODE_ENV: "production",
  DATABASE_URL: process.env.TEST_APP_DATABASE_URL!,
};

beforeAll(async () => {
  dev = await startTestServer();
  prod = await startTestServer(production);
});
afterAll(async () => {
  await dev.close();
  await prod.close();
});

const devToken = (s: TestServer, body: unknown) =>
  fetch(`${origin(s)}/dev/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the built pages", () => {
  it("serves the home page and the IDE as HTML that is always revalidated", async () => {
    for (const p of ["/", "/graphiql", "/graphiql/"]) {
      const res = await fetch(`${origin(dev)}${p}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("serves hashed assets for a year, and an unknown one as the JSON 404", async () => {
    const html = readFileSync(path.join(WEB_DIR, "graphiql", "index.html"), "utf8");
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const res = await fetch(`${origin(dev)}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    for (const p of ["/assets/nothing-here.js", "/nothing-here", "/assets/../package.json"]) {
      const missing = await fetch(`${origin(dev)}${p}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await missing.json()).toMatchObject({
        errors: [{ extensions: { code: "NOT_FOUND" } }],
      });
    }
  });

  it("sends a browser that opens /graphql to the IDE; API clients are unaffected", async () => {
    const browser = await fetch(dev.url, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toBe("/graphiql");
    const api = await fetch(`${dev.url}?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "1" },
    });
    expect(await api.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("in production the IDE is off unless GRAPHQL_IDE is on, and no landing page is served", async () => {
    const ide = await fetch(`${origin(prod)}/graphiql`);
    expect(ide.status).toBe(404);
    expect(ide.headers.get("content-type")).toMatch(/^application\/json/);
    const browser = await fetch(prod.url, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(browser.status).not.toBe(302);
    expect(browser.headers.get("content-type")).not.toMatch(/html/);
    const text = await browser.text();
    expect(text).not.toMatch(/sandbox|<html|<script/i);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });

    const on = await startTestServer({ ...production, GRAPHQL_IDE: "on" });
    try {
      expect((await fetch(`${origin(on)}/graphiql`)).status).toBe(200);
    } finally {
      await on.close();
    }
  });
});

describe("POST /dev/token", () => {
  it("signs a demo account's token that the server accepts", async () => {
    const res = await devToken(dev, { role: "command_center", district: "mingshan" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { token, subject } = (await res.json()) as { token: string; subject: string };
    expect(subject).toBe("mingshan.command_center");
    const me = ok(await gql(dev, "{ me { subject role district { code } } }", {}, token));
    expect(me).toEqual({
      me: {
        subject: "mingshan.command_center",
        role: "command_center",
        district: { code: "mingshan" },
      },
    });

    const city = await devToken(dev, { role: "city_admin", city: "benxi" });
    const cityToken = ((await city.json()) as { token: string }).token;
    expect(ok(await gql(dev, "{ me { role city { code } } }", {}, cityToken))).toEqual({
      me: { role: "city_admin", city: { code: "benxi" } },
    });
  });

  it("lists the roles it signs for and the demo tenants", async () => {
    const res = await fetch(`${origin(dev)}/dev/token`);
    const body = (await res.json()) as {
      roles: string[];
      cityRoles: string[];
      districts: unknown[];
    };
    expect(body.roles).toEqual(
      expect.arrayContaining(["command_center", "district_admin", "resident"]),
    );
    expect(body.roles).not.toContain("department");
    expect(body.cityRoles).toEqual(["city_admin"]);
    expect(body.districts).toContainEqual({ code: "mingshan", name: "明山区", city: "benxi" });
  });

  it.each([
    [{ role: "mayor", district: "mingshan" }, /role must be/],
    [{ role: "command_center", district: "atlantis" }, /demo district/],
    [{ role: "command_center" }, /demo district/],
    [{ role: "city_admin", city: "atlantis" }, /demo city/],
    [{ role: "department", district: "mingshan" }, /department is required/],
    [{ role: "city_admin", city: "benxi", district: "mingshan" }, /no district/],
    [[], /role must be/],
  ])("refuses %p with a coded 400", async (body, message) => {
    const res = await devToken(dev, body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: Array<{ message: string }> };
    expect(json).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
    expect(json.errors[0].message).toMatch(message);
  });

  it("is absent in production and when tokens come from an identity provider", async () => {
    expect((await devToken(prod, { role: "command_center", district: "mingshan" })).status).toBe(
      404,
    );
    expect((await fetch(`${origin(prod)}/dev/token`)).status).toBe(404);
    const jwks = await startTestServer({ JWKS_URL: "http://127.0.0.1:9/jwks.json" });
    try {
      const res = await devToken(jwks, { role: "command_center", district: "mingshan" });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    } finally {
      await jwks.close();
    }
  });
});

it("a dev token is refused by a server with another secret (it is signed, not trusted)", async () => {
  const res = await devToken(dev, { role: "district_admin", district: "mingshan" });
  const { token } = (await res.json()) as { token: string };
  const other = await startTestServer({ JWT_SECRET: "another-secret-of-at-least-32-bytes!!" });
  try {
    expect(errorCode(await gql(other, "{ me { role } }", {}, token))).toBe("UNAUTHENTICATED");
  } finally {
    await other.close();
  }
});
