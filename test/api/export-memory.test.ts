import v8 from "node:v8";
import vm from "node:vm";
import ExcelJS from "exceljs";
import { gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { tokenFor } from "../factories";

/**
 * A month of Mingshan's demo cases (about 12,000) exported as .xlsx: the file opens, holds the
 * cases the API counts for the same period, and the server's heap, measured after a full
 * collection as the download goes, stays within a bound far below what the rows would take held
 * whole. The bound does not depend on the machine's speed: the export reads a page only once the
 * previous one is written out, and the client here reads as it comes.
 */
let server: TestServer;
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;
// Demo history only: it ends at the tests' instant, and other test files add cases after it.
const FROM = "2026-02-10T00:00:00+08:00";
const TO = "2026-03-10T08:00:00+08:00";

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

it("streams a month of Mingshan's cases in bounded memory, as a valid .xlsx of the API's count", async () => {
  const token = await tokenFor({ district: { code: "mingshan" }, role: "command_center" });
  const total = ok(
    await gql<{ cases: { totalCount: number } }, Record<string, string>>(
      server,
      `query MonthCount($from: DateTimeISO, $to: DateTimeISO) {
        cases(first: 1, receivedFrom: $from, receivedTo: $to) { totalCount }
      }`,
      { from: FROM, to: TO },
      token,
    ),
  ).cases.totalCount;
  expect(total).toBeGreaterThan(8000);

  const before = heap();
  const res = await fetch(
    `${server.url.replace(/\/graphql$/, "")}/export/cases.xlsx?receivedFrom=${encodeURIComponent(FROM)}&receivedTo=${encodeURIComponent(TO)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(res.status).toBe(200);
  const chunks: Buffer[] = [];
  let received = 0;
  let nextLook = 0;
  let peak = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    received += chunk.length;
    // Every 256 KB of file: the heap after a full collection (the file's bytes so far are
    // Buffers, outside the heap).
    if (received >= nextLook) {
      peak = Math.max(peak, heap());
      nextLook = received + 256 * 1024;
    }
  }
  const growth = (peak - before) / MB;
  // The rows held whole would take several times this (12,000 cases of 22 cells, and their
  // entities); one page of 200 and the writer's buffers take a few MB.
  expect(growth).toBeLessThan(24);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0];
  expect(sheet.rowCount).toBe(total + 1);
  expect(sheet.getRow(1).getCell(1).value).toBe("案件编号");
  const numbers = new Set<string>();
  sheet.eachRow((r, i) => {
    if (i > 1) numbers.add(String(r.getCell(1).value));
  });
  expect(numbers.size).toBe(total);
}, 240_000);
