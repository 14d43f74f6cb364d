import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Grid patrols and household visits (每日巡查走访), and rewards and penalties (奖惩), issue 13: grid
 * workers patrol their grids and visit households daily, and grid work is scored with rewards and
 * penalties as well as with the cases.
 *
 * A patrol record is a patrol of a grid (optionally at a compound or building of it, or at a place
 * named in words) or a visit to one household of the grid, at an instant, with what was seen and
 * optionally the case it raised (of the same grid). Whoever records the same grid, kind and
 * instant twice records one thing: a unique key makes a retry find its first record.
 *
 * A reward or penalty is an entry by the district admin for a unit (grid, community, street
 * office, department) with signed points and a reason, on a day. The unit is one of several
 * tables, so it has no foreign key: the server checks it exists in the district at that level.
 *
 * Both are logs: the server's role may INSERT and SELECT but not UPDATE or DELETE; a correction
 * is a new entry (a penalty offsetting a reward given by mistake, say).
 */
export class PatrolLog1765094400000 implements MigrationInterface {
  name = "PatrolLog1765094400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE patrol_record (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        grid_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('patrol', 'visit')),
        at timestamptz NOT NULL,
        household_id uuid,
        compound_id uuid,
        building_id uuid,
        place text CHECK (length(place) BETWEEN 1 AND 200),
        observation text NOT NULL CHECK (length(observation) BETWEEN 1 AND 2000),
        case_id uuid,
        recorded_by text NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 200),
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (district_id, id),
        -- A visit is to one household, and is nowhere else; a patrol visits no household.
        CONSTRAINT patrol_record_visit_check CHECK ((kind = 'visit') = (household_id IS NOT NULL)),
        CONSTRAINT patrol_record_visit_place_check
          CHECK (kind = 'patrol' OR (place IS NULL AND building_id IS NULL)),
        -- One worker's record of a grid, kind and instant is one record. Led by the grid and the
        -- instant, it is also the index that reads a period of a grid's records.
        CONSTRAINT patrol_record_once UNIQUE (district_id, grid_id, at, kind, recorded_by),
        CONSTRAINT patrol_record_grid_fk FOREIGN KEY (district_id, grid_id)
          REFERENCES grid (district_id, id),
        CONSTRAINT patrol_record_household_fk FOREIGN KEY (district_id, household_id)
          REFERENCES household (district_id, id),
        CONSTRAINT patrol_record_compound_fk FOREIGN KEY (district_id, compound_id)
          REFERENCES compound (district_id, id),
        CONSTRAINT patrol_record_building_fk FOREIGN KEY (district_id, building_id)
          REFERENCES building (district_id, id),
        CONSTRAINT patrol_record_case_fk FOREIGN KEY (district_id, case_id)
          REFERENCES hotline_case (district_id, id)
      );
      -- Coverage and lists read a period of the whole district's records too.
      CREATE INDEX patrol_record_at_idx ON patrol_record (district_id, at);
      COMMENT ON TABLE patrol_record IS
        'append-only: grid patrols and household visits (每日巡查走访): where, when, what was seen, the case raised';

      CREATE TABLE reward_penalty (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        unit_level text NOT NULL
          CHECK (unit_level IN ('grid', 'community', 'street_office', 'department')),
        unit_id uuid NOT NULL,
        points integer NOT NULL CHECK (points BETWEEN -100 AND 100 AND points <> 0),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        awarded_on date NOT NULL,
        recorded_by text NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 200),
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (district_id, id)
      );
      CREATE INDEX reward_penalty_unit_idx ON reward_penalty (district_id, unit_id, awarded_on);
      CREATE INDEX reward_penalty_day_idx ON reward_penalty (district_id, awarded_on);
      COMMENT ON TABLE reward_penalty IS
        'append-only: rewards (+) and penalties (-) of grid work (奖惩), by the district admin, with a reason';

      ALTER TABLE patrol_record ENABLE ROW LEVEL SECURITY;
      ALTER TABLE patrol_record FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON patrol_record
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT ON patrol_record TO civic_grid_app;

      ALTER TABLE reward_penalty ENABLE ROW LEVEL SECURITY;
      ALTER TABLE reward_penalty FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON reward_penalty
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT ON reward_penalty TO civic_grid_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE reward_penalty;
      DROP TABLE patrol_record;
    `);
  }
}
