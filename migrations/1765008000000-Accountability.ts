import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Accountability (追责问责), issue 13: the district's discipline commission and the supervision
 * office (督查室) of the district party committee and government inspect case handling and hold to
 * account handling that is irregular, weak, unsatisfying to the public, inaction or misconduct.
 *
 * The supervision office becomes a role beside the inspector. Each accountability record names
 * the case (and the supervision it came from, if any), the unit held to account and the person as
 * named, which of the five failings, the outcome and the sanction, and when it was decided.
 *
 * The unit is one of several tables (the district, a street office, a community, a grid, a
 * department), so it has no foreign key: the server checks that it exists in the district at
 * that level. Like the read audit, the server's role may INSERT and SELECT but not UPDATE or
 * DELETE: a decision once recorded stays as recorded; a correction is a new record.
 */
export class Accountability1765008000000 implements MigrationInterface {
  name = "Accountability1765008000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff_account DROP CONSTRAINT staff_account_role_check;
      ALTER TABLE staff_account ADD CONSTRAINT staff_account_role_check CHECK (role IN ('resident',
        'operator', 'grid_worker', 'grid_chief', 'street_officer', 'community_worker',
        'command_center', 'department', 'inspector', 'supervision_office', 'district_admin'));

      CREATE TABLE accountability_record (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        supervision_id uuid,
        unit_level text NOT NULL
          CHECK (unit_level IN ('district', 'street_office', 'community', 'grid', 'department')),
        unit_id uuid NOT NULL,
        person text CHECK (length(person) BETWEEN 1 AND 200),
        failing text NOT NULL CHECK (failing IN ('irregular_handling', 'weak_resolution',
          'low_satisfaction', 'inaction', 'misconduct')),
        outcome text NOT NULL CHECK (length(outcome) BETWEEN 1 AND 2000),
        sanction text NOT NULL CHECK (sanction IN ('none', 'criticism', 'admonition',
          'circulated_criticism', 'disciplinary')),
        decided_on date NOT NULL,
        recorded_by text NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 200),
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (district_id, id),
        CONSTRAINT accountability_record_district_unit_check
          CHECK (unit_level <> 'district' OR unit_id = district_id),
        CONSTRAINT accountability_record_case_fk FOREIGN KEY (district_id, case_id)
          REFERENCES hotline_case (district_id, id),
        CONSTRAINT accountability_record_supervision_fk FOREIGN KEY (district_id, supervision_id)
          REFERENCES supervision (district_id, id)
      );
      CREATE INDEX accountability_record_case_idx
        ON accountability_record (district_id, case_id, id);
      CREATE INDEX accountability_record_unit_idx
        ON accountability_record (district_id, unit_id, id);
      CREATE INDEX accountability_record_decided_idx
        ON accountability_record (district_id, decided_on);
      COMMENT ON TABLE accountability_record IS
        'append-only: accountability (追责问责) for the handling of a case: unit, failing, outcome, sanction';

      ALTER TABLE accountability_record ENABLE ROW LEVEL SECURITY;
      ALTER TABLE accountability_record FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON accountability_record
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT ON accountability_record TO civic_grid_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The accounts go with the role; the supervisions they opened stay, with their events.
    // The owner is subject to the forced row-level security: the DELETE acts as every district.
    await q.query(`
      DROP TABLE accountability_record;
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      DELETE FROM staff_account WHERE role = 'supervision_office';
      ALTER TABLE staff_account DROP CONSTRAINT staff_account_role_check;
      ALTER TABLE staff_account ADD CONSTRAINT staff_account_role_check CHECK (role IN ('resident',
        'operator', 'grid_worker', 'grid_chief', 'street_officer', 'community_worker',
        'command_center', 'department', 'inspector', 'district_admin'));
    `);
  }
}
