import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Issue 14, part 2: patrol coverage of whole months from a rollup, not from the month's records.
 * A month of a 1,000,000-case district's coverage read and hashed its 20,000 patrol records
 * twice (per grid, and distinct households per grid): 30–50 ms, most of the scoreboards' SQL.
 *
 * - patrol_grid_month: per grid and local calendar month (UTC+8), the records' patrols, visits,
 *   the days with a patrol as a bit string (bit d − 1 for day d of the month), and the count of
 *   distinct households visited;
 * - patrol_visit_month: per grid and month, each household visited there (a row per pair).
 *
 * Both are kept by statement-level triggers on patrol_record, in the statement that changes it
 * (the app, the demo's COPY, the scale loader as a replica: the triggers are ENABLE ALWAYS): the
 * grid-months a statement touched are recounted from their records, so that a rollup row is always
 * what its records say. A lock per district and month makes recounts of one month take turns (two
 * recorders of one grid would otherwise each write a count without the other's record).
 * patrols/patrol.coverage.ts reads whole months here and only the partial months' days from the
 * records; test/api/scale-reads.test.ts holds the two equal.
 */

/** A local month's first instant and the next month's, of a month (date) expression. */
const monthStart = (m: string) => `(${m}::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const monthEnd = (m: string) =>
  `((${m} + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const localMonth = (at: string) => `date_trunc('month', ${at} AT TIME ZONE 'Asia/Shanghai')::date`;

/** The (district, grid, month) keys of a transition table. */
const keysOf = (rows: string) =>
  `SELECT DISTINCT district_id, grid_id, ${localMonth("at")} AS month FROM ${rows}`;

export class PatrolRollups1765699200000 implements MigrationInterface {
  name = "PatrolRollups1765699200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE patrol_grid_month (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        grid_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        patrols integer NOT NULL,
        visits integer NOT NULL,
        days bit(31) NOT NULL,
        households_visited integer NOT NULL,
        PRIMARY KEY (district_id, id),
        CONSTRAINT patrol_grid_month_key UNIQUE (district_id, month, grid_id)
      );
      CREATE TABLE patrol_visit_month (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        grid_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        household_id uuid NOT NULL,
        PRIMARY KEY (district_id, id),
        CONSTRAINT patrol_visit_month_key UNIQUE (district_id, month, grid_id, household_id)
      );
      ALTER TABLE patrol_grid_month ENABLE ROW LEVEL SECURITY;
      ALTER TABLE patrol_grid_month FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON patrol_grid_month
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      ALTER TABLE patrol_visit_month ENABLE ROW LEVEL SECURITY;
      ALTER TABLE patrol_visit_month FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON patrol_visit_month
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT, UPDATE, DELETE ON patrol_grid_month, patrol_visit_month TO civic_grid_app;

      -- Recounts grid-months (parallel arrays of keys) from their records. Runs as the role that
      -- wrote the records, under the same policies: its tenant context allows their districts.
      CREATE FUNCTION app.patrol_months_recount(ds uuid[], gs uuid[], mos date[])
        RETURNS void LANGUAGE plpgsql AS $fn$
      DECLARE
        l record;
      BEGIN
        -- Each later statement takes its snapshot after the locks: it sees the records of any
        -- transaction that recounted the same months before.
        FOR l IN SELECT DISTINCT u.d, u.mo FROM unnest(ds, mos) AS u(d, mo) ORDER BY 1, 2 LOOP
          PERFORM pg_advisory_xact_lock(hashtext('patrol_month'), hashtext(l.d::text || l.mo::text));
        END LOOP;
        DELETE FROM patrol_grid_month m USING unnest(ds, gs, mos) AS k(d, g, mo)
         WHERE m.district_id = k.d AND m.month = k.mo AND m.grid_id = k.g;
        DELETE FROM patrol_visit_month m USING unnest(ds, gs, mos) AS k(d, g, mo)
         WHERE m.district_id = k.d AND m.month = k.mo AND m.grid_id = k.g;
        INSERT INTO patrol_grid_month (district_id, id, grid_id, month, patrols, visits, days,
                                       households_visited)
        SELECT k.d, gen_random_uuid(), k.g, k.mo,
               count(*) FILTER (WHERE r.kind = 'patrol'),
               count(*) FILTER (WHERE r.kind = 'visit'),
               coalesce(bit_or(set_bit(repeat('0', 31)::bit(31),
                                       extract(day FROM r.at AT TIME ZONE 'Asia/Shanghai')::int - 1, 1))
                          FILTER (WHERE r.kind = 'patrol'),
                        repeat('0', 31)::bit(31)),
               count(DISTINCT r.household_id)
          FROM unnest(ds, gs, mos) AS k(d, g, mo)
          JOIN patrol_record r ON r.district_id = k.d AND r.grid_id = k.g
           AND r.at >= ${monthStart("k.mo")} AND r.at < ${monthEnd("k.mo")}
         GROUP BY k.d, k.g, k.mo;
        INSERT INTO patrol_visit_month (district_id, id, grid_id, month, household_id)
        SELECT k.d, gen_random_uuid(), k.g, k.mo, r.household_id
          FROM unnest(ds, gs, mos) AS k(d, g, mo)
          JOIN patrol_record r ON r.district_id = k.d AND r.grid_id = k.g
           AND r.at >= ${monthStart("k.mo")} AND r.at < ${monthEnd("k.mo")}
         WHERE r.household_id IS NOT NULL
         GROUP BY k.d, k.g, k.mo, r.household_id;
      END $fn$;

      CREATE FUNCTION app.patrol_record_to_months() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        d uuid[];
        g uuid[];
        mo date[];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          TRUNCATE patrol_grid_month, patrol_visit_month;
          RETURN NULL;
        END IF;
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(k.district_id), array_agg(k.grid_id), array_agg(k.month) INTO d, g, mo
            FROM (${keysOf("new_rows")}) k;
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT array_agg(k.district_id), array_agg(k.grid_id), array_agg(k.month) INTO d, g, mo
            FROM (${keysOf("new_rows")} UNION ${keysOf("old_rows")}) k;
        ELSE
          SELECT array_agg(k.district_id), array_agg(k.grid_id), array_agg(k.month) INTO d, g, mo
            FROM (${keysOf("old_rows")}) k;
        END IF;
        IF d IS NOT NULL THEN
          PERFORM app.patrol_months_recount(d, g, mo);
        END IF;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER patrol_record_months_insert AFTER INSERT ON patrol_record
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.patrol_record_to_months();
      CREATE TRIGGER patrol_record_months_update AFTER UPDATE ON patrol_record
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.patrol_record_to_months();
      CREATE TRIGGER patrol_record_months_delete AFTER DELETE ON patrol_record
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.patrol_record_to_months();
      CREATE TRIGGER patrol_record_months_truncate AFTER TRUNCATE ON patrol_record
        FOR EACH STATEMENT EXECUTE FUNCTION app.patrol_record_to_months();
      -- Also where a bulk load runs as a replica to skip the foreign keys (src/demo/lane.ts, the
      -- scale loader).
      ALTER TABLE patrol_record ENABLE ALWAYS TRIGGER patrol_record_months_insert;
      ALTER TABLE patrol_record ENABLE ALWAYS TRIGGER patrol_record_months_update;
      ALTER TABLE patrol_record ENABLE ALWAYS TRIGGER patrol_record_months_delete;
      ALTER TABLE patrol_record ENABLE ALWAYS TRIGGER patrol_record_months_truncate;

      -- The owner is subject to the forced row-level security: the backfill acts as every district.
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      SELECT app.patrol_months_recount(array_agg(k.district_id), array_agg(k.grid_id), array_agg(k.month))
        FROM (${keysOf("patrol_record")}) k;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER patrol_record_months_truncate ON patrol_record;
      DROP TRIGGER patrol_record_months_delete ON patrol_record;
      DROP TRIGGER patrol_record_months_update ON patrol_record;
      DROP TRIGGER patrol_record_months_insert ON patrol_record;
      DROP FUNCTION app.patrol_record_to_months();
      DROP FUNCTION app.patrol_months_recount(uuid[], uuid[], date[]);
      DROP TABLE patrol_visit_month;
      DROP TABLE patrol_grid_month;
    `);
  }
}
