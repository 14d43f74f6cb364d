import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The read audit keeps each set of record ids once per district (`personal_data_read_set`), and
 * each read names its set (`record_set`), where every read carried its ids. A set's id is the hash
 * of its ids.
 *
 * Why: a screen that shows the same records again and again read the same ids each time. A
 * district admin's tree is about 4,000 ids, 64-67 KB of table a read (16 bytes an id) and 160-185
 * kB of WAL with its GIN entries; a command center refreshing it every 30 s wrote some 190 MB of
 * table a day, all of it the same set. Now the set is written the first time it is read, and each
 * later read is one row of about 200 bytes, with no GIN entry. What is recorded does not change: who, when, which records in which
 * order, which fields, which operation.
 *
 * The id is SHA-256 of the ids array in PostgreSQL's binary form (`array_send`), computed by the
 * statement that writes the reads (read-audit-writes.ts) and checked by the set's table, so that no
 * code outside the database decides which set a read names. Sets are written with
 * `ON CONFLICT DO NOTHING`: a set first read by two requests at once is written once, the second
 * waiting for the first to commit or roll back.
 *
 * No foreign key from the reads to their set: its check would take a share lock on the set's row
 * for every read, and a set read by many transactions at once would become a multixact. The set is
 * written by the same statement as the read, and neither table can be updated or deleted from by
 * the server's role.
 *
 * Existing reads are moved: their arrays become sets (one per distinct array in a district) and
 * each read is given its set's id, in one transaction that locks the audit while it runs. The
 * dropped arrays stay in the reads' rows, unread, until the table is rewritten (`VACUUM FULL
 * personal_data_read`, at a quiet time), which a transaction cannot run. Down puts the arrays back
 * in the reads.
 */
export class ReadAuditSets1766131200000 implements MigrationInterface {
  name = "ReadAuditSets1766131200000";

  async up(q: QueryRunner): Promise<void> {
    // The owner is subject to the forced row-level security: the statements act as every district.
    await q.query(`
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      CREATE TABLE personal_data_read_set (
        district_id uuid NOT NULL REFERENCES district (id),
        id bytea NOT NULL,
        record_ids uuid[] NOT NULL,
        PRIMARY KEY (district_id, id),
        -- One dimension from 1, as the statement that writes sets makes them: the id is the hash
        -- of that form, so one list of ids has one id.
        CONSTRAINT personal_data_read_set_record_ids_check
          CHECK (cardinality(record_ids) >= 1 AND array_position(record_ids, NULL) IS NULL
                 AND array_ndims(record_ids) = 1 AND array_lower(record_ids, 1) = 1),
        CONSTRAINT personal_data_read_set_id_check CHECK (id = sha256(array_send(record_ids)))
      );
      -- Stored as they are: uuids are random bytes, which compression cannot shrink (ReadAuditStorage).
      ALTER TABLE personal_data_read_set ALTER COLUMN record_ids SET STORAGE EXTERNAL;
      COMMENT ON TABLE personal_data_read_set IS
        'append-only: the sets of record ids that reads of personal data name (personal_data_read.record_set)';

      INSERT INTO personal_data_read_set (district_id, id, record_ids)
      SELECT DISTINCT ON (district_id, id) district_id, id, record_ids
        FROM (SELECT district_id, sha256(array_send(record_ids)) AS id, record_ids
                FROM personal_data_read) AS r;
      -- The GIN index first: the UPDATE below writes a new version of every row.
      DROP INDEX personal_data_read_records_idx;
      ALTER TABLE personal_data_read ADD COLUMN record_set bytea;
      UPDATE personal_data_read SET record_set = sha256(array_send(record_ids));
      ALTER TABLE personal_data_read
        ALTER COLUMN record_set SET NOT NULL,
        ADD CONSTRAINT personal_data_read_record_set_check CHECK (octet_length(record_set) = 32),
        DROP COLUMN record_ids;

      CREATE INDEX personal_data_read_set_records_idx
        ON personal_data_read_set USING gin (record_ids);
      CREATE INDEX personal_data_read_record_set_idx
        ON personal_data_read (district_id, record_set, id);
      COMMENT ON TABLE personal_data_read IS
        'append-only: reads of unmasked personal data (who, when, which set of records of one kind with the same fields, which operation)';

      ALTER TABLE personal_data_read_set ENABLE ROW LEVEL SECURITY;
      ALTER TABLE personal_data_read_set FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON personal_data_read_set
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT ON personal_data_read_set TO civic_grid_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      ALTER TABLE personal_data_read ADD COLUMN record_ids uuid[];
      ALTER TABLE personal_data_read ALTER COLUMN record_ids SET STORAGE EXTERNAL;
      UPDATE personal_data_read r SET record_ids = s.record_ids
        FROM personal_data_read_set s
       WHERE s.district_id = r.district_id AND s.id = r.record_set;
      ALTER TABLE personal_data_read
        ALTER COLUMN record_ids SET NOT NULL,
        ADD CONSTRAINT personal_data_read_record_ids_check
          CHECK (cardinality(record_ids) >= 1 AND array_position(record_ids, NULL) IS NULL);
      DROP INDEX personal_data_read_record_set_idx;
      ALTER TABLE personal_data_read DROP COLUMN record_set;
      CREATE INDEX personal_data_read_records_idx ON personal_data_read USING gin (record_ids);
      DROP TABLE personal_data_read_set;
      COMMENT ON TABLE personal_data_read IS
        'append-only: reads of unmasked personal data (who, when, which records of one kind with the same fields, which operation)';
    `);
  }
}
