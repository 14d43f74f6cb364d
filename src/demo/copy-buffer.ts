import {
  type Column,
  DAY_MS,
  HEADER,
  int64Into,
  Kind,
  kindOf,
  numericInto,
  numericOf,
  PG_EPOCH_MS,
  textArrayInto,
  textArraySize,
  textInto,
  TRAILER,
} from "./copy-binary";
import { uuidInto } from "../common/ids";

/** Bytes per chunk of encoded rows. */
const CHUNK_BYTES = 1 << 20;

/** A text value written before a row's own columns, known only when the rows are written. */
export interface Lead {
  column: Column;
  /** The lead value of a row (its case number). */
  value(row: number): string;
}

/**
 * Rows of one table encoded for COPY as they are made, outside the JavaScript heap: a row does
 * not outlive its encoding, and what waits to be written costs the garbage collector nothing.
 * Every row starts with the district's id (`district_id`), then the columns in their order. Each
 * value is the bytes PostgreSQL keeps (copy-binary.ts): no text is formatted here or parsed there
 * (the garbage of line strings and ISO dates cost more than the rest of the encoding). copyTo in
 * copy-rows.ts writes them.
 *
 * A row is written either from an object keyed by column name (`add`), or field by field
 * (`begin`, then one call per column in order, then `end`), which makes no object at all. A
 * bigint column whose values come later (the log's positions, known once the whole month is
 * played) is written as a `slot` and filled in by `fill` before the rows are sent.
 */
export class CopyBuffer {
  private readonly fieldNames: string[];
  private readonly kinds: Kind[];
  private readonly district: Buffer;
  private readonly chunks: Buffer[] = [];
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  private used = 0;
  /** Where the row being written began in `buf` (a row never spans two chunks). */
  private rowStart = 0;
  private fields = 0;
  private count = 0;
  /** When ordered: each row's chunk and its bytes' end there; it starts where the previous row ended. */
  private readonly rowChunk: number[] | null;
  private readonly rowEnd: number[] | null;
  /** The rows start with their field count only when they are written (their lead comes first). */
  private readonly lead: boolean;
  /** Slots: offset of this row's slot while it is written; each slot's chunk and offset. */
  private slotInRow = -1;
  private readonly slotChunk: number[] = [];
  private readonly slotAt: number[] = [];

  constructor(
    readonly columns: readonly Column[],
    districtId: string,
    /**
     * `ordered`: the rows will be written in an order given then (`copyTo`'s `order`), so their
     * places are kept; `lead`: each after a lead value (`copyTo`'s `lead`), given then.
     */
    opts: { ordered?: boolean; lead?: boolean } = {},
  ) {
    this.fieldNames = columns.map(([c]) => c);
    this.kinds = columns.map(([, type]) => kindOf(type));
    this.district = Buffer.alloc(20);
    this.district.writeInt32BE(16, 0);
    uuidInto(this.district, 4, districtId);
    this.lead = opts.lead ?? false;
    if (this.lead && !opts.ordered) throw new Error("copy-rows: a lead needs an order");
    this.rowChunk = opts.ordered ? [] : null;
    this.rowEnd = opts.ordered ? [] : null;
  }

  get rows(): number {
    return this.count;
  }

  /** Whether each row is written after a lead value (see `data`). */
  get hasLead(): boolean {
    return this.lead;
  }

