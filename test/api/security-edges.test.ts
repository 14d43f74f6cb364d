import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { auditServer } from "graphql-http";
import {
  startTestServer,
  gql,
  liveSubscriptions,
  wsClient,
  type TestServer,
} from "../helpers/server";
import { closeFactories, tokenFor } from "../factories";
import { sha256 } from "../../src/security/trusted-documents";
import { MeDocument } from "../generated/client/graphql";

let dev: TestServer;
let prod: TestServer;
let token: string;

const PROD_ENV = {
  NODE_ENV: "production",
  DATABASE_URL: process.env.TEST_APP_DATABASE_URL!,
  CORS_ORIGINS: "https://grid.example.gov.cn",
};

beforeAll(async () => {
  dev = await startTestServer();
  prod = await startTestServer(PROD_ENV);
  token = await tokenFor({ district: { code: "mingshan" }, role: "command_center" });
});
afterAll(async () => {
  await dev.close();
  await prod.close();
  await closeFactories();
});

/** A raw request to the server: status, headers and body text. */
async function raw(url: string, init: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

function expectCleanJsonError(r: { text: string; headers: Headers }, code: string) {
  expect(r.headers.get("content-type")).toMatch(/json/);
  expect(r.text).not.toMatch(/<html|<pre|\n\s+at |node_modules|Error:/i);
  const body = JSON.parse(r.text) as { errors: Array<{ extensions: { code: string } }> };
  expect(body.errors[0].extensions.code).toBe(code);
}

describe("GraphQL over HTTP", () => {
  it("passes every MUST and SHOULD of the graphql-http audit", async () => {
    const results = await auditServer({ url: dev.url });
    const failed = results
      .filter((r) => r.status !== "ok" && !r.name.startsWith("MAY"))
      .map((r) => `${r.name}: ${(r as { reason?: string }).reason}`);
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });

  it("answers malformed and oversized bodies with a coded JSON error and no stack", async () => {
    for (const server of [dev, prod]) {
      const bad = await raw(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"query": "{ me { role } }",',
      });
      expect(bad.status).toBe(400);
      expectCleanJsonError(bad, "BAD_REQUEST");
    }
    const small = await startTestServer({ MAX_BODY_BYTES: "2000" });
    try {
      const big = await raw(small.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ me { role } }`, variables: { pad: "x".repeat(5000) } }),
      });
      expect(big.status).toBe(413);
      expectCleanJsonError(big, "PAYLOAD_TOO_LARGE");
    } finally {
      await small.close();
    }
    const missing = await raw(dev.url.replace("/graphql", "/nothing-here"), { method: "GET" });
    expect(missing.status).toBe(404);
    expectCleanJsonError(missing, "NOT_FOUND");
  });

  it("tells a subscription sent over HTTP to use the WebSocket", async () => {
    const res = await gql(dev, `subscription { caseCreated { cursor } }`, {}, token);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe("BAD_REQUEST");
    expect(res.errors?.[0].message).toMatch(/WebSocket/);
  });
});

describe("CORS", () => {
  const preflight = (server: TestServer, origin: string) =>
    raw(server.url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });

  it("in development, answers preflights from any port of localhost and no one else", async () => {
    const ok = await preflight(dev, "http://localhost:5173");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(ok.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const evil = await preflight(dev, "https://evil.example");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const call = await fetch(dev.url, {
      method: "POST",
      headers: {
        origin: "http://127.0.0.1:8080",
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: "{ me { role } }" }),
    });
    expect(call.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:8080");
    expect(((await call.json()) as { data: unknown }).data).toEqual({
      me: { role: "command_center" },
    });
  });

  it("in production, allows only the origins of CORS_ORIGINS", async () => {
    const ok = await preflight(prod, "https://grid.example.gov.cn");
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://grid.example.gov.cn");
    const local = await preflight(prod, "http://localhost:5173");
    expect(local.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("trusted documents", () => {
  const ME = "query Me { me { role } }";
  const LIVE = "subscription Live { caseCreated { cursor } }";
  let trusted: TestServer;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-grid-trusted-"));
    const manifest = path.join(dir, "persisted-documents.json");
    fs.writeFileSync(manifest, JSON.stringify({ [sha256(ME)]: ME, [sha256(LIVE)]: LIVE }));
    trusted = await startTestServer({ TRUSTED_DOCUMENTS: manifest });
  });
  afterAll(() => trusted.close());

  const post = (body: object) =>
    raw(trusted.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it("runs a registered document by id, by persisted-query hash, or by its text", async () => {
    for (const body of [
      { documentId: sha256(ME) },
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ME) } } },
      { query: ME },
    ]) {
      const r = await post(body);
      expect(JSON.parse(r.text)).toEqual({ data: { me: { role: "command_center" } } });
    }
  });

  it("runs the document a documentId names on GET too, never a query sent beside it", async () => {
    const get = (params: Record<string, string>) =>
      raw(`${trusted.url}?${new URLSearchParams(params)}`, {
        headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "true" },
      });
    const me = { data: { me: { role: "command_center" } } };
    expect(JSON.parse((await get({ documentId: sha256(ME) })).text)).toEqual(me);
    const smuggled = await get({ documentId: sha256(ME), query: "{ me { subject } }" });
    expect(JSON.parse(smuggled.text)).toEqual(me);
    const posted = await post({ documentId: sha256(ME), query: "{ me { subject } }" });
    expect(JSON.parse(posted.text)).toEqual(me);
    // codegen's `sha256:` form of an id the manifest holds bare.
    expect(JSON.parse((await post({ documentId: `sha256:${sha256(ME)}` })).text)).toEqual(me);
  });

  it("refuses anything else before it is parsed, and cannot be taught a new document", async () => {
    const other = "{ district { name } }";
    const text = await post({ query: other });
    expect(text.status).toBe(400);
    expectCleanJsonError(text, "DOCUMENT_NOT_TRUSTED");
    const unknown = await post({ documentId: "no-such-id" });
    expectCleanJsonError(unknown, "PERSISTED_QUERY_NOT_FOUND");
    const register = await post({
      query: other,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } },
    });
    expectCleanJsonError(register, "PERSISTED_QUERY_NOT_FOUND");
    expectCleanJsonError(
      await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } }),
      "PERSISTED_QUERY_NOT_FOUND",
    );
  });

  it("holds the WebSocket to the same list", async () => {
    const { client, connected } = wsClient(trusted, token);
    await connected;
    const refused = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: "subscription { caseUpdated { cursor } }" },
        { next: () => undefined, error: resolve, complete: () => resolve(null) },
      );
    });
    expect((refused as Array<{ extensions: { code: string } }>)[0].extensions.code).toBe(
      "DOCUMENT_NOT_TRUSTED",
    );
    const stop = client.subscribe(
      { query: "", extensions: { persistedQuery: { version: 1, sha256Hash: sha256(LIVE) } } },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await liveSubscriptions(trusted, "caseCreated", 1);
    stop();
    await client.dispose();
  });
});

describe("trusted documents from a frontend's codegen", () => {
  it("runs the documents of codegen's persisted-documents.json by the hash it gave them", async () => {
    const generated = path.join(__dirname, "../generated/client");
    const server = await startTestServer({
      TRUSTED_DOCUMENTS: path.join(generated, "persisted-documents.json"),
    });
    try {
      // What a client built with the `client` preset sends: the document's hash, no text.
      const hash = (MeDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
      expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      const res = await raw(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ documentId: hash }),
      });
      expect(JSON.parse(res.text).data.me.role).toBe("command_center");
      const other = await gql(server, "{ me { subject } }", {}, token);
      expect(other.errors?.[0].extensions?.code).toBe("DOCUMENT_NOT_TRUSTED");
    } finally {
      await server.close();
    }
  });
});

describe("start-up", () => {
  it("reports a port in use in one line, before it starts a database", async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, "127.0.0.1", () => r()));
    const port = (holder.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-grid-port-"));
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
      };
      delete env.DATABASE_URL;
      delete env.MIGRATION_DATABASE_URL;
      const main = path.join(__dirname, "..", "..", "dist", "src", "main.js");
      const child = spawn(process.execPath, [main], { env, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout!.on("data", (c) => (out += c));
      child.stderr!.on("data", (c) => (out += c));
      const code = await new Promise<number | null>((r) => child.on("exit", r));
      expect(code).toBe(1);
      const lines = out.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`port ${port} .*already in use`));
      // Nothing was started: the data directory is as it was made.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      holder.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
