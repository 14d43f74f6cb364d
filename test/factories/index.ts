import { OperationTypeNode } from "graphql";
import { type ClientBase, Pool } from "pg";
import { uuidv7 } from "../../src/common/ids";
import { signToken, type SignOptions } from "../../src/auth/jwt";
import { type Role } from "../../src/auth/roles";
import { type ReadRow } from "../../src/context/read-audit";

/**
 * Factories write as the owner role (reference tables are not writable by the server's role) and
 * create whatever parent is missing, so every test builds its own tenants: tests never truncate
 * and files can run in parallel.
 */
let pool: Pool | undefined;
export function ownerPool(): Pool {
  if (!pool) {
    pool = new Pool({ connectionString: process.env.TEST_OWNER_DATABASE_URL, max: 3 });
    // An idle connection that fails (its server stopped or restarted by a fault test) is
    // dropped by the pool and replaced on the next query; without a listener its error would
    // be thrown as an unhandled 'error' event and fail the whole file.
    pool.on("error", () => undefined);
  }
  return pool;
}

/**
 * Ends the factories' pool and waits until every one of its connections has closed. The pool's
 * own end() resolves once it has asked its connections to end, before they have: a test that
 * stops its own PostgreSQL right after would otherwise end them first, with 57P01.
 */
export async function closeFactories(): Promise<void> {
  const closing = pool;
  pool = undefined;
  if (!closing) return;
  let open = closing.totalCount;
  const gone = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    closing.on("remove", () => {
      open -= 1;
      if (open === 0) resolve();
    });
  });
  await closing.end();
  await gone;
}

let seq = 0;
function unique(prefix: string): string {
  seq += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${seq}`.slice(0, 40);
}

export interface BuiltCity {
  id: string;
  code: string;
  name: string;
}
export interface BuiltDistrict {
  id: string;
  code: string;
  name: string;
  city: BuiltCity;
}

export async function buildCity(overrides: Partial<BuiltCity> = {}): Promise<BuiltCity> {
  const city = { id: uuidv7(), code: unique("c"), name: "测试市", ...overrides };
  await ownerPool().query("INSERT INTO city (id, code, name) VALUES ($1, $2, $3)", [
    city.id,
    city.code,
    city.name,
  ]);
  return city;
}

export async function buildDistrict(
  opts: { city?: BuiltCity; name?: string } = {},
): Promise<BuiltDistrict> {
  const city = opts.city ?? (await buildCity());
  const d = { id: uuidv7(), code: unique("d"), name: opts.name ?? "测试区", city };
  await ownerPool().query(
    "INSERT INTO district (id, city_id, code, name, kind) VALUES ($1, $2, $3, $4, 'district')",
    [d.id, city.id, d.code, d.name],
  );
  return d;
}

/** Runs SQL as the owner inside the given district's tenant context (the owner is subject to forced RLS). */
export async function asDistrict<T>(
  districtId: string,
  fn: (q: Pool["query"]) => Promise<T>,
): Promise<T> {
  const client = await ownerPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
    const result = await fn(client.query.bind(client) as Pool["query"]);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` on the server's role's connection `app` in a district's tenant context, in a
 * transaction rolled back afterwards: what the role may see and write there, leaving nothing.
 */
export async function asAppIn<T>(
  app: ClientBase,
  districtId: string,
  fn: () => Promise<T>,
): Promise<T> {
  await app.query("BEGIN");
  try {
    await app.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
    return await fn();
  } finally {
    await app.query("ROLLBACK");
  }
}

export interface BuiltDepartment {
  id: string;
  districtId: string;
  code: string;
  name: string;
}

export async function buildDepartment(
  opts: { district?: BuiltDistrict; code?: string; name?: string } = {},
) {
  const district = opts.district ?? (await buildDistrict());
  const dep: BuiltDepartment = {
    id: uuidv7(),
    districtId: district.id,
    code: opts.code ?? unique("dep").toLowerCase(),
    name: opts.name ?? "测试局",
  };
  await asDistrict(district.id, (q) =>
    q("INSERT INTO department (district_id, id, code, name) VALUES ($1, $2, $3, $4)", [
      dep.districtId,
      dep.id,
      dep.code,
      dep.name,
    ]),
  );
  return { ...dep, district };
}

export async function buildStaffAccount(opts: {
  district: BuiltDistrict;
  role: Role;
  subject?: string;
}) {
  const acc = { id: uuidv7(), subject: opts.subject ?? unique("user"), role: opts.role };
  await asDistrict(opts.district.id, (q) =>
    q(
      "INSERT INTO staff_account (district_id, id, subject, display_name, role) VALUES ($1, $2, $3, $4, $5)",
      [opts.district.id, acc.id, acc.subject, "测试用户", acc.role],
    ),
  );
  return acc;
}

export function secret(): Uint8Array {
  return new TextEncoder().encode(process.env.JWT_SECRET!);
}

/** A token signed with the test run's secret. */
export function tokenFor(
  who: {
    district?: BuiltDistrict | { code: string };
    city?: { code: string };
    role: Role | string;
  },
  extra: Partial<SignOptions> = {},
): Promise<string> {
  return signToken(secret(), {
    sub: extra.sub ?? `${who.district?.code ?? who.city?.code}.${who.role}`,
    role: who.role,
    district: who.district?.code,
    city: who.city?.code,
    ...extra,
  });
}

/**
 * A batch of the read audit as the server writes one (context/read-audit-writes.ts): the phones
 * of `recordIds`, read by an inspector at `at` in the operation `operationName`.
 */
export function auditRow(
  districtId: string,
  recordIds: string[],
  readerSubject: string,
  operationName: string,
  at = new Date(),
): ReadRow {
  return {
    districtId,
    kind: "person",
    recordIds,
    fields: ["phone"],
    operationName,
    operationType: OperationTypeNode.QUERY,
    readerSubject,
    readerRole: "inspector",
    at,
  };
}
