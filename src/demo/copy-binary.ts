/**
 * PostgreSQL's binary COPY format, value by value (its COPY documentation and each type's send
 * function): the bytes PostgreSQL keeps for a uuid, a text, an integer, a time, a numeric, a
 * text array, and the file's header and trailer. CopyBuffer (copy-buffer.ts) writes rows with them.
 */

/** A column and its PostgreSQL type (`text[]`, `jsonb`, `timestamptz`, …). */
export type Column = readonly [name: string, type: string];

/** The types a column may have, as the binary format writes them. */
export enum Kind {
  uuid,
  text,
  int2,
  int4,
  int8,
  float8,
  numeric,
  bool,
  date,
  timestamptz,
  jsonb,
  textArray,
}

export function kindOf(type: string): Kind {
  switch (type) {
    case "uuid":
      return Kind.uuid;
    case "text":
    case "character varying":
      return Kind.text;
    case "smallint":
      return Kind.int2;
    case "integer":
      return Kind.int4;
    case "bigint":
      return Kind.int8;
    case "double precision":
      return Kind.float8;
    case "numeric":
      return Kind.numeric;
    case "boolean":
      return Kind.bool;
    case "date":
      return Kind.date;
    case "timestamptz":
      return Kind.timestamptz;
    case "jsonb":
      return Kind.jsonb;
    case "text[]":
      return Kind.textArray;
  }
  throw new Error(`copy-rows: no binary encoding for the type "${type}"`);
}

/** Milliseconds from 1970 to PostgreSQL's epoch, 2000-01-01. */
export const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
export const DAY_MS = 86_400_000;
/** The type oid of text, which an array's header names. */
export const TEXT_OID = 25;
/** The binary format's signature, flags and header extension (PostgreSQL's COPY documentation). */
export const HEADER = Buffer.from([
  ...Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"),
  ...[0, 0, 0, 0],
  ...[0, 0, 0, 0],
]);
export const TRAILER = Buffer.from([0xff, 0xff]);

/**
 * Writes `s` as UTF-8 at `at` (room for 3 bytes per UTF-16 unit is the caller's); returns the
 * bytes written. ASCII is copied here, the rest by Buffer's encoder.
 */
export function textInto(buf: Buffer, at: number, s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return buf.write(s, at, "utf8");
    buf[at + i] = c;
  }
  return n;
}

/** A whole number of up to 2^53 as a big-endian int64 (as two 32-bit halves). */
export function int64Into(view: DataView, at: number, v: number): void {
  if (!Number.isSafeInteger(v)) throw new RangeError(`copy-rows: not a safe integer: ${v}`);
  const high = Math.floor(v / 2 ** 32);
  view.setInt32(at, high);
  view.setUint32(at + 4, v - high * 2 ** 32);
}

/** A decimal as PostgreSQL's numeric keeps it: base-10000 digits from the weight's place down. */
export function numericOf(v: number | string): {
  digits: number[];
  weight: number;
  negative: boolean;
  scale: number;
} {
  const text = typeof v === "number" ? String(v) : v.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === "" && !m[3])) throw new RangeError(`copy-rows: not a decimal: ${text}`);
  const negative = m[1] === "-";
  const int = m[2].replace(/^0+/, "");
  const frac = m[3] ?? "";
  const scale = frac.length;
  // Whole groups of four digits on either side of the point.
  const intPadded = int.padStart(Math.ceil(int.length / 4) * 4, "0");
  const fracPadded = frac.padEnd(Math.ceil(frac.length / 4) * 4, "0");
  const all = intPadded + fracPadded;
  let digits: number[] = [];
  for (let i = 0; i < all.length; i += 4) digits.push(Number(all.slice(i, i + 4)));
  let weight = intPadded.length / 4 - 1;
  // Leading and trailing zero groups are not kept.
  let lead = 0;
  while (lead < digits.length && digits[lead] === 0) lead++;
  digits = digits.slice(lead);
  weight -= lead;
  while (digits.length && digits[digits.length - 1] === 0) digits.pop();
  if (digits.length === 0) return { digits, weight: 0, negative: false, scale };
  return { digits, weight, negative, scale };
}

/** The bytes of a text[] value after its length word, at most (UTF-8 takes up to 3 bytes a unit). */
export function textArraySize(v: ReadonlyArray<string | null>): number {
  let size = 20;
  for (const e of v) size += 4 + (e == null ? 0 : 3 * e.length);
  return size;
}

/** Writes a text[] value, length word first, at `at`; returns where it ends. */
export function textArrayInto(
  buf: Buffer,
  view: DataView,
  at: number,
  v: ReadonlyArray<string | null>,
): number {
  let p = at + 4;
  view.setInt32(p, v.length ? 1 : 0);
  view.setInt32(p + 4, v.some((e) => e == null) ? 1 : 0);
  view.setInt32(p + 8, TEXT_OID);
  p += 12;
  if (v.length) {
    view.setInt32(p, v.length);
    view.setInt32(p + 4, 1);
    p += 8;
  }
  for (const e of v) {
    if (e == null) {
      view.setInt32(p, -1);
      p += 4;
    } else {
      const n = textInto(buf, p + 4, e);
      view.setInt32(p, n);
      p += 4 + n;
    }
  }
  view.setInt32(at, p - at - 4);
  return p;
}

/** Writes a numeric value (from numericOf), length word first, at `at`; returns where it ends. */
export function numericInto(view: DataView, at: number, n: ReturnType<typeof numericOf>): number {
  view.setInt32(at, 8 + 2 * n.digits.length);
  view.setInt16(at + 4, n.digits.length);
  view.setInt16(at + 6, n.weight);
  view.setUint16(at + 8, n.negative ? 0x4000 : 0);
  view.setInt16(at + 10, n.scale);
  let p = at + 12;
  for (const d of n.digits) {
    view.setInt16(p, d);
    p += 2;
  }
  return p;
}
