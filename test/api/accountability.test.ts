import { Client } from "pg";
import {
  AccountabilityCountsDocument,
  AccountabilityRecordsDocument,
  CaseAccountabilityDocument,
  ConcludeSupervisionDocument,
  RecordAccountabilityDocument,
  SuperviseCaseDocument,
  type RecordAccountabilityInput,
} from "../generated/graphql";
import { errorCode, gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { asDistrict, closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { fromGlobalId } from "../../src/common/ids";

/**
 * Accountability (追责问责): the supervision office (督查室) supervises beside discipline inspection,
 * and both record accountability for a case's handling; the district admin reads it with them;
 * nobody else does, and no other district.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
let office: string;
let otherOffice: string;
let cityAdmin: string;

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  office = await tokenFor({ district: w.district, role: "supervision_office" });
  otherOffice = await tokenFor({ district: other.district, role: "supervision_office" });
  cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

async function supervisedCase() {
  let c = await hotlineCase(server, w);
  c = ok(
    await gql(
      server,
      SuperviseCaseDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "群众多次反映" } },
      office,
    ),
  ).superviseCase;
  expect(c.supervised).toBe(true);
  return c;
}

function input(caseId: string, more: Partial<RecordAccountabilityInput> = {}) {
  return {
    caseId,
    unitLevel: "department",
    unitId: gid("Department", w.housing.id),
    person: "张某",
    failing: "inaction",
    outcome: "逾期未办结,未说明理由",
    sanction: "admonition",
    decidedOn: "2026-03-09",
    ...more,
  } as RecordAccountabilityInput;
}

async function countRows(caseId: string): Promise<number> {
  const id = fromGlobalId(caseId)!.id;
  const { rows } = await asDistrict(w.district.id, (q) =>
    q("SELECT count(*)::int AS n FROM accountability_record WHERE case_id = $1", [id]),
  );
  return rows[0].n;
}

it("the supervision office opens and concludes a supervision", async () => {
  const c = await supervisedCase();
  const done = ok(
    await gql(
      server,
      ConcludeSupervisionDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "责令限期整改" } },
      office,
    ),
  ).concludeSupervision;
  expect(done.supervised).toBe(false);
  expect(done.supervisions).toEqual([
    expect.objectContaining({ status: "concluded", findings: "责令限期整改" }),
  ]);
});

it("records accountability, which the admin and the inspectors list, filter and count", async () => {
  const c = await supervisedCase();
  const read = ok(await gql(server, CaseAccountabilityDocument, { id: c.id }, office)).case!;
  const supervisionId = read.supervisions[0].id;
  const rec = ok(
    await gql(
      server,
      RecordAccountabilityDocument,
      { input: input(c.id, { supervisionId }) },
      office,
    ),
  ).recordAccountability;
  expect(rec).toMatchObject({
    unitLevel: "department",
    unitId: gid("Department", w.housing.id),
    failing: "inaction",
    sanction: "admonition",
    decidedOn: "2026-03-09",
    recordedBy: `${w.district.code}.supervision_office`,
    case: { id: c.id },
    supervision: { id: supervisionId },
  });
  const second = ok(
    await gql(
      server,
      RecordAccountabilityDocument,
      {
        input: input(c.id, {
          unitLevel: "grid",
          unitId: gid("Grid", w.tree.gridA),
          person: null,
          failing: "low_satisfaction",
          sanction: "criticism",
          decidedOn: "2026-03-10",
        }),
      },
      w.tokens.inspector,
    ),
  ).recordAccountability;

  for (const token of [w.tokens.admin, w.tokens.inspector, office]) {
    const all = ok(
      await gql(server, AccountabilityRecordsDocument, { caseId: c.id }, token),
    ).accountabilityRecords;
    expect(all.totalCount).toBe(2);
    expect(all.edges.map((e) => e.node.id)).toEqual([second.id, rec.id]);
  }
  const byFailing = ok(
    await gql(
      server,
      AccountabilityRecordsDocument,
      { caseId: c.id, failing: "inaction" },
      w.tokens.admin,
    ),
  ).accountabilityRecords;
  expect(byFailing.edges.map((e) => e.node.id)).toEqual([rec.id]);
  const byUnit = ok(
    await gql(
      server,
      AccountabilityRecordsDocument,
      { unitId: gid("Grid", w.tree.gridA) },
      w.tokens.admin,
    ),
  ).accountabilityRecords;
  expect(byUnit.edges.map((e) => e.node.id)).toEqual([second.id]);
  const byDay = ok(
    await gql(
      server,
      AccountabilityRecordsDocument,
      { caseId: c.id, from: "2026-03-10", to: "2026-03-10" },
      w.tokens.admin,
    ),
  ).accountabilityRecords;
  expect(byDay.edges.map((e) => e.node.id)).toEqual([second.id]);

  const onCase = ok(
    await gql(server, CaseAccountabilityDocument, { id: c.id }, w.tokens.admin),
  ).case!;
  expect(onCase.accountability.map((a) => a.id)).toEqual([rec.id, second.id]);

  const counts = ok(
    await gql(server, AccountabilityCountsDocument, { level: "department" }, w.tokens.admin),
  ).accountabilityCounts;
  expect(counts).toContainEqual(
    expect.objectContaining({ unitId: gid("Department", w.housing.id), inaction: 1, total: 1 }),
  );
});

it("refuses everyone else, and another district sees none of it", async () => {
  const c = await hotlineCase(server, w);
  ok(await gql(server, RecordAccountabilityDocument, { input: input(c.id) }, w.tokens.inspector));
  for (const token of [w.tokens.resident, w.tokens.command, w.tokens.housing, cityAdmin]) {
    expect(
      errorCode(await gql(server, RecordAccountabilityDocument, { input: input(c.id) }, token)),
    ).toBe("FORBIDDEN");
    expect(errorCode(await gql(server, AccountabilityRecordsDocument, {}, token))).toBe(
      "FORBIDDEN",
    );
    expect(
      errorCode(await gql(server, AccountabilityCountsDocument, { level: "grid" }, token)),
    ).toBe("FORBIDDEN");
  }
  // The command center sees the case, but not its accountability.
  const cc = await gql(server, CaseAccountabilityDocument, { id: c.id }, w.tokens.command);
  expect(errorCode(cc)).toBe("FORBIDDEN");
  expect(cc.data?.case ?? null).toBeNull();
  expect(await countRows(c.id)).toBe(1);

  for (const token of [other.tokens.inspector, otherOffice]) {
    expect(
      errorCode(await gql(server, RecordAccountabilityDocument, { input: input(c.id) }, token)),
    ).toBe("NOT_FOUND");
    const theirs = ok(
      await gql(server, AccountabilityRecordsDocument, { caseId: c.id }, token),
    ).accountabilityRecords;
    expect(theirs.totalCount).toBe(0);
    expect(ok(await gql(server, CaseAccountabilityDocument, { id: c.id }, token)).case).toBeNull();
  }
  expect(await countRows(c.id)).toBe(1);
});

it("refuses bad input and writes nothing", async () => {
  const c = await supervisedCase();
  const elsewhere = await supervisedCase();
  const supOf = async (id: string) =>
    ok(await gql(server, CaseAccountabilityDocument, { id }, office)).case!.supervisions[0].id;
  const bad = async (more: Partial<RecordAccountabilityInput>, code: string, field?: string) => {
    const res = await gql(
      server,
      RecordAccountabilityDocument,
      { input: input(c.id, more) },
      office,
    );
    expect(errorCode(res)).toBe(code);
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
  };
  await bad({ failing: "slowness" as never }, "BAD_USER_INPUT");
  await bad({ sanction: "fine" as never }, "BAD_USER_INPUT");
  await bad({ unitId: gid("Department", other.housing.id) }, "BAD_USER_INPUT", "unitId");
  await bad(
    { unitLevel: "street_office", unitId: gid("StreetOffice", other.tree.streetA) },
    "BAD_USER_INPUT",
    "unitId",
  );
  await bad(
    { unitLevel: "grid", unitId: gid("Department", w.housing.id) },
    "BAD_USER_INPUT",
    "unitId",
  );
  await bad({ supervisionId: await supOf(elsewhere.id) }, "BAD_USER_INPUT", "supervisionId");
  await bad({ decidedOn: "2026-02-30" }, "BAD_USER_INPUT", "decidedOn");
  await bad({ decidedOn: "2999-01-01" }, "BAD_USER_INPUT", "decidedOn");
  await bad({ outcome: "" }, "BAD_USER_INPUT");
  expect(await countRows(c.id)).toBe(0);
  expect(await countRows(elsewhere.id)).toBe(0);
});

it("row-level security keeps another district's records out when a filter is forgotten", async () => {
  const c = await hotlineCase(server, w);
  ok(await gql(server, RecordAccountabilityDocument, { input: input(c.id) }, office));
  const app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  await app.connect();
  try {
    await app.query("BEGIN");
    await app.query("SELECT set_config('app.district_ids', $1, true)", [`{${other.district.id}}`]);
    const { rows } = await app.query("SELECT district_id FROM accountability_record");
    expect(rows.every((r) => r.district_id === other.district.id)).toBe(true);
    await app.query("ROLLBACK");
    await app.query("BEGIN");
    await app.query("SELECT set_config('app.district_ids', $1, true)", [`{${w.district.id}}`]);
    const mine = await app.query("SELECT count(*)::int AS n FROM accountability_record");
    expect(mine.rows[0].n).toBeGreaterThan(0);
    // Append-only for the server: no UPDATE or DELETE.
    await expect(app.query("UPDATE accountability_record SET outcome = 'x'")).rejects.toMatchObject(
      { code: "42501" },
    );
  } finally {
    await app.query("ROLLBACK");
    await app.end();
  }
});