  /** Makes room for `n` more bytes of the current row, moving the row to a new chunk if need be. */
  private room(n: number): void {
    if (this.used + n <= this.buf.length) return;
    const row = this.used - this.rowStart;
    const next = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, 2 * (row + n)));
    this.buf.copy(next, 0, this.rowStart, this.used);
    if (this.rowStart > 0) this.chunks.push(this.buf.subarray(0, this.rowStart));
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
    this.used = row;
    this.rowStart = 0;
  }

  /** Starts a row: its field count (unless a lead comes first) and the district's id. */
  begin(): this {
    this.rowStart = this.used;
    this.room(22);
    if (!this.lead) {
      this.view.setInt16(this.used, this.columns.length + 1);
      this.used += 2;
    }
    this.district.copy(this.buf, this.used);
    this.used += 20;
    this.fields = 0;
    return this;
  }

  /** Ends a row; returns its index. */
  end(): number {
    if (this.fields !== this.columns.length)
      throw new Error(
        `copy-rows: a row of ${this.fields} fields for ${this.columns.length} columns (${this.fieldNames.join(", ")})`,
      );
    if (this.slotInRow >= 0) {
      this.slotChunk.push(this.chunks.length);
      this.slotAt.push(this.rowStart + this.slotInRow);
      this.slotInRow = -1;
    }
    if (this.rowChunk) {
      this.rowChunk.push(this.chunks.length);
      this.rowEnd!.push(this.used);
    }
    return this.count++;
  }

  /** SQL NULL. */
  null(): this {
    this.room(4);
    this.view.setInt32(this.used, -1);
    this.used += 4;
    this.fields++;
    return this;
  }

  uuid(v: string | null | undefined): this {
    if (v == null) return this.null();
    this.room(20);
    this.view.setInt32(this.used, 16);
    uuidInto(this.buf, this.used + 4, v);
    this.used += 20;
    this.fields++;
    return this;
  }

  text(v: string | null | undefined): this {
    if (v == null) return this.null();
    if (typeof v !== "string") v = String(v);
    this.room(4 + 3 * v.length);
    const n = textInto(this.buf, this.used + 4, v);
    this.view.setInt32(this.used, n);
    this.used += 4 + n;
    this.fields++;
    return this;
  }

  int2(v: number | null | undefined): this {
    if (v == null) return this.null();
    this.room(6);
    this.view.setInt32(this.used, 2);
    this.view.setInt16(this.used + 4, v);
    this.used += 6;
    this.fields++;
    return this;
  }

  int4(v: number | null | undefined): this {
    if (v == null) return this.null();
    this.room(8);
    this.view.setInt32(this.used, 4);
    this.view.setInt32(this.used + 4, v);
    this.used += 8;
    this.fields++;
    return this;
  }

  int8(v: number | null | undefined): this {
    if (v == null) return this.null();
    this.room(12);
    this.view.setInt32(this.used, 8);
    int64Into(this.view, this.used + 4, v);
    this.used += 12;
    this.fields++;
    return this;
  }

  /** A bigint filled in later (`fill`); one per row at most. */
  slot(): this {
    this.room(12);
    this.view.setInt32(this.used, 8);
    this.slotInRow = this.used + 4 - this.rowStart;
    this.used += 12;
    this.fields++;
    return this;
  }

  float8(v: number | null | undefined): this {
    if (v == null) return this.null();
    this.room(12);
    this.view.setInt32(this.used, 8);
    this.view.setFloat64(this.used + 4, v);
    this.used += 12;
    this.fields++;
    return this;
  }

  bool(v: boolean | null | undefined): this {
    if (v == null) return this.null();
    this.room(5);
    this.view.setInt32(this.used, 1);
    this.buf[this.used + 4] = v ? 1 : 0;
    this.used += 5;
    this.fields++;
    return this;
  }

  /** A timestamptz: a Date, milliseconds since 1970, or a string Date.parse reads (ISO 8601). */
  time(v: Date | number | string | null | undefined): this {
    if (v == null) return this.null();
    const ms = typeof v === "number" ? v : typeof v === "string" ? Date.parse(v) : v.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`copy-rows: not a time: ${String(v)}`);
    this.room(12);
    this.view.setInt32(this.used, 8);
    int64Into(this.view, this.used + 4, (ms - PG_EPOCH_MS) * 1000);
    this.used += 12;
    this.fields++;
    return this;
  }

  /** A date: 'YYYY-MM-DD' (or a Date, taken at UTC). */
  date(v: string | Date | null | undefined): this {
    if (v == null) return this.null();
    const ms =
      typeof v === "string" ? Date.parse(v.length === 10 ? v : v.slice(0, 10)) : v.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`copy-rows: not a date: ${String(v)}`);
    this.room(8);
    this.view.setInt32(this.used, 4);
    this.view.setInt32(this.used + 4, Math.floor((ms - PG_EPOCH_MS) / DAY_MS));
    this.used += 8;
    this.fields++;
    return this;
  }

  /** jsonb: a version byte, then the JSON text. */
  json(v: unknown): this {
    if (v == null) return this.null();
    const s = JSON.stringify(v);
    this.room(5 + 3 * s.length);
    this.buf[this.used + 4] = 1;
    const n = textInto(this.buf, this.used + 5, s);
    this.view.setInt32(this.used, n + 1);
    this.used += 5 + n;
    this.fields++;
    return this;
  }

  /** text[]: one dimension from 1 (none when empty), null elements allowed. */
  textArray(v: ReadonlyArray<string | null> | null | undefined): this {
    if (v == null) return this.null();
    this.room(4 + textArraySize(v));
    this.used = textArrayInto(this.buf, this.view, this.used, v);
    this.fields++;
    return this;
  }

  /** numeric, from a number or its decimal text: base-10000 digits, weight, sign and scale. */
  numeric(v: number | string | null | undefined): this {
    if (v == null) return this.null();
    const n = numericOf(v);
    this.room(12 + 2 * n.digits.length);
    this.used = numericInto(this.view, this.used, n);
    this.fields++;
    return this;
  }

  /** Encodes a row given as an object keyed by column name; returns its index. */
  add(row: object): number {
    const r = row as Record<string, unknown>;
    this.begin();
    for (let i = 0; i < this.kinds.length; i++) {
      const v = r[this.fieldNames[i]];
      switch (this.kinds[i]) {
        case Kind.uuid:
          this.uuid(v as string);
          break;
        case Kind.text:
          this.text(v as string);
          break;
        case Kind.int2:
          this.int2(v as number);
          break;
        case Kind.int4:
          this.int4(v as number);
          break;
        case Kind.int8:
          this.int8(v as number);
          break;
        case Kind.float8:
          this.float8(v as number);
          break;
        case Kind.numeric:
          this.numeric(v as number | string);
          break;
        case Kind.bool:
          this.bool(v as boolean);
          break;
        case Kind.date:
          this.date(v as string);
          break;
        case Kind.timestamptz:
          this.time(v as Date | string);
          break;
        case Kind.jsonb:
          this.json(v);
          break;
        case Kind.textArray:
          this.textArray(v as string[]);
          break;
      }
    }
    return this.end();
  }

  /** Fills the slots: the value of the slot of the k-th row that has one. */
  fill(value: (k: number) => number): void {
    const chunks = this.sealed();
    for (let k = 0; k < this.slotAt.length; k++) {
      const c = chunks[this.slotChunk[k]];
      int64Into(new DataView(c.buffer, c.byteOffset, c.byteLength), this.slotAt[k], value(k));
    }
  }

  private sealed(): Buffer[] {
    if (this.used > 0) {
      this.chunks.push(this.buf.subarray(0, this.used));
      this.buf = Buffer.allocUnsafe(0);
      this.view = new DataView(this.buf.buffer, this.buf.byteOffset, 0);
      this.used = this.rowStart = 0;
    }
    return this.chunks;
  }

  /**
   * The encoded data: header, rows, trailer. With `order`, the rows in that order (a buffer made
   * with `{ ordered: true }`), each preceded by its lead value when there is one.
   */
  *data(order?: ArrayLike<number>, lead?: Lead): Generator<Buffer> {
    yield HEADER;
    const chunks = this.sealed();
    if (!order) {
      yield* chunks;
      return yield TRAILER;
    }
    if (!this.rowChunk)
      throw new Error("copy-rows: an order needs a buffer made with { ordered: true }");
    const rowChunk = this.rowChunk;
    const rowEnd = this.rowEnd!;
    const views = chunks.map((c) => new Uint8Array(c.buffer, c.byteOffset, c.length));
    let out = Buffer.allocUnsafe(CHUNK_BYTES);
    let outBytes = new Uint8Array(out.buffer, out.byteOffset, out.length);
    let used = 0;
    for (let k = 0; k < order.length; k++) {
      const row = order[k];
      const chunk = rowChunk[row];
      const start = row > 0 && rowChunk[row - 1] === chunk ? rowEnd[row - 1] : 0;
      const end = rowEnd[row];
      const value = lead?.value(row);
      const need = (value === undefined ? 0 : 6 + 3 * value.length) + end - start;
      if (used + need > out.length) {
        yield out.subarray(0, used);
        out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, need));
        outBytes = new Uint8Array(out.buffer, out.byteOffset, out.length);
        used = 0;
      }
      if (value !== undefined) {
        out.writeInt16BE(this.columns.length + 2, used);
        const n = textInto(out, used + 6, value);
        out.writeInt32BE(n, used + 2);
        used += 6 + n;
      }
      // Through plain byte views: a Buffer's own copy and subarray cost several times more here.
      outBytes.set(views[chunk].subarray(start, end), used);
      used += end - start;
    }
    if (used > 0) yield out.subarray(0, used);
    yield TRAILER;
  }
}
