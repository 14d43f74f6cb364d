import { randomFillSync } from "node:crypto";

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Made by the
 * application so that no database sequence is shared across shards, and time-ordered so that
 * b-tree inserts stay local.
 */
let lastMs = 0;
let counter = 0;

/**
 * Random bytes are drawn from the system's generator 4 KiB at a time and handed out 16 at a time
 * (as Node's own randomUUID caches its random data): one draw per id cost ~9 µs, which made the
 * ids the largest cost of a bulk load (the demo's 350,000 rows).
 */
const pool = Buffer.alloc(4096);
let pooled = pool.length;

export function uuidv7(now = Date.now()): string {
  if (pooled === pool.length) {
    randomFillSync(pool);
    pooled = 0;
  }
  const bytes = pool.subarray(pooled, (pooled += 16));
  // Within one millisecond, a 12-bit counter in rand_a keeps ids from one process increasing.
  if (now === lastMs) {
    counter = (counter + 1) & 0xfff;
  } else {
    lastMs = now;
    counter = bytes.readUInt16BE(6) & 0x7ff;
  }
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The smallest uuidv7 of an instant. A case's id is a uuidv7 of the instant it was received (at
 * intake, and in the demo history), so the cases received in [start, end) have ids in
 * [idFloor(start), idFloor(end)): a bound that lets an index (…, id) read the period alone.
 */
export function idFloor(at: Date): string {
  // A uuidv7 holds 48 bits of milliseconds from 1970: an instant outside them is clamped (no
  // case has an id there, so the bound stays a bound).
  const ms = Math.min(Math.max(at.getTime(), 0), 2 ** 48 - 1);
  const hex = ms.toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The value of a hexadecimal digit's character code, -1 for any other. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[65 + i] = HEX[97 + i] = 10 + i;

/**
 * Writes the 16 bytes PostgreSQL keeps for a uuid given as text (32 hexadecimal digits, hyphens
 * anywhere) at `at`: its binary form, for COPY (demo/copy-binary.ts) and for parameters
 * (db/statements.ts `uuidArrayParam`). Anything else throws.
 */
export function uuidInto(buf: Buffer, at: number, s: string): void {
  let p = at;
  let hi = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 45) continue;
    const v = c < 128 ? HEX[c] : -1;
    if (v < 0 || p - at === 16) throw new Error("not a uuid");
    if (hi < 0) hi = v;
    else {
      buf[p++] = (hi << 4) | v;
      hi = -1;
    }
  }
  if (p - at !== 16 || hi >= 0) throw new Error("not a uuid");
}

/**
 * Opaque global ids for Relay's Node interface: base64url of "Type:uuid". Clients must treat them
 * as opaque; the encoding only lets node(id) know which table to look in.
 */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const sep = decoded.indexOf(":");
  if (sep <= 0) return null;
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  if (!/^[A-Za-z]+$/.test(type) || !isUuid(id)) return null;
  return { type, id };
}
