import { Client } from "pg";
import { type DataSource } from "typeorm";
import { createDataSource } from "../../src/db/data-source";
import { uuidv7 } from "../../src/common/ids";
import { insertReadsStatement } from "../../src/context/read-audit-writes";
import { ReadAuditSets1766131200000 } from "../../migrations/1766131200000-ReadAuditSets";
import {
  runMigration,
  startMigratedPostgres,
  type MigratedPostgres,
} from "../helpers/migrated-postgres";
import { auditRow, buildDistrict, closeFactories, type BuiltDistrict } from "../factories";

/**
 * The migration that keeps each set of a read's record ids once (ReadAuditSets), on an audit
 * written before it: taken back, given reads that carry their own arrays (the same array in
 * several reads and in two districts, and the same ids in another order), and applied again, it
 * keeps every read with the same ids in the same order, one set per district and distinct array;
 * taken back again, every read has its array back. A PostgreSQL of its own: the run's shared
 * database must not lose a table under the other tests.
 */
jest.setTimeout(120_000);

let db: MigratedPostgres;
let owner: Client;
let ds: DataSource;
let a: BuiltDistrict;
let b: BuiltDistrict;

beforeAll(async () => {
  db = await startMigratedPostgres("migration");
  a = await buildDistrict();
  b = await buildDistrict();
  owner = new Client({ connectionString: db.pg.adminUrl });
  await owner.connect();
  await owner.query("SELECT set_config('app.district_ids', $1, false)", [`{${a.id},${b.id}}`]);
  ds = createDataSource({ url: db.pg.adminUrl, entities: [], poolSize: 1 });
  await ds.initialize();
});

afterAll(async () => {
  await closeFactories();
  await owner?.end();
  if (ds?.isInitialized) await ds.destroy();
  await db?.remove();
});

const migrate = (direction: "up" | "down") =>
  runMigration(ds, new ReadAuditSets1766131200000(), direction);

const sql = async (q: string, p?: unknown[]) => (await owner.query(q, p)).rows;

it("moves a stored audit's arrays into sets and back, every read keeping its ids in order", async () => {
  await migrate("down");
  const tree = Array.from({ length: 4_194 }, () => uuidv7());
  const [x, y] = [uuidv7(), uuidv7()];
  const reads = [
    { district: a.id, ids: tree },
    { district: a.id, ids: tree },
    { district: a.id, ids: [x, y] },
    { district: a.id, ids: [y, x] },
    { district: b.id, ids: tree },
  ].map((r, i) => ({ ...r, id: uuidv7(), subject: `reader.${i}` }));
  for (const r of reads) {
    await sql(
      `INSERT INTO personal_data_read (district_id, id, reader_subject, reader_role, read_at,
                                       record_kind, record_ids, fields, operation_type)
       VALUES ($1, $2, $3, 'inspector', now(), 'person', $4::uuid[], '{phone}', 'query')`,
      [r.district, r.id, r.subject, r.ids],
    );
  }
  const byRead = async () =>
    new Map(
      (
        await sql(
          `SELECT r.id, s.record_ids FROM personal_data_read r
             JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set`,
        )
      ).map((r) => [r.id as string, r.record_ids as string[]]),
    );

  await migrate("up");
  const after = await byRead();
  for (const r of reads) expect(after.get(r.id)).toEqual(r.ids);
  const sets = await sql(
    `SELECT district_id, cardinality(record_ids) AS n FROM personal_data_read_set
      ORDER BY district_id, n`,
  );
  expect(sets).toEqual([
    { district_id: a.id, n: 2 },
    { district_id: a.id, n: 2 },
    { district_id: a.id, n: 4_194 },
    { district_id: b.id, n: 4_194 },
  ]);
  // A read the server writes after the migration, of the same ids, names the set a moved read
  // named: no second copy of it.
  const { text, params } = insertReadsStatement([auditRow(a.id, tree, "reader.after", "After")]);
  await sql(text, params);
  const [later] = await sql(
    `SELECT r.record_set = m.record_set AS same,
            (SELECT count(*)::int FROM personal_data_read_set) AS sets
       FROM personal_data_read r, personal_data_read m
      WHERE r.operation_name = 'After' AND m.id = $1`,
    [reads[0].id],
  );
  expect(later).toEqual({ same: true, sets: 4 });
  await sql(`DELETE FROM personal_data_read WHERE operation_name = 'After'`);

  await migrate("down");
  const back = await sql(`SELECT id, record_ids FROM personal_data_read`);
  expect(new Map(back.map((r) => [r.id, r.record_ids]))).toEqual(
    new Map(reads.map((r) => [r.id, r.ids])),
  );
  const [{ exists }] = await sql(
    `SELECT to_regclass('personal_data_read_set') IS NOT NULL AS exists`,
  );
  expect(exists).toBe(false);
  await migrate("up");
  expect(await byRead()).toEqual(after);
});
