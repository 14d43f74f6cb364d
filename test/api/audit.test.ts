import { Client, type PoolClient } from "pg";
import { print } from "graphql";
import {
  ComplainantsLiveDocument,
  CreateCaseDocument,
  LookUpComplainantDocument,
  LookUpPersonDocument,
  MyPersonDocument,
  PersonAndMyVoteDocument,
  PersonalDataReadsDocument,
  PersonsDocument,
  WhoReadMyDataDocument,
  type PersonalDataReadsQueryVariables,
} from "../generated/graphql";
import {
  collect,
  errorCode,
  gql,
  liveSubscriptions,
  ok,
  startTestServer,
  wsClient,
  type TestServer,
} from "../helpers/server";
import { TEST_EPOCH, until } from "../helpers/clock";
import {
  asAppIn,
  asDistrict,
  auditRow,
  buildCity,
  buildStaffAccount,
  closeFactories,
  ownerPool,
  tokenFor,
} from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { uuidv7 } from "../../src/common/ids";
import { Role } from "../../src/auth/roles";
import { insertReadsStatement } from "../../src/context/read-audit-writes";

/**
 * The personal-data read audit: reads of unmasked phones, ID numbers and complainants are recorded
 * with who, when (the server's clock, here a manual one), which record and which operation; the
 * audit is for inspectors and district admins, and each resident sees the reads of its own data.
 */
let server: TestServer;
let clock: ManualClock;
let w: CaseWorld;
let other: CaseWorld;
const sub = (role: string) => `${w.district.code}.${role}`;

beforeAll(async () => {
  clock = new ManualClock(TEST_EPOCH);
  const city = await buildCity();
  w = await buildCaseWorld({ city });
  other = await buildCaseWorld({ city });
  await buildStaffAccount({
    district: w.district,
    role: Role.district_admin,
    subject: sub("district_admin"),
  });
  server = await startTestServer({}, { clock });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});
// Each test reads in its own minute of the server's clock, and looks at that minute only.
let since: string;
beforeEach(() => {
  clock.advance(60_000);
  since = clock.now().toISOString();
});

async function reads(vars: PersonalDataReadsQueryVariables, token = w.tokens.inspector) {
  return ok(await gql(server, PersonalDataReadsDocument, { from: since, ...vars }, token))
    .personalDataReads;
}
const person = (key: "resident" | "resident2" | "villager" | "outsider") =>
  gid("Person", w.tree[key]);

let people: Promise<unknown> | undefined;
/** 200 people with phones in grid A, made once for the tests that list them. */
const twoHundredPeople = () =>
  (people ??= asDistrict(w.district.id, (q) =>
    q(
      `INSERT INTO person (district_id, id, grid_id, name, phone, id_number)
       SELECT $1, gen_random_uuid(), $2, '居民' || n, '1390000' || lpad(n::text, 4, '0'), '210504200001' || lpad(n::text, 6, '0')
         FROM generate_series(1, 200) n`,
      [w.district.id, w.tree.gridA],
    ),
  ));

/** An audit row of this district's, as the server writes one: phones of `recordIds`, read now. */
const readRow = (recordIds: string[], readerSubject: string, operationName: string) =>
  auditRow(w.district.id, recordIds, readerSubject, operationName, clock.now());

