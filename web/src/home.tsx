import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { authHeaders, claimsOf, describe, getToken, setToken, signOut } from "./session";
import "./site.css";

/** GET /dev/token: the demo accounts the development server signs tokens for (absent otherwise). */
interface DemoAccounts {
  roles: string[];
  cityRoles: string[];
  districts: Array<{ code: string; name: string; city: string }>;
  cities: Array<{ code: string; name: string }>;
}

interface Me {
  subject: string;
  role: string;
  district: { name: string } | null;
  city: { name: string };
}

/** Asks the server who the token is: the sign-in is only as good as the server's answer. */
async function whoAmI(): Promise<{ me?: Me; error?: string }> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders() },
    body: JSON.stringify({ query: "{ me { subject role district { name } city { name } } }" }),
  });
  const body = (await res.json()) as { data?: { me: Me }; errors?: Array<{ message: string }> };
  if (body.errors?.length) return { error: body.errors[0].message };
  return { me: body.data?.me };
}

function Home() {
  const [token, setCurrent] = useState(getToken());
  const [pasted, setPasted] = useState("");
  const [check, setCheck] = useState<{ me?: Me; error?: string } | null>(null);
  const [demo, setDemo] = useState<DemoAccounts | null>(null);
  const [role, setRole] = useState("command_center");
  const [scope, setScope] = useState("mingshan");
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    fetch("/dev/token")
      .then((r) => (r.ok ? (r.json() as Promise<DemoAccounts>) : null))
      .then(setDemo, () => setDemo(null));
  }, []);
  useEffect(() => {
    setCheck(null);
    if (token) whoAmI().then(setCheck, (e: Error) => setCheck({ error: e.message }));
  }, [token]);

  const signIn = (t: string) => {
    setToken(t);
    setCurrent(getToken());
    setProblem(null);
  };
  const cityScope = demo?.cityRoles.includes(role) ?? false;
  const pickDemo = async () => {
    setProblem(null);
    const res = await fetch("/dev/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(cityScope ? { role, city: scope } : { role, district: scope }),
    });
    const body = (await res.json()) as { token?: string; errors?: Array<{ message: string }> };
    if (body.token) signIn(body.token);
    else setProblem(body.errors?.[0]?.message ?? `the server answered ${res.status}`);
  };

  return (
    <main className="page">
      <h1>civic-grid</h1>
      <p>
        District grid governance and the 12345 hotline. Sign in, then open the command center's live
        page (指挥中心, for the command center and the district admin) or the GraphQL IDE.
      </p>
      <nav className="links">
        <a href="/command-center">指挥中心 (command center)</a>
        <a href="/graphiql">GraphQL IDE</a>
        <a href="/healthz">Health</a>
      </nav>

      <section className="card" aria-label="Session">
        <h2>Session</h2>
        <p className="status" data-testid="session">
          {token ? `Signed in as ${describe(claimsOf(token))}` : "Not signed in"}
        </p>
        {check?.me && (
          <p data-testid="verified">
            The server knows this token: {check.me.subject}, {check.me.role},{" "}
            {check.me.district?.name ?? check.me.city.name}
          </p>
        )}
        {check?.error && (
          <p className="error" data-testid="verified">
            The server refuses this token: {check.error}
          </p>
        )}
        {token && (
          <button
            type="button"
            onClick={() => {
              signOut();
              setCurrent(null);
            }}
          >
            Sign out
          </button>
        )}
      </section>

      <section className="card" aria-label="Sign in with a token">
        <h2>Sign in with a token</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pasted.trim()) signIn(pasted);
            setPasted("");
          }}
        >
          <label htmlFor="token">Token (a JWT, with or without "Bearer ")</label>
          <textarea
            id="token"
            rows={4}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
          />
          <button type="submit">Sign in</button>
        </form>
      </section>

      {demo && (
        <section className="card" aria-label="Demo accounts">
          <h2>Demo accounts (development only)</h2>
          <label htmlFor="demo-role">Role</label>{" "}
          <select
            id="demo-role"
            value={role}
            onChange={(e) => {
              const next = e.target.value;
              setRole(next);
              const city = demo.cityRoles.includes(next);
              setScope(city ? demo.cities[0].code : "mingshan");
            }}
          >
            {[...demo.roles, ...demo.cityRoles].map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>{" "}
          <label htmlFor="demo-scope">{cityScope ? "City" : "District"}</label>{" "}
          <select id="demo-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            {cityScope
              ? demo.cities.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} {c.code}
                  </option>
                ))
              : demo.districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name} {d.code}
                  </option>
                ))}
          </select>{" "}
          <button type="button" onClick={() => void pickDemo()}>
            Sign in as this demo account
          </button>
          {problem && <p className="error">{problem}</p>}
        </section>
      )}
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Home />
  </StrictMode>,
);
