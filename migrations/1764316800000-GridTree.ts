import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The district's administrative tree and what lives in it: street offices, communities and
 * administrative villages, grids, compounds, buildings, units, households, people, organizations,
 * staff assignments, owner committees, beautiful villages with their projects, the rural toilet
 * survey, and the renovation of old compounds with the residents' consultations.
 *
 * Every table is a tenant table with the foundation's pattern: district_id NOT NULL, primary key
 * (district_id, id), foreign keys and unique constraints led by district_id, forced RLS.
 */
export class GridTree1764316800000 implements MigrationInterface {
  name = "GridTree1764316800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE street_office (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT street_office_code_key UNIQUE (district_id, code)
      );

      -- Communities (社区, urban) and administrative villages (行政村, rural) share one table.
      CREATE TABLE community (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        street_office_id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('community', 'village')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT community_code_key UNIQUE (district_id, code),
        CONSTRAINT community_id_street_key UNIQUE (district_id, id, street_office_id),
        CONSTRAINT community_street_office_fk FOREIGN KEY (district_id, street_office_id)
          REFERENCES street_office (district_id, id)
      );
      CREATE INDEX community_street_office_idx ON community (district_id, street_office_id, code);

      CREATE TABLE grid (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        community_id uuid NOT NULL,
        -- Denormalised from the community (kept equal by the composite foreign key below), so that
        -- a street office's grids and the street officer's scope need no join.
        street_office_id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('urban', 'rural')),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        boundary jsonb CHECK (boundary IS NULL OR boundary->>'type' IN ('Polygon', 'MultiPolygon')),
        lines_of_work text[] NOT NULL DEFAULT '{}' CHECK (lines_of_work <@ ARRAY['party_building',
          'comprehensive_governance', 'epidemic_control', 'rule_of_law', 'fire_safety',
          'emergency_management']::text[]),
        retired_at timestamptz,
        retired_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT grid_code_key UNIQUE (district_id, code),
        CONSTRAINT grid_community_fk FOREIGN KEY (district_id, community_id, street_office_id)
          REFERENCES community (district_id, id, street_office_id) ON UPDATE CASCADE
      );
      CREATE INDEX grid_community_idx ON grid (district_id, community_id, code);
      CREATE INDEX grid_street_office_idx ON grid (district_id, street_office_id, code);
      CREATE INDEX grid_lines_of_work_idx ON grid USING gin (lines_of_work);

      -- Residential compounds (小区).
      CREATE TABLE compound (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        grid_id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        address text,
        year_built integer CHECK (year_built BETWEEN 1900 AND 2100),
        building_count integer NOT NULL DEFAULT 0 CHECK (building_count >= 0),
        household_count integer NOT NULL DEFAULT 0 CHECK (household_count >= 0),
        is_old boolean NOT NULL DEFAULT false,
        self_managed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT compound_code_key UNIQUE (district_id, code),
        CONSTRAINT compound_grid_fk FOREIGN KEY (district_id, grid_id) REFERENCES grid (district_id, id)
      );
      CREATE INDEX compound_grid_idx ON compound (district_id, grid_id, code);

      CREATE TABLE building (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        compound_id uuid NOT NULL,
        number text NOT NULL CHECK (length(number) BETWEEN 1 AND 20),
        floors integer CHECK (floors BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT building_number_key UNIQUE (district_id, compound_id, number),
        CONSTRAINT building_compound_fk FOREIGN KEY (district_id, compound_id)
          REFERENCES compound (district_id, id)
      );

      -- A unit (单元): one stairwell of a building.
      CREATE TABLE building_unit (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        building_id uuid NOT NULL,
        number text NOT NULL CHECK (length(number) BETWEEN 1 AND 20),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT building_unit_number_key UNIQUE (district_id, building_id, number),
        CONSTRAINT building_unit_building_fk FOREIGN KEY (district_id, building_id)
          REFERENCES building (district_id, id)
      );

      -- A household (户): a flat in a unit, or a rural household in a villager group.
      CREATE TABLE household (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        grid_id uuid NOT NULL,
        compound_id uuid,
        unit_id uuid,
        villager_group text,
        address text NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT household_grid_fk FOREIGN KEY (district_id, grid_id) REFERENCES grid (district_id, id),
        CONSTRAINT household_compound_fk FOREIGN KEY (district_id, compound_id)
          REFERENCES compound (district_id, id),
        CONSTRAINT household_unit_fk FOREIGN KEY (district_id, unit_id)
          REFERENCES building_unit (district_id, id)
      );
      CREATE INDEX household_grid_idx ON household (district_id, grid_id);
      CREATE INDEX household_compound_idx ON household (district_id, compound_id);
      CREATE INDEX household_unit_idx ON household (district_id, unit_id);

      CREATE TABLE person (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        grid_id uuid NOT NULL,
        household_id uuid,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        gender text CHECK (gender IN ('female', 'male')),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
        -- Personal data: shown masked unless the caller's role needs it for this person.
        phone text CHECK (phone ~ '^[0-9+-]{5,20}$'),
        id_number text CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
        tags text[] NOT NULL DEFAULT '{}' CHECK (tags <@ ARRAY['party_member', 'volunteer',
          'peoples_congress_deputy', 'cppcc_member', 'villager_representative']::text[]),
        -- The token subject of this person's resident account, if any.
        subject text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT person_subject_key UNIQUE (district_id, subject),
        CONSTRAINT person_id_number_key UNIQUE (district_id, id_number),
        CONSTRAINT person_grid_fk FOREIGN KEY (district_id, grid_id) REFERENCES grid (district_id, id),
        CONSTRAINT person_household_fk FOREIGN KEY (district_id, household_id)
          REFERENCES household (district_id, id)
      );
      CREATE INDEX person_grid_idx ON person (district_id, grid_id, name);
      CREATE INDEX person_household_idx ON person (district_id, household_id);
      CREATE INDEX person_tags_idx ON person USING gin (tags);

      CREATE TABLE organization (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        grid_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('enterprise', 'social_organization', 'school', 'clinic',
          'market', 'commercial_building', 'shop', 'government_agency')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT organization_grid_fk FOREIGN KEY (district_id, grid_id)
          REFERENCES grid (district_id, id)
      );
      CREATE INDEX organization_grid_idx ON organization (district_id, grid_id, name);

      -- Who is responsible for what, and when: a grid post, or a building or unit post in a grid.
      CREATE TABLE staff_assignment (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        person_id uuid NOT NULL,
        grid_id uuid NOT NULL,
        building_id uuid,
        unit_id uuid,
        role text NOT NULL CHECK (role IN ('grid_chief', 'grid_worker', 'building_head', 'unit_head',
          'villager_group_leader', 'villager_representative')),
        starts_on date NOT NULL,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CHECK (role <> 'building_head' OR building_id IS NOT NULL),
        CHECK (role <> 'unit_head' OR unit_id IS NOT NULL),
        CONSTRAINT staff_assignment_person_fk FOREIGN KEY (district_id, person_id)
          REFERENCES person (district_id, id),
        CONSTRAINT staff_assignment_grid_fk FOREIGN KEY (district_id, grid_id)
          REFERENCES grid (district_id, id),
        CONSTRAINT staff_assignment_building_fk FOREIGN KEY (district_id, building_id)
          REFERENCES building (district_id, id),
        CONSTRAINT staff_assignment_unit_fk FOREIGN KEY (district_id, unit_id)
          REFERENCES building_unit (district_id, id)
      );
      CREATE INDEX staff_assignment_grid_idx ON staff_assignment (district_id, grid_id, role);
      CREATE INDEX staff_assignment_person_idx ON staff_assignment (district_id, person_id);
      -- One person holds a given post once at a time.
      CREATE UNIQUE INDEX staff_assignment_current_key ON staff_assignment
        (district_id, person_id, grid_id, role, coalesce(building_id, person_id),
         coalesce(unit_id, person_id)) WHERE ends_on IS NULL;
      -- A grid has one grid chief at a time.
      CREATE UNIQUE INDEX staff_assignment_one_chief_key ON staff_assignment (district_id, grid_id)
        WHERE role = 'grid_chief' AND ends_on IS NULL;

      CREATE TABLE owner_committee (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        compound_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        status text NOT NULL CHECK (status IN ('preparing', 'active', 'expired')),
        election_date date,
        term_start date,
        term_end date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CHECK (term_end IS NULL OR term_start IS NULL OR term_end > term_start),
        CONSTRAINT owner_committee_compound_key UNIQUE (district_id, compound_id),
        CONSTRAINT owner_committee_compound_fk FOREIGN KEY (district_id, compound_id)
          REFERENCES compound (district_id, id)
      );

      CREATE TABLE committee_member (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        committee_id uuid NOT NULL,
        person_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT committee_member_person_key UNIQUE (district_id, committee_id, person_id),
        CONSTRAINT committee_member_committee_fk FOREIGN KEY (district_id, committee_id)
          REFERENCES owner_committee (district_id, id) ON DELETE CASCADE,
        CONSTRAINT committee_member_person_fk FOREIGN KEY (district_id, person_id)
          REFERENCES person (district_id, id)
      );
      CREATE UNIQUE INDEX committee_member_chair_key ON committee_member (district_id, committee_id)
        WHERE role = 'chair';

      -- Beautiful villages: an administrative village designated demonstration or livable.
      CREATE TABLE village_designation (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        community_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('demonstration', 'livable')),
        theme text,
        featured_industry text,
        designated_year integer CHECK (designated_year BETWEEN 2000 AND 2100),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT village_designation_community_key UNIQUE (district_id, community_id),
        CONSTRAINT village_designation_community_fk FOREIGN KEY (district_id, community_id)
          REFERENCES community (district_id, id)
      );

      CREATE TABLE village_project (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        village_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        measure text NOT NULL CHECK (length(measure) BETWEEN 1 AND 100),
        unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
        target numeric(14, 2) NOT NULL CHECK (target >= 0),
        achieved numeric(14, 2) NOT NULL DEFAULT 0 CHECK (achieved >= 0),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT village_project_village_fk FOREIGN KEY (district_id, village_id)
          REFERENCES village_designation (district_id, id)
      );

      CREATE INDEX village_project_village_idx ON village_project (district_id, village_id);

      -- The rural toilet survey: one record per surveyed household.
      CREATE TABLE toilet_survey (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        household_id uuid NOT NULL,
        surveyed_on date NOT NULL,
        toilets integer NOT NULL CHECK (toilets BETWEEN 0 AND 20),
        state text NOT NULL CHECK (state IN ('usable', 'unusable', 'hard_to_use')),
        cause text,
        remedy text CHECK (remedy IN ('repaired', 'restored')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT toilet_survey_household_key UNIQUE (district_id, household_id),
        CONSTRAINT toilet_survey_household_fk FOREIGN KEY (district_id, household_id)
          REFERENCES household (district_id, id)
      );

      CREATE TABLE renovation_project (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('building_body', 'infrastructure', 'gas_pipeline')),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        investment numeric(14, 2) NOT NULL CHECK (investment >= 0),
        progress_percent integer NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
        planned_completion date,
        department_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT renovation_project_code_key UNIQUE (district_id, code),
        CONSTRAINT renovation_project_department_fk FOREIGN KEY (district_id, department_id)
          REFERENCES department (district_id, id)
      );

      CREATE TABLE renovation_project_compound (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        compound_id uuid NOT NULL,
        PRIMARY KEY (district_id, id),
        CONSTRAINT rpc_project_compound_key UNIQUE (district_id, project_id, compound_id),
        CONSTRAINT rpc_project_fk FOREIGN KEY (district_id, project_id)
          REFERENCES renovation_project (district_id, id),
        CONSTRAINT rpc_compound_fk FOREIGN KEY (district_id, compound_id)
          REFERENCES compound (district_id, id)
      );
      CREATE INDEX rpc_compound_idx ON renovation_project_compound (district_id, compound_id);

      CREATE TABLE bid_section (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        code text NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        contractor text,
        winning_amount numeric(14, 2) CHECK (winning_amount >= 0),
        awarded_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT bid_section_code_key UNIQUE (district_id, project_id, code),
        CONSTRAINT bid_section_project_fk FOREIGN KEY (district_id, project_id)
          REFERENCES renovation_project (district_id, id)
      );

      CREATE INDEX bid_section_project_idx ON bid_section (district_id, project_id);

      CREATE TABLE renovation_progress (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
        note text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT renovation_progress_project_fk FOREIGN KEY (district_id, project_id)
          REFERENCES renovation_project (district_id, id)
      );
      CREATE INDEX renovation_progress_project_idx
        ON renovation_progress (district_id, project_id, recorded_at);

      -- The residents' consultation on renovating one compound (改不改, 改什么, 怎么改).
      CREATE TABLE consultation (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        compound_id uuid NOT NULL,
        project_id uuid,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closes_at timestamptz NOT NULL,
        opened_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CHECK (closes_at > opened_at),
        CONSTRAINT consultation_compound_fk FOREIGN KEY (district_id, compound_id)
          REFERENCES compound (district_id, id),
        CONSTRAINT consultation_project_fk FOREIGN KEY (district_id, project_id)
          REFERENCES renovation_project (district_id, id)
      );
      CREATE INDEX consultation_compound_idx ON consultation (district_id, compound_id);
      -- A compound has at most one open consultation.
      CREATE UNIQUE INDEX consultation_one_open_key ON consultation (district_id, compound_id)
        WHERE status = 'open';

      CREATE TABLE proposal (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        consultation_id uuid NOT NULL,
        question text NOT NULL CHECK (question IN ('whether', 'what', 'how')),
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT proposal_position_key UNIQUE (district_id, consultation_id, position),
        CONSTRAINT proposal_consultation_fk FOREIGN KEY (district_id, consultation_id)
          REFERENCES consultation (district_id, id)
      );

      -- One vote per household and proposal: the unique key is the rule, not application code.
      CREATE TABLE vote (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        proposal_id uuid NOT NULL,
        household_id uuid NOT NULL,
        person_id uuid NOT NULL,
        choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
        cast_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT vote_household_key UNIQUE (district_id, proposal_id, household_id),
        CONSTRAINT vote_proposal_fk FOREIGN KEY (district_id, proposal_id)
          REFERENCES proposal (district_id, id),
        CONSTRAINT vote_household_fk FOREIGN KEY (district_id, household_id)
          REFERENCES household (district_id, id),
        CONSTRAINT vote_person_fk FOREIGN KEY (district_id, person_id)
          REFERENCES person (district_id, id)
      );

      CREATE TABLE consultation_comment (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        consultation_id uuid NOT NULL,
        proposal_id uuid,
        person_id uuid NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT comment_consultation_fk FOREIGN KEY (district_id, consultation_id)
          REFERENCES consultation (district_id, id),
        CONSTRAINT comment_proposal_fk FOREIGN KEY (district_id, proposal_id)
          REFERENCES proposal (district_id, id),
        CONSTRAINT comment_person_fk FOREIGN KEY (district_id, person_id)
          REFERENCES person (district_id, id)
      );
      -- Comments are paged by (consultation, id); uuidv7 ids follow time.
      CREATE INDEX consultation_comment_idx ON consultation_comment (district_id, consultation_id, id);
    `);
    for (const table of TABLES) await q.query(tenantTable(table));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}

const TABLES = [
  "street_office",
  "community",
  "grid",
  "compound",
  "building",
  "building_unit",
  "household",
  "person",
  "organization",
  "staff_assignment",
  "owner_committee",
  "committee_member",
  "village_designation",
  "village_project",
  "toilet_survey",
  "renovation_project",
  "renovation_project_compound",
  "bid_section",
  "renovation_progress",
  "consultation",
  "proposal",
  "vote",
  "consultation_comment",
];

/** Row-level security and grants for one tenant table (a copy: landed migrations never change). */
function tenantTable(table: string): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON ${table}
      USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
      WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
    GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO civic_grid_app;
  `;
}
