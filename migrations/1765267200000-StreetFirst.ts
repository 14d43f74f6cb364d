import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Who handles first, and the street's joint committee (issue 13). The report: what grid staff find
 * and what residents ask "由街道首办" — the street office handles it first, drawing on its 大工委
 * (the joint committee of the agencies, companies and institutions in its area), and what it cannot
 * settle goes to the command center.
 * - case_setting.handling_rule: street_first (the report's, the default) or grid_may_resolve.
 * - joint_committee_unit: a street office's committee units; made inactive when they leave.
 * - case_unit_engagement: a unit the street pulled into a case, what it was asked and did.
 */
export class StreetFirst1765267200000 implements MigrationInterface {
  name = "StreetFirst1765267200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_setting ADD COLUMN handling_rule text NOT NULL DEFAULT 'street_first'
        CHECK (handling_rule IN ('street_first', 'grid_may_resolve'));

      CREATE TABLE joint_committee_unit (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        street_office_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('government_agency', 'enterprise', 'school', 'hospital',
          'property_management', 'police_station', 'social_organization', 'other')),
        contact_name text CHECK (length(contact_name) BETWEEN 1 AND 50),
        contact_phone text CHECK (length(contact_phone) BETWEEN 5 AND 20),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT joint_committee_unit_street_fk FOREIGN KEY (district_id, street_office_id)
          REFERENCES street_office (district_id, id)
      );
      CREATE INDEX joint_committee_unit_street_idx
        ON joint_committee_unit (district_id, street_office_id, name);

      CREATE TABLE case_unit_engagement (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        unit_name text NOT NULL,
        ask text NOT NULL CHECK (length(ask) BETWEEN 1 AND 4000),
        engaged_by text NOT NULL,
        engaged_at timestamptz NOT NULL,
        result text CHECK (length(result) BETWEEN 1 AND 4000),
        result_at timestamptz,
        PRIMARY KEY (district_id, id),
        CONSTRAINT case_unit_engagement_result_pair_check CHECK ((result IS NULL) = (result_at IS NULL)),
        CONSTRAINT case_unit_engagement_case_fk FOREIGN KEY (district_id, case_id)
          REFERENCES hotline_case (district_id, id),
        CONSTRAINT case_unit_engagement_unit_fk FOREIGN KEY (district_id, unit_id)
          REFERENCES joint_committee_unit (district_id, id)
      );
      CREATE INDEX case_unit_engagement_case_idx ON case_unit_engagement (district_id, case_id, id);
      -- One open part per unit and case: a unit is pulled in again only once it has reported.
      CREATE UNIQUE INDEX case_unit_engagement_open_idx
        ON case_unit_engagement (district_id, case_id, unit_id) WHERE result IS NULL;
    `);
    for (const table of ["joint_committee_unit", "case_unit_engagement"])
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
          WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
        GRANT SELECT, INSERT, UPDATE ON ${table} TO civic_grid_app;
      `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE case_unit_engagement;
      DROP TABLE joint_committee_unit;
      ALTER TABLE case_setting DROP COLUMN handling_rule;
    `);
  }
}
