import { once } from "node:events";
import { type Writable } from "node:stream";
import { stringify } from "csv-stringify";
import type ExcelJS from "exceljs";

/** A cell: text, a number, or empty. */
export type Cell = string | number | null;

/**
 * A table written as it comes: rows are handed over a page at a time and go out to the client
 * before the next page is read, so that a file of any length is never held whole. `rows` resolves
 * once the output has room again (or the client has gone: see `gone`).
 */
export interface TableWriter {
  rows(rows: readonly Cell[][]): Promise<void>;
  end(): Promise<void>;
}

/** Resolves when `stream` may take more, or has been closed (a client that went away). */
async function room(stream: Writable, out: Writable): Promise<void> {
  for (const s of [stream, out]) {
    if (s.writableNeedDrain && !s.destroyed) {
      const ac = new AbortController();
      await Promise.race([
        once(s, "drain", { signal: ac.signal }),
        once(out, "close", { signal: ac.signal }),
      ]).catch(() => undefined);
      ac.abort();
    }
  }
}

/**
 * A spreadsheet opens a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * such text from a complaint is written with a leading apostrophe in CSV, which spreadsheets show
 * as plain text.
 */
function inert(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV, UTF-8 with a byte order mark (so that Excel reads the Chinese right), CRLF line ends. */
export function csvWriter(out: Writable, header: readonly string[]): TableWriter {
  // A line break inside a cell (a complaint's text) is quoted: with CRLF as the record delimiter
  // the library would quote only a CRLF, and a lone LF would split the row for most readers.
  const csv = stringify({ bom: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
  csv.pipe(out);
  csv.write(header);
  return {
    async rows(rows) {
      for (const r of rows) csv.write(r.map(inert));
      await room(csv, out);
    },
    async end() {
      // Finished, or the client gone meanwhile: either way nothing more is to be written.
      const ac = new AbortController();
      const done = Promise.race([
        once(out, "finish", { signal: ac.signal }),
        once(out, "close", { signal: ac.signal }),
      ]).catch(() => undefined);
      csv.end();
      await done;
      ac.abort();
    },
  };
}

let loaded: Promise<typeof ExcelJS> | undefined;
/**
 * exceljs, loaded on the first Excel export: with its dependencies it is some 600 modules and a
 * third of a second of CPU, which every start of the server would otherwise pay before it is ready.
 */
function exceljs(): Promise<typeof ExcelJS> {
  loaded ??= import("exceljs").then((m) => m.default);
  return loaded;
}

/**
 * Excel (.xlsx), one sheet, written by exceljs's streaming writer: each row is committed (written
 * out of memory) as it is added; strings inline, not in a shared table that would grow with the
 * file.
 */
export async function xlsxWriter(
  out: Writable,
  sheet: string,
  header: readonly string[],
): Promise<TableWriter> {
  const excel = await exceljs();
  const book = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = book.addWorksheet(sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const head = ws.addRow([...header]);
  head.font = { bold: true };
  head.commit();
  return {
    async rows(rows) {
      for (const r of rows) ws.addRow(r).commit();
      await room(out, out);
    },
    async end() {
      ws.commit();
      await book.commit();
    },
  };
}
