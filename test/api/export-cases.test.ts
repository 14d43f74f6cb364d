import ExcelJS from "exceljs";
import { errorCode, gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { TEST_EPOCH } from "../helpers/clock";
import { asDistrict, closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { LABELS } from "../../src/modules/labels/labels";

/**
 * The cases export (GET /export/cases.csv, .xlsx): the rows of the `cases` query, paged through
 * (more than one page of 200), with the complainant as `Case.complainant` shows it to each role,
 * recorded in the read audit as the API records it, and nothing of another district.
 */
let server: TestServer;
let clock: ManualClock;
let w: CaseWorld;
let other: CaseWorld;
const HOUR = 3_600_000;
/** Cases of grid A (street office A), then of the rural grid (street office B). */
const IN_A = 196;
const IN_B = 6;
let secondBatchFrom: string;

const base = () => server.url.replace(/\/graphql$/, "");

async function fetchExport(path: string, token?: string | null) {
  return fetch(`${base()}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function csvOf(path: string, token: string) {
  const res = await fetchExport(path, token);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const bytes = Buffer.from(await res.arrayBuffer());
  // The byte order mark that tells Excel the file is UTF-8 (a decoder drops it).
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString("utf8"));
}

async function xlsxOf(path: string, token: string) {
  const res = await fetchExport(path, token);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r) => {
    const values = (r.values as unknown[]).slice(1);
    rows.push(Array.from({ length: 22 }, (_, i) => (values[i] == null ? "" : String(values[i]))));
  });
  return { name: sheet.name, rows };
}

interface ApiCase {
  number: string;
  status: string;
  channel: string;
  description: string;
  complainant: { name: string | null; phone: string | null; visible: boolean } | null;
}
const LIST = `query ExportCompare($after: String, $status: [CaseStatus!], $from: DateTimeISO) {
  cases(first: 200, after: $after, status: $status, receivedFrom: $from) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { number status channel description complainant { name phone visible } } }
  }
}`;
interface ListData {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: ApiCase }>;
  };
}

/** Every case the API lists for the token, page after page (newest first). */
async function apiCases(token: string, vars: Record<string, unknown> = {}) {
  const all: ApiCase[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ListData["cases"] = ok(
      await gql<ListData, Record<string, unknown>>(server, LIST, { ...vars, after }, token),
    ).cases;
    all.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { all, total: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

const COL = {
  number: 0,
  channel: 2,
  status: 6,
  description: 10,
  name: 11,
  phone: 12,
} as const;

beforeAll(async () => {
  clock = new ManualClock(TEST_EPOCH);
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer({}, { clock });
  const make = (i: number, gridId: string) =>
    hotlineCase(server, w, {
      gridId: gid("Grid", gridId),
      description: `甲区诉求 ${i}`,
      // Every seventh case has no complainant: its cells stay empty.
      ...(i % 7 === 0
        ? {}
        : {
            complainantName: `王小${i}`,
            complainantPhone: `1381234${String(i).padStart(4, "0")}`,
          }),
    });
  for (let i = 0; i < IN_A; i += 14)
    await Promise.all(
      Array.from({ length: Math.min(14, IN_A - i) }, (_, k) => make(i + k, w.tree.gridA)),
    );
  clock.advance(HOUR);
  secondBatchFrom = clock.now().toISOString();
  for (let i = 0; i < IN_B; i++) await make(IN_A + i, w.tree.gridRural);
  await hotlineCase(server, other, {
    description: "乙区诉求",
    complainantName: "李四",
    complainantPhone: "13900000000",
  });
}, 180_000);
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("exports as .xlsx exactly the cases the API lists, in its order, with Chinese headers and labels", async () => {
  const { all, total } = await apiCases(w.tokens.command);
  expect(total).toBe(IN_A + IN_B);
  const { name, rows } = await xlsxOf("/export/cases.xlsx", w.tokens.command);
  expect(name).toBe("案件");
  expect(rows[0]).toEqual(Object.values(LABELS.CaseColumn));
  expect(rows[0].slice(0, 3)).toEqual(["案件编号", "受理时间", "来源渠道"]);
  const data = rows.slice(1);
  expect(data).toHaveLength(total);
  expect(data.map((r) => r[COL.number])).toEqual(all.map((c) => c.number));
  expect(data.map((r) => r[COL.status])).toEqual(
    all.map((c) => LABELS.CaseStatus[c.status as keyof typeof LABELS.CaseStatus]),
  );
  expect(new Set(data.map((r) => r[COL.channel]))).toEqual(new Set(["12345热线"]));
  // Received at the test epoch, written as local time (UTC+8).
  expect(data.at(-1)![1]).toBe("2026-03-10 09:00:00");
});

it("writes the same rows as CSV (UTF-8 with a BOM), and follows the filters of `cases`", async () => {
  const csv = await csvOf("/export/cases.csv", w.tokens.command);
  const { rows } = await xlsxOf("/export/cases.xlsx", w.tokens.command);
  expect(csv).toEqual(rows);
  const filtered = await csvOf(
    `/export/cases.csv?receivedFrom=${encodeURIComponent(secondBatchFrom)}&status=received,grid_handling`,
    w.tokens.command,
  );
  const api = await apiCases(w.tokens.command, {
    from: secondBatchFrom,
    status: ["received", "grid_handling"],
  });
  expect(api.total).toBe(IN_B);
  expect(filtered.slice(1).map((r) => r[COL.number])).toEqual(api.all.map((c) => c.number));
});

it("masks the complainant exactly as the API does for each role", async () => {
  const roles = {
    command: "full",
    inspector: "masked",
    worker: "full",
    otherStreet: "full",
    otherWorker: "none",
  } as const;
  for (const [role, expected] of Object.entries(roles)) {
    const token = w.tokens[role as keyof typeof w.tokens];
    const api = (await apiCases(token)).all;
    const csv = (await csvOf("/export/cases.csv", token)).slice(1);
    expect([role, csv.map((r) => [r[COL.number], r[COL.name], r[COL.phone]])]).toEqual([
      role,
      api.map((c) => [c.number, c.complainant?.name ?? "", c.complainant?.phone ?? ""]),
    ]);
    const phones = csv.map((r) => r[COL.phone]).filter((p) => p !== "");
    if (expected === "none") expect(csv).toHaveLength(0);
    else expect(phones.length).toBeGreaterThan(0);
    if (expected === "full") expect(phones.every((p) => /^1381234\d{4}$/.test(p))).toBe(true);
    if (expected === "masked") {
      expect(phones.every((p) => /^138\*{4}\d{4}$/.test(p))).toBe(true);
      expect(csv.every((r) => r[COL.name] === "" || /^王\*\*$/.test(r[COL.name]))).toBe(true);
    }
  }
  // The worker of grid A sees grid A's cases, the officer of street office B its rural grid's.
  expect((await csvOf("/export/cases.csv", w.tokens.worker)).length - 1).toBe(IN_A);
  expect((await csvOf("/export/cases.csv", w.tokens.otherStreet)).length - 1).toBe(IN_B);
});

it("records what it served in full in the read audit, as the API would, and nothing masked", async () => {
  const since = clock.now();
  clock.advance(1000);
  await csvOf("/export/cases.csv", w.tokens.command);
  await xlsxOf("/export/cases.xlsx", w.tokens.inspector);
  const { rows } = await asDistrict(w.district.id, (q) =>
    q(
      `SELECT r.reader_role, r.operation_name, r.operation_type, r.fields, s.record_ids
         FROM personal_data_read r
         JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set
        WHERE r.district_id = $1 AND r.read_at > $2 ORDER BY r.id`,
      [w.district.id, since],
    ),
  );
  const withComplainant = IN_A + IN_B - Math.ceil((IN_A + IN_B) / 7);
  expect(new Set(rows.map((r) => r.reader_role))).toEqual(new Set(["command_center"]));
  expect(new Set(rows.map((r) => `${r.operation_type} ${r.operation_name}`))).toEqual(
    new Set(["query export:cases.csv"]),
  );
  expect(rows.every((r) => r.fields.join() === "name,phone")).toBe(true);
  const ids = rows.flatMap((r) => r.record_ids as string[]);
  expect(new Set(ids).size).toBe(withComplainant);
  expect(ids).toHaveLength(withComplainant);
});

it("gives another district's token none of this district's cases", async () => {
  const theirs = (await csvOf("/export/cases.csv", other.tokens.command)).slice(1);
  expect(theirs.map((r) => r[COL.description])).toEqual(["乙区诉求"]);
  const byGrid = await csvOf(
    `/export/cases.csv?gridId=${encodeURIComponent(gid("Grid", w.tree.gridA))}`,
    other.tokens.command,
  );
  expect(byGrid).toHaveLength(1);
  const { rows } = await xlsxOf("/export/cases.xlsx", other.tokens.admin);
  expect(rows.slice(1).map((r) => r[COL.description])).toEqual(["乙区诉求"]);
});

it("refuses bad parameters and missing tokens with a coded JSON error, no stack", async () => {
  const cases: Array<[string, string | null, number, string, string | undefined]> = [
    ["/export/cases.csv?status=nope", w.tokens.command, 400, "BAD_USER_INPUT", "status"],
    ["/export/cases.csv?sattus=received", w.tokens.command, 400, "BAD_USER_INPUT", "sattus"],
    [
      "/export/cases.xlsx?receivedFrom=yesterday",
      w.tokens.command,
      400,
      "BAD_USER_INPUT",
      "receivedFrom",
    ],
    ["/export/cases.csv?overdue=yes", w.tokens.command, 400, "BAD_USER_INPUT", "overdue"],
    ["/export/cases.csv?category=Roads!", w.tokens.command, 400, "BAD_USER_INPUT", "category"],
    [
      `/export/cases.csv?gridId=${gid("Case", w.tree.gridA)}`,
      w.tokens.command,
      400,
      "BAD_USER_INPUT",
      "gridId",
    ],
    ["/export/cases.csv?channel=a&channel=b", w.tokens.command, 400, "BAD_USER_INPUT", "channel"],
    ["/export/cases.csv", null, 401, "UNAUTHENTICATED", undefined],
    ["/export/cases.xlsx", "not.a.token", 401, "UNAUTHENTICATED", undefined],
  ];
  for (const [path, token, status, code, field] of cases) {
    const res = await fetchExport(path, token);
    const text = await res.text();
    expect([path, res.status, res.headers.get("content-type")]).toEqual([
      path,
      status,
      "application/json; charset=utf-8",
    ]);
    const body = JSON.parse(text) as {
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    expect([path, errorCode({ status, ...body })]).toEqual([path, code]);
    expect(body.errors[0].extensions.field).toBe(field);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|stack/i);
  }
});

describe("the scoreboard export", () => {
  const BOARD = `query Board($level: UnitLevel!, $from: String!, $to: String!) {
    scoreboard(level: $level, from: $from, to: $to) {
      rows { rank score measures { name level received hotline overdueNow replyBreaches satisfactionRate } }
    }
  }`;
  interface Board {
    scoreboard: {
      rows: Array<{
        rank: number | null;
        score: number | null;
        measures: Record<string, string | number | null>;
      }>;
    };
  }
  const period = "level=street_office&from=2026-03-10&to=2026-03-10";

  it("writes the board the API ranks, with the measures' Chinese headers, as CSV and .xlsx", async () => {
    const api = ok(
      await gql<Board, Record<string, string>>(
        server,
        BOARD,
        { level: "street_office", from: "2026-03-10", to: "2026-03-10" },
        w.tokens.admin,
      ),
    ).scoreboard.rows;
    const res = await fetchExport(`/export/scoreboard.csv?${period}`, w.tokens.admin);
    expect(res.status).toBe(200);
    const csv = parseCsv(
      Buffer.from(await res.arrayBuffer())
        .subarray(3)
        .toString("utf8"),
    );
    const header = csv[0];
    expect(header.slice(0, 5)).toEqual(["排名", "得分", "单位", "层级", "受理量"]);
    const at = (name: string) =>
      header.indexOf(LABELS.Measure[name as keyof typeof LABELS.Measure]);
    const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));
    expect(
      csv
        .slice(1)
        .map((r) => [
          r[0],
          r[1],
          r[at("name")],
          r[at("received")],
          r[at("hotline")],
          r[at("overdueNow")],
          r[at("replyBreaches")],
          r[at("satisfactionRate")],
        ]),
    ).toEqual(
      api.map((r) => [
        cell(r.rank),
        cell(r.score),
        r.measures.name,
        cell(r.measures.received),
        cell(r.measures.hotline),
        cell(r.measures.overdueNow),
        cell(r.measures.replyBreaches),
        cell(r.measures.satisfactionRate),
      ]),
    );
    expect(csv.slice(1).every((r) => r[at("level")] === "街道")).toBe(true);
    expect(api.map((r) => r.measures.received as number).sort((a, b) => a - b)).toEqual([
      IN_B,
      IN_A,
    ]);
    const book = new ExcelJS.Workbook();
    const x = await fetchExport(`/export/scoreboard.xlsx?${period}`, w.tokens.admin);
    await book.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(api.length + 1);
    expect(sheet.getRow(2).getCell(at("received") + 1).value).toBe(api[0].measures.received);
  });

  it("answers another district its own board, a resident FORBIDDEN, and a bad period BAD_USER_INPUT", async () => {
    const res = await fetchExport(`/export/scoreboard.csv?${period}`, other.tokens.admin);
    const rows = parseCsv(
      Buffer.from(await res.arrayBuffer())
        .subarray(3)
        .toString("utf8"),
    );
    const received = rows[0].indexOf("受理量");
    expect(rows.slice(1).map((r) => r[received])).toEqual(["1", "0"]);
    const resident = await fetchExport(`/export/scoreboard.csv?${period}`, w.tokens.resident);
    expect(resident.status).toBe(403);
    await resident.text();
    for (const [q, field] of [
      ["level=street_office&from=2026-03-10&to=2026-02-10", undefined],
      ["level=street&from=2026-03-10&to=2026-03-10", "level"],
      ["level=street_office&from=2026-03-10", "to"],
    ] as const) {
      const bad = await fetchExport(`/export/scoreboard.xlsx?${q}`, w.tokens.admin);
      const body = (await bad.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
      expect([q, bad.status, body.errors[0].extensions.code]).toEqual([q, 400, "BAD_USER_INPUT"]);
      if (field) expect(body.errors[0].extensions.field).toBe(field);
    }
  });
});

it("slows a long export to the caller's rate: a later page waits for the bucket instead of cutting the file", async () => {
  // A server on the same database whose account bucket one page of cases empties (1,000 points,
  // refilled by 1 a second, on a clock of this test's): the second page is refused at first and
  // waits for its Retry-After, on the server's clock, which this test moves.
  const slowClock = new ManualClock(TEST_EPOCH);
  const slow = await startTestServer(
    { RATE_LIMIT_SUBJECT: "1000/1", RATE_LIMIT_DISTRICT: "off" },
    { clock: slowClock },
  );
  try {
    const all = await csvOf("/export/cases.csv", w.tokens.command);
    let done = false;
    const pending = fetch(`${slow.url.replace(/\/graphql$/, "")}/export/cases.csv`, {
      headers: { authorization: `Bearer ${w.tokens.command}` },
    })
      .then(async (res) => {
        const bytes = Buffer.from(await res.arrayBuffer());
        return { status: res.status, rows: parseCsv(bytes.subarray(3).toString("utf8")) };
      })
      .finally(() => (done = true));
    // Moves the server's clock until the download ends (a condition, not a time).
    while (!done) {
      slowClock.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const got = await pending;
    expect(got.status).toBe(200);
    expect(all.length).toBeGreaterThan(201); // the header and more than a page of cases
    expect(got.rows).toEqual(all);
  } finally {
    await slow.close();
  }
});
