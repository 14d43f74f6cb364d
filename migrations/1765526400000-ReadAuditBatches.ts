import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The read audit keeps one row per batch of records instead of one per record: the records of one
 * kind an operation served with the same fields, as an array. A district admin walking the tree
 * reads some 4,000 phones in one request; 4,000 rows cost about 120 ms to insert (each row its
 * checks, its foreign-key trigger and four index entries), an array of 4,000 about 9 ms with its
 * GIN index. The API still lists one entry per record (read.service.ts unnests the arrays), and
 * "who read this record" is answered by the GIN index (`record_ids @> ARRAY[id]`).
 *
 * Existing rows become batches of one, keeping their ids. Down expands the batches again; the
 * first record of a batch keeps its id, the others get new ones.
 */
export class ReadAuditBatches1765526400000 implements MigrationInterface {
  name = "ReadAuditBatches1765526400000";

  async up(q: QueryRunner): Promise<void> {
    // The owner is subject to the forced row-level security: the UPDATE acts as every district.
    await q.query(`
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      ALTER TABLE personal_data_read ADD COLUMN record_ids uuid[];
      UPDATE personal_data_read SET record_ids = ARRAY[record_id];
      ALTER TABLE personal_data_read
        ALTER COLUMN record_ids SET NOT NULL,
        ADD CONSTRAINT personal_data_read_record_ids_check
          CHECK (cardinality(record_ids) >= 1 AND array_position(record_ids, NULL) IS NULL);
      DROP INDEX personal_data_read_record_idx;
      ALTER TABLE personal_data_read DROP COLUMN record_id;
      CREATE INDEX personal_data_read_records_idx ON personal_data_read USING gin (record_ids);
      CREATE INDEX personal_data_read_kind_idx ON personal_data_read (district_id, record_kind, id);
      COMMENT ON TABLE personal_data_read IS
        'append-only: reads of unmasked personal data (who, when, which records of one kind with the same fields, which operation)';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      ALTER TABLE personal_data_read ADD COLUMN record_id uuid;
      INSERT INTO personal_data_read (district_id, id, reader_subject, reader_role, read_at,
                                      record_kind, record_ids, record_id, fields, operation_name,
                                      operation_type)
      SELECT r.district_id, gen_random_uuid(), r.reader_subject, r.reader_role, r.read_at,
             r.record_kind, ARRAY[x.record_id], x.record_id, r.fields, r.operation_name,
             r.operation_type
        FROM personal_data_read r, unnest(r.record_ids) WITH ORDINALITY AS x(record_id, n)
       WHERE x.n > 1;
      UPDATE personal_data_read SET record_id = record_ids[1] WHERE record_id IS NULL;
      DROP INDEX personal_data_read_kind_idx;
      DROP INDEX personal_data_read_records_idx;
      ALTER TABLE personal_data_read DROP COLUMN record_ids, ALTER COLUMN record_id SET NOT NULL;
      CREATE INDEX personal_data_read_record_idx
        ON personal_data_read (district_id, record_kind, record_id, id);
      COMMENT ON TABLE personal_data_read IS
        'append-only: reads of unmasked personal data (who, when, which record, which operation)';
    `);
  }
}
