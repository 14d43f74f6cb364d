import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The personal-data read audit: one row per record whose phone, ID number or name an operation
 * served in full, with who read it, when and through which operation.
 *
 * Append-only for the server: its role may INSERT and SELECT (within the transaction's districts,
 * like every tenant table) but never UPDATE or DELETE, so nobody who can run the API can rewrite
 * what was read. The record is named by kind and id, without a foreign key: a read stays on record
 * even if the person or case is later removed.
 */
export class ReadAudit1764748800000 implements MigrationInterface {
  name = "ReadAudit1764748800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_read (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        reader_subject text NOT NULL CHECK (length(reader_subject) BETWEEN 1 AND 200),
        reader_role text NOT NULL CHECK (reader_role ~ '^[a-z][a-z_]{1,39}$'),
        -- The server's clock (the one the rules read), not now(): the time the read was served.
        read_at timestamptz NOT NULL,
        record_kind text NOT NULL CHECK (record_kind IN ('person', 'case_complainant')),
        record_id uuid NOT NULL,
        fields text[] NOT NULL CHECK (cardinality(fields) BETWEEN 1 AND 3
          AND fields <@ ARRAY['phone', 'id_number', 'name']::text[]),
        -- NULL for an anonymous operation.
        operation_name text CHECK (length(operation_name) BETWEEN 1 AND 200),
        operation_type text NOT NULL CHECK (operation_type IN ('query', 'mutation', 'subscription')),
        PRIMARY KEY (district_id, id)
      );
      CREATE INDEX personal_data_read_record_idx
        ON personal_data_read (district_id, record_kind, record_id, id);
      CREATE INDEX personal_data_read_reader_idx
        ON personal_data_read (district_id, reader_subject, id);
      CREATE INDEX personal_data_read_time_idx ON personal_data_read (district_id, read_at);
      COMMENT ON TABLE personal_data_read IS
        'append-only: reads of unmasked personal data (who, when, which record, which operation)';

      ALTER TABLE personal_data_read ENABLE ROW LEVEL SECURITY;
      ALTER TABLE personal_data_read FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON personal_data_read
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT ON personal_data_read TO civic_grid_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE personal_data_read`);
  }
}