describe("recording", () => {
  it("records an unmasked read: who, when, which record, which fields, which operation", async () => {
    const seen = ok(
      await gql(server, LookUpPersonDocument, { id: person("resident") }, w.tokens.admin),
    );
    expect(seen.node).toMatchObject({ phone: "13812345678", personalDataVisible: true });
    const page = await reads({ recordId: person("resident") });
    expect(page.totalCount).toBe(1);
    const read = page.edges[0].node;
    expect(read).toMatchObject({
      at: clock.now().toISOString(),
      recordKind: "person",
      recordId: person("resident"),
      operationName: "LookUpPerson",
      operationType: "query",
      reader: { subject: sub("district_admin"), role: "district_admin", displayName: "测试用户" },
    });
    expect([...read.fields].sort()).toEqual(["id_number", "phone"]);
  });

  it("records nothing for masked values, nor for one's own record", async () => {
    const masked = ok(await gql(server, PersonsDocument, { first: 50 }, w.tokens.command));
    expect(masked.district.persons.edges.every((e) => !e.node.personalDataVisible)).toBe(true);
    ok(await gql(server, LookUpPersonDocument, { id: person("resident") }, w.tokens.otherStreet));
    const own = ok(await gql(server, MyPersonDocument, {}, w.tokens.resident));
    expect(own.me.person?.phone).toBe("13812345678");
    expect((await reads({})).totalCount).toBe(0);
  });

  it("writes the reads of a list of 200 people in one statement", async () => {
    await twoHundredPeople();
    const before = server.statements.length;
    const res = ok(await gql(server, PersonsDocument, { first: 200 }, w.tokens.admin));
    const audit = server.statements.slice(before).filter((s) => /personal_data_read/.test(s));
    expect(res.district.persons.edges).toHaveLength(200);
    expect(audit).toHaveLength(1);
    const page = await reads({ readerSubject: sub("district_admin"), first: 1 });
    expect(page.totalCount).toBe(200);
    expect(page.edges[0].node.operationName).toBe("Persons");
    // Stored as one batch row; listed one entry per person, and paged through inside the batch.
    const { rows } = await asDistrict(w.district.id, (q) =>
      q(
        `SELECT cardinality(s.record_ids) AS n FROM personal_data_read r
           JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set
          WHERE r.operation_name = 'Persons' AND r.read_at >= $1`,
        [since],
      ),
    );
    expect(rows.map((r) => r.n)).toEqual([200]);
    const p1 = await reads({ readerSubject: sub("district_admin"), first: 150 });
    const p2 = await reads({
      readerSubject: sub("district_admin"),
      first: 150,
      after: p1.pageInfo.endCursor,
    });
    const ids = [...p1.edges, ...p2.edges].map((e) => e.node.recordId);
    expect(p2.edges).toHaveLength(50);
    expect(new Set(ids).size).toBe(200);
    expect(new Set(ids)).toEqual(new Set(res.district.persons.edges.map((e) => e.node.id)));
  });

  it("keeps a set of records read again once, and lists every read of it", async () => {
    await twoHundredPeople();
    const sets = async () =>
      (
        await asDistrict(w.district.id, (q) =>
          q(`SELECT count(*)::int AS n FROM personal_data_read_set WHERE district_id = $1`, [
            w.district.id,
          ]),
        )
      ).rows[0].n as number;
    const first = ok(await gql(server, PersonsDocument, { first: 200 }, w.tokens.admin));
    const afterFirst = await sets();
    clock.advance(1_000);
    ok(await gql(server, PersonsDocument, { first: 200 }, w.tokens.admin));
    // The second read wrote its own row and named the set the first wrote: no set more.
    expect(await sets()).toBe(afterFirst);
    const { rows } = await asDistrict(w.district.id, (q) =>
      q(
        `SELECT r.record_set, s.record_ids FROM personal_data_read r
           JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set
          WHERE r.operation_name = 'Persons' AND r.read_at >= $1 ORDER BY r.id`,
        [since],
      ),
    );
    expect(rows).toHaveLength(2);
    expect(rows[1].record_set).toEqual(rows[0].record_set);
    expect(rows[0].record_ids).toHaveLength(200);
    const page = await reads({ readerSubject: sub("district_admin"), first: 200 });
    expect(page.totalCount).toBe(400);
    const one = first.district.persons.edges[7].node.id;
    const byPerson = await reads({ personId: one });
    expect(byPerson.edges.map((e) => e.node.recordId)).toEqual([one, one]);
    expect(new Set(byPerson.edges.map((e) => e.node.at)).size).toBe(2);
  });

  it("writes the rows of one statement that share their ids as one set, and checks a set's id", async () => {
    const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()];
    const row = (recordIds: string[], readerSubject: string) =>
      readRow(recordIds, readerSubject, "SetsOfOneStatement");
    // A fan-out's rows: two readers of [a, b], one of [b, a] (another order, another set).
    const { text, params } = insertReadsStatement([
      row([a, b], "x.one"),
      row([a, b], "x.two"),
      row([b, a], "x.three"),
    ]);
    const rows = await asDistrict(w.district.id, async (q) => {
      await q(text, params);
      return (
        await q(
          `SELECT r.reader_subject, s.record_ids FROM personal_data_read r
             JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set
            WHERE r.operation_name = 'SetsOfOneStatement' ORDER BY r.reader_subject`,
        )
      ).rows;
    });
    expect(rows).toEqual([
      { reader_subject: "x.one", record_ids: [a, b] },
      { reader_subject: "x.three", record_ids: [b, a] },
      { reader_subject: "x.two", record_ids: [a, b] },
    ]);
    const { rows: sets } = await asDistrict(w.district.id, (q) =>
      q(`SELECT count(*)::int AS n FROM personal_data_read_set WHERE $1::uuid = ANY (record_ids)`, [
        a,
      ]),
    );
    expect(sets[0].n).toBe(2);
    // A set whose id is not the hash of its ids is refused by the table itself.
    await expect(
      asDistrict(w.district.id, (q) =>
        q(
          `INSERT INTO personal_data_read_set (district_id, id, record_ids)
           VALUES ($1, sha256(array_send(ARRAY[$2::uuid])), ARRAY[$2::uuid, $3::uuid])`,
          [w.district.id, a, c],
        ),
      ),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it.each(["COMMIT", "ROLLBACK"])(
    "writes a new set read by two transactions at once once (the first ends with %s)",
    async (end) => {
      const ids = [uuidv7(), uuidv7(), uuidv7()];
      const operation = `BothAtOnce${end}`;
      const write = (c: PoolClient, subject: string) => {
        const { text, params } = insertReadsStatement([readRow(ids, subject, operation)]);
        return c.query(text, params);
      };
      const [c1, c2] = [await ownerPool().connect(), await ownerPool().connect()];
      try {
        for (const c of [c1, c2]) {
          await c.query("BEGIN");
          await c.query("SELECT set_config('app.district_ids', $1, true)", [`{${w.district.id}}`]);
        }
        const [{ pid }] = (await c2.query("SELECT pg_backend_pid() AS pid")).rows;
        await write(c1, "x.first");
        const second = write(c2, "x.second");
        await until(
          async () =>
            (
              await ownerPool().query(
                `SELECT count(*)::int AS n FROM pg_locks WHERE pid = $1 AND NOT granted`,
                [pid],
              )
            ).rows[0].n > 0,
          "the second writer waits for the first's set",
        );
        await c1.query(end);
        await second;
        await c2.query("COMMIT");
      } finally {
        c1.release();
        c2.release();
      }
      const rows = await asDistrict(w.district.id, async (q) => ({
        reads: (
          await q(
            `SELECT r.reader_subject, s.record_ids FROM personal_data_read r
             JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set
            WHERE r.operation_name = $1 ORDER BY r.reader_subject`,
            [operation],
          )
        ).rows,
        sets: (
          await q(
            `SELECT count(*)::int AS n FROM personal_data_read_set WHERE $1::uuid = ANY (record_ids)`,
            [ids[0]],
          )
        ).rows[0].n,
      }));
      // The second waited for the first's set: it named it once committed, or wrote it itself.
      const second = { reader_subject: "x.second", record_ids: ids };
      const reads =
        end === "COMMIT" ? [{ reader_subject: "x.first", record_ids: ids }, second] : [second];
      expect(rows).toEqual({ reads, sets: 1 });
    },
  );

  it("records complainants, mutations and anonymous operations", async () => {
    const c = await hotlineCase(server, w, {
      complainantName: "孙丽",
      complainantPhone: "13600001111",
    });
    expect(c.complainant).toEqual({ name: "孙丽", phone: "13600001111", visible: true });
    const anonymous = "query ($id: ID!) { case(id: $id) { complainant { name phone } } }";
    ok(await gql(server, anonymous, { id: c.id }, w.tokens.command));
    const masked = ok(
      await gql(server, LookUpComplainantDocument, { id: c.id }, w.tokens.inspector),
    );
    expect(masked.case?.complainant?.visible).toBe(false);
    const page = await reads({ recordId: c.id });
    expect(page.edges.map((e) => e.node)).toMatchObject([
      { reader: { role: "command_center" }, operationName: null, operationType: "query" },
      { reader: { role: "operator" }, operationName: "CreateCase", operationType: "mutation" },
    ]);
    expect(page.edges[0].node).toMatchObject({
      recordKind: "case_complainant",
      fields: ["name", "phone"],
    });
  });

  it("records what a response served even when its errors roll the request back", async () => {
    const res = await gql(
      server,
      PersonAndMyVoteDocument,
      { person: person("villager"), consultation: gid("Consultation", w.tree.consultation) },
      w.tokens.admin,
    );
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(res.data?.person).toEqual({ phone: "15112345673" });
    const page = await reads({ recordId: person("villager") });
    expect(page.edges.map((e) => e.node.operationName)).toEqual(["PersonAndMyVote"]);
  });

  it("records a read for every subscriber of a shared execution, and for queries over the socket", async () => {
    // Two command-center accounts with the same rights: one execution per event serves both.
    const a = wsClient(
      server,
      await tokenFor({ district: w.district, role: "command_center" }, { sub: sub("cc1") }),
    );
    const b = wsClient(
      server,
      await tokenFor({ district: w.district, role: "command_center" }, { sub: sub("cc2") }),
    );
    const liveA = collect(a.client, ComplainantsLiveDocument, {});
    const liveB = collect(b.client, ComplainantsLiveDocument, {});
    await liveSubscriptions(server, "caseCreated", 2);
    const c = await hotlineCase(server, w, {
      complainantName: "周强",
      complainantPhone: "13600002222",
    });
    const [[ea], [eb]] = await Promise.all([liveA.next(1), liveB.next(1)]);
    expect(ea.data?.caseCreated.case.complainant?.phone).toBe("13600002222");
    expect(eb.data?.caseCreated.case.complainant?.phone).toBe("13600002222");
    const query = collect(a.client, LookUpComplainantDocument, { id: c.id });
    expect((await query.next(1))[0].data?.case?.complainant?.visible).toBe(true);
    liveA.dispose();
    liveB.dispose();
    await a.client.dispose();
    await b.client.dispose();
    await liveSubscriptions(server, "caseCreated", 0);

    const live = await reads({ recordId: c.id });
    const bySubscription = live.edges
      .map((e) => e.node)
      .filter((r) => r.operationType === "subscription");
    expect(bySubscription.map((r) => r.reader.subject).sort()).toEqual([sub("cc1"), sub("cc2")]);
    expect(bySubscription.every((r) => r.operationName === "ComplainantsLive")).toBe(true);
    const queries = live.edges.map((e) => e.node).filter((r) => r.operationType === "query");
    expect(queries).toMatchObject([
      { reader: { subject: sub("cc1") }, operationName: "LookUpComplainant" },
    ]);
  });

  it("serves no data when its reads cannot be recorded", async () => {
    // A trigger refuses audit rows of one subject only, so that nothing else in the run is touched.
    const fn = `audit_refuses_${uuidv7().replace(/-/g, "")}`;
    const failing = `${w.district.code}.audit_fails`;
    await asDistrict(w.district.id, async (q) => {
      await q(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.reader_subject = '${failing}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
      await q(
        `CREATE TRIGGER ${fn} BEFORE INSERT ON personal_data_read FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      );
    });
    try {
      const admin = await tokenFor(
        { district: w.district, role: "district_admin" },
        { sub: failing },
      );
      const res = await gql(server, LookUpPersonDocument, { id: person("resident2") }, admin);
      expect(res.data ?? null).toBeNull();
      expect(errorCode(res)).toBe("INTERNAL_SERVER_ERROR");
      expect(JSON.stringify(res)).not.toContain("13712345671");

      // Over the socket: a query answers the error alone; a subscription ends with it, so that
      // its client resubscribes from the cursor it has and gets the event again.
      const command = await tokenFor(
        { district: w.district, role: "command_center" },
        { sub: failing },
      );
      const earlier = await hotlineCase(server, w, { complainantName: "吴敏" });
      const ws = wsClient(server, command);
      const query = collect(ws.client, LookUpComplainantDocument, { id: earlier.id });
      const [answer] = await query.next(1);
      expect(answer.data ?? null).toBeNull();
      expect(JSON.stringify(answer)).toContain("INTERNAL_SERVER_ERROR");
      const live = collect(ws.client, ComplainantsLiveDocument, {});
      await liveSubscriptions(server, "caseCreated", 1);
      await hotlineCase(server, w, { complainantName: "郑红", complainantPhone: "13600003333" });
      await live.next(1);
      expect(live.events).toEqual([]);
      expect(JSON.stringify(live.error)).toContain("INTERNAL_SERVER_ERROR");
      await ws.client.dispose();
      await liveSubscriptions(server, "caseCreated", 0);
    } finally {
      await asDistrict(w.district.id, async (q) => {
        await q(`DROP TRIGGER ${fn} ON personal_data_read`);
        await q(`DROP FUNCTION ${fn}()`);
      });
    }
  });
  it("answers a commit that fails as a lost database would with 503, Retry-After and no data", async () => {
    // The answer's text is made while PostgreSQL commits and held until the commit is known
    // (context/transaction-plugin.ts): here the COMMIT itself fails, after the audit's INSERT was
    // taken, with the state of a session the database ended (57P01), by a trigger deferred to it.
    const fn = `commit_fails_${uuidv7().replace(/-/g, "")}`;
    const failing = `${w.district.code}.commit_fails`;
    await asDistrict(w.district.id, async (q) => {
      await q(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.reader_subject = '${failing}' THEN
          RAISE EXCEPTION 'the session was ended' USING ERRCODE = '57P01';
        END IF; RETURN NULL; END $$`);
      await q(
        `CREATE CONSTRAINT TRIGGER ${fn} AFTER INSERT ON personal_data_read
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      );
    });
    try {
      const admin = await tokenFor(
        { district: w.district, role: "district_admin" },
        { sub: failing },
      );
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
        body: JSON.stringify({
          query: print(LookUpPersonDocument),
          variables: { id: person("resident2") },
        }),
      });
      const text = await res.text();
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("2");
      expect(res.headers.get("content-type")).toMatch(/json/);
      const body = JSON.parse(text) as { data: unknown; errors: Array<{ extensions: object }> };
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
      expect(text).not.toContain("13712345671");
      // Nothing of that request was kept.
      const kept = await asDistrict(w.district.id, (q) =>
        q(`SELECT 1 FROM personal_data_read WHERE reader_subject = $1`, [failing]),
      );
      expect(kept.rows).toEqual([]);
    } finally {
      await asDistrict(w.district.id, async (q) => {
        await q(`DROP TRIGGER ${fn} ON personal_data_read`);
        await q(`DROP FUNCTION ${fn}()`);
      });
    }
  });
});

describe("querying the audit", () => {
  it("filters by reader, kind, record, person and time, and pages newest first", async () => {
    const start = since;
    for (const key of ["resident", "resident2", "outsider"] as const) {
      ok(await gql(server, LookUpPersonDocument, { id: person(key) }, w.tokens.admin));
      clock.advance(3_600_000);
    }
    const all = {
      readerSubject: sub("district_admin"),
      recordKind: "person" as const,
      from: start,
    };
    const p1 = await reads({ ...all, first: 2 });
    expect(p1.totalCount).toBe(3);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = await reads({ ...all, first: 2, after: p1.pageInfo.endCursor });
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect([...p1.edges, ...p2.edges].map((e) => e.node.recordId)).toEqual([
      person("outsider"),
      person("resident2"),
      person("resident"),
    ]);
    const middle = new Date(Date.parse(start) + 3_600_000);
    const window = await reads({
      ...all,
      from: middle.toISOString(),
      to: new Date(middle.getTime() + 1).toISOString(),
    });
    expect(window.edges.map((e) => e.node.recordId)).toEqual([person("resident2")]);
    const byPerson = await reads({ personId: person("resident2"), from: start });
    expect(byPerson.edges.map((e) => e.node.recordId)).toEqual([person("resident2")]);
    expect((await reads({ recordKind: "case_complainant", from: start })).totalCount).toBe(0);
  });

  it("refuses a bad cursor or a record id of the wrong type", async () => {
    expect(
      errorCode(await gql(server, PersonalDataReadsDocument, { after: "nope" }, w.tokens.admin)),
    ).toBe("BAD_USER_INPUT");
    const grid = gid("Grid", w.tree.gridA);
    expect(
      errorCode(await gql(server, PersonalDataReadsDocument, { recordId: grid }, w.tokens.admin)),
    ).toBe("BAD_USER_INPUT");
  });

  it("shows a resident who read its own data (its entry and its own complaints), and nothing else", async () => {
    const filed = ok(
      await gql(
        server,
        CreateCaseDocument,
        {
          input: {
            channel: "resident",
            categoryCode: "roads",
            description: "楼下路灯坏了",
            gridId: gid("Grid", w.tree.gridA),
            complainantName: "王秀英",
            complainantPhone: "13812345678",
          },
        },
        w.tokens.resident,
      ),
    ).createCase;
    ok(await gql(server, LookUpComplainantDocument, { id: filed.id }, w.tokens.command));
    ok(await gql(server, LookUpPersonDocument, { id: person("resident") }, w.tokens.admin));
    ok(await gql(server, LookUpPersonDocument, { id: person("resident2") }, w.tokens.admin));
    const mine = ok(
      await gql(server, WhoReadMyDataDocument, { from: since }, w.tokens.resident),
    ).whoReadMyData;
    expect(mine.edges.map((e) => [e.node.recordId, e.node.reader.role])).toEqual([
      [person("resident"), "district_admin"],
      [filed.id, "command_center"],
    ]);
    const theirs = ok(
      await gql(server, WhoReadMyDataDocument, { from: since }, w.tokens.resident2),
    ).whoReadMyData;
    expect(theirs.edges.map((e) => e.node.recordId)).toEqual([person("resident2")]);
    const byPerson = await reads({ personId: person("resident") });
    expect(byPerson.totalCount).toBe(2);
  });

  it("is for inspectors and district admins; whoReadMyData is for residents", async () => {
    const city = await tokenFor({ city: w.city, role: "city_admin" });
    for (const token of [
      w.tokens.command,
      w.tokens.operator,
      w.tokens.resident,
      w.tokens.street,
      city,
    ])
      expect(errorCode(await gql(server, PersonalDataReadsDocument, {}, token))).toBe("FORBIDDEN");
    for (const token of [w.tokens.inspector, w.tokens.admin, w.tokens.command, city])
      expect(errorCode(await gql(server, WhoReadMyDataDocument, {}, token))).toBe("FORBIDDEN");
    expect(errorCode(await gql(server, PersonalDataReadsDocument, {}, null))).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("refuses another district's records, and lists only the caller's district", async () => {
    ok(await gql(server, LookUpPersonDocument, { id: person("resident") }, w.tokens.admin));
    ok(
      await gql(
        server,
        LookUpPersonDocument,
        { id: gid("Person", other.tree.resident) },
        other.tokens.admin,
      ),
    );
    for (const vars of [{ recordId: person("resident") }, { personId: person("resident") }])
      expect(
        errorCode(await gql(server, PersonalDataReadsDocument, vars, other.tokens.inspector)),
      ).toBe("NOT_FOUND");
    const theirs = await reads({}, other.tokens.inspector);
    expect(theirs.edges.map((e) => e.node.recordId)).toEqual([gid("Person", other.tree.resident)]);
  });
});

describe("row-level security", () => {
  let app: Client;
  beforeAll(async () => {
    app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
    await app.connect();
  });
  afterAll(() => app.end());

  const asTenant = <T>(districtId: string, fn: () => Promise<T>) => asAppIn(app, districtId, fn);

  it("holds as the server's role even with no filter, and the audit is append-only", async () => {
    ok(await gql(server, LookUpPersonDocument, { id: person("villager") }, w.tokens.admin));
    await asTenant(other.district.id, async () => {
      const { rows } = await app.query("SELECT DISTINCT district_id FROM personal_data_read");
      expect(rows.map((r) => r.district_id)).not.toContain(w.district.id);
      const sets = await app.query("SELECT DISTINCT district_id FROM personal_data_read_set");
      expect(sets.rows.map((r) => r.district_id)).not.toContain(w.district.id);
      for (const [sql, params] of [
        [
          `INSERT INTO personal_data_read (district_id, id, reader_subject, reader_role, read_at, record_kind, record_set, fields, operation_type)
           VALUES ($1, $2, 'forged', 'inspector', now(), 'person', sha256(array_send(ARRAY[$3::uuid])), '{phone}', 'query')`,
          [w.district.id, uuidv7(), w.tree.resident],
        ],
        [
          `INSERT INTO personal_data_read_set (district_id, id, record_ids)
           VALUES ($1, sha256(array_send(ARRAY[$2::uuid])), ARRAY[$2::uuid])`,
          [w.district.id, w.tree.resident],
        ],
      ] as const) {
        await app.query("SAVEPOINT s");
        await expect(app.query(sql, [...params])).rejects.toMatchObject({ code: "42501" });
        await app.query("ROLLBACK TO SAVEPOINT s");
      }
    });
    await asTenant(w.district.id, async () => {
      const { rows } = await app.query("SELECT count(*)::int AS n FROM personal_data_read");
      expect(rows[0].n).toBeGreaterThan(0);
      const sets = await app.query("SELECT count(*)::int AS n FROM personal_data_read_set");
      expect(sets.rows[0].n).toBeGreaterThan(0);
      for (const sql of [
        "UPDATE personal_data_read SET reader_subject = 'x'",
        "DELETE FROM personal_data_read",
        "TRUNCATE personal_data_read",
        "UPDATE personal_data_read_set SET record_ids = record_ids",
        "DELETE FROM personal_data_read_set",
        "TRUNCATE personal_data_read_set",
      ]) {
        await app.query("SAVEPOINT s");
        await expect(app.query(sql)).rejects.toMatchObject({ code: "42501" });
        await app.query("ROLLBACK TO SAVEPOINT s");
      }
    });
  });
});
