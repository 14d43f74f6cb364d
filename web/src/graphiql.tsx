import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { type Fetcher, type FetcherParams } from "@graphiql/toolkit";
import { createClient, type Client } from "graphql-ws";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import examples from "virtual:readme-examples";
// Monaco's workers (editor, JSON, GraphQL), bundled by Vite as files of this site.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { authHeaders, claimsOf, describe, getToken } from "./session";
import "./ide.css";

const API = "/graphql";
const WS_URL = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${API}`;

/** The editor's headers; the signed-in token when they set no Authorization of their own. */
function withToken(headers: Record<string, unknown> | undefined): Record<string, string> {
  const own = Object.fromEntries(
    Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]),
  ) as Record<string, string>;
  const hasAuth = Object.keys(own).some((k) => k.toLowerCase() === "authorization");
  return hasAuth ? own : { ...authHeaders(), ...own };
}

function isSubscription(params: FetcherParams): boolean {
  try {
    const ops = parse(params.query).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const op = params.operationName
      ? ops.find((o) => o.name?.value === params.operationName)
      : ops[0];
    return op?.operation === "subscription";
  } catch {
    return false;
  }
}

/** One graphql-ws connection per Authorization value: the token goes in its connection params. */
const sockets = new Map<string, Client>();
function socketFor(authorization: string | undefined): Client {
  const key = authorization ?? "";
  let client = sockets.get(key);
  if (!client) {
    client = createClient({
      url: WS_URL,
      connectionParams: authorization ? { Authorization: authorization } : {},
      lazy: true,
      retryAttempts: 0,
    });
    sockets.set(key, client);
  }
  return client;
}

/** Queries and mutations over HTTP POST; subscriptions over graphql-ws on the same path. */
const fetcher: Fetcher = async (params, opts) => {
  const headers = withToken(opts?.headers);
  if (isSubscription(params)) {
    const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === "authorization")?.[1];
    return socketFor(auth).iterate({
      query: params.query,
      variables: params.variables ?? undefined,
      operationName: params.operationName ?? undefined,
    });
  }
  const res = await fetch(API, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(params),
  });
  return res.json();
};

const token = getToken();
const headers = token ? JSON.stringify(authHeaders(), null, 2) : undefined;
/** `/graphiql?query=…` opens that operation first (links from other pages and the tests). */
const linked = new URLSearchParams(location.search).get("query") ?? undefined;
/** An anonymous example gets its example's name ("Example query 2" → ExampleQuery2): its tab's title. */
const named = (name: string, query: string) =>
  query.replace(
    /^(query|mutation|subscription)?\s*\{/,
    (_m, op: string | undefined) =>
      `${op ?? "query"} ${name.replace(/(?:^|\s+)(\w)/g, (_s, c: string) => c.toUpperCase())} {`,
  );
const tabs = [
  ...(linked ? [{ query: linked, headers }] : []),
  ...examples.map((e) => ({
    query: `# ${e.name}, from README.md\n${named(e.name, e.query)}\n`,
    headers,
  })),
];

function Ide() {
  return (
    <div className="ide">
      <header className="ide-bar">
        <strong>civic-grid GraphQL IDE</strong>
        <span data-testid="session">
          {token ? `Signed in as ${describe(claimsOf(token))}` : "Not signed in"}
        </span>
        <a href="/">{token ? "Change sign-in" : "Sign in"}</a>
      </header>
      <div className="ide-main">
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={tabs}
          initialQuery={linked}
          initialHeaders={headers}
          defaultHeaders={headers}
          defaultEditorToolsVisibility={token ? "headers" : undefined}
          shouldPersistHeaders={false}
        />
      </div>
    </div>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
