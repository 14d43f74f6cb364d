import { execFileSync } from "node:child_process";
import path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { csvWriter, type TableWriter, xlsxWriter } from "../../src/modules/export/table-writers";

/** What a writer wrote, once it has ended. */
async function written(make: (out: PassThrough) => TableWriter | Promise<TableWriter>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const w = await make(out);
  await w.rows([["=SUM(A1:A9)", "+1", "-2", "@x", "王小明", 3, null]]);
  await w.rows([["a,b", 'say "hi"', "line\nbreak", "", "1-2", 0, "ok"]]);
  await w.end();
  return Buffer.concat(chunks);
}

it("writes CSV with a BOM and CRLF, quoting where needed, and formulas made inert", async () => {
  const bytes = await written((out) => csvWriter(out, ["甲", "乙", "丙", "丁", "戊", "己", "庚"]));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString("utf8")).toBe(
    "甲,乙,丙,丁,戊,己,庚\r\n" +
      "'=SUM(A1:A9),'+1,'-2,'@x,王小明,3,\r\n" +
      '"a,b","say ""hi""","line\nbreak",,1-2,0,ok\r\n',
  );
});

it("writes .xlsx whose cells read back as they were given, text as text", async () => {
  const bytes = await written((out) =>
    xlsxWriter(out, "表", ["甲", "乙", "丙", "丁", "戊", "己", "庚"]),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet("表")!;
  const row = (i: number) => (sheet.getRow(i).values as unknown[]).slice(1);
  expect(row(1)).toEqual(["甲", "乙", "丙", "丁", "戊", "己", "庚"]);
  // A string that looks like a formula stays a string in a workbook: no apostrophe is needed.
  expect(row(2)).toEqual(["=SUM(A1:A9)", "+1", "-2", "@x", "王小明", 3]);
  expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  // An empty text is an empty cell.
  expect(row(3)).toEqual(["a,b", 'say "hi"', "line\nbreak", undefined, "1-2", 0, "ok"]);
});

it("the server's modules load without exceljs, which comes with the first Excel export", () => {
  // In a process of its own (the built server, as `npm start` runs it): this one has loaded
  // exceljs above.
  const dist = path.join(__dirname, "..", "..", "dist", "src");
  const script = `
    require("reflect-metadata");
    require(${JSON.stringify(path.join(dist, "server.js"))});
    require(${JSON.stringify(path.join(dist, "schema.js"))});
    const loaded = Object.keys(require.cache);
    console.log(JSON.stringify({
      exceljs: loaded.filter((f) => f.includes("/node_modules/exceljs/")).length,
      writers: loaded.filter((f) => f.endsWith("table-writers.js")).length,
    }));`;
  const out = execFileSync(process.execPath, ["-e", script], {
    cwd: path.join(__dirname, "..", ".."),
    encoding: "utf8",
  });
  // The writers are loaded (the export routes are part of the server); exceljs is not.
  expect(JSON.parse(out)).toEqual({ exceljs: 0, writers: 1 });
});
