import { uuidv7, toGlobalId } from "../common/ids";
import { caseNumber } from "../modules/cases/intake.rules";
import { type CountingClient } from "./stack";

/** Scenario 3: a hotline call taken in by the operator. */
export const CREATE_CASE = `mutation BenchCreateCase($input: CreateCaseInput!) {
  createCase(input: $input) {
    id
    number
    status
  }
}`;

/** What both sides need: a category of the catalogue and some grids to place the calls in. */
export interface IntakeFixture {
  districtCode: string;
  category: { id: string; code: string; lineOfWork: string | null };
  grids: Array<{ id: string; streetOfficeId: string }>;
}

export async function intakeFixture(
  c: CountingClient,
  districtId: string,
  districtCode: string,
): Promise<IntakeFixture> {
  const [category] = await c.query<{ id: string; code: string; lineOfWork: string | null }>(
    `SELECT id, code, line_of_work AS "lineOfWork" FROM case_category
      WHERE district_id = $1 AND active ORDER BY code = 'roads' DESC, code LIMIT 1`,
    [districtId],
  );
  if (!category) throw new Error(`district ${districtCode} has no active case category`);
  const grids = await c.query<{ id: string; streetOfficeId: string }>(
    `SELECT id, street_office_id AS "streetOfficeId" FROM grid
      WHERE district_id = $1 AND retired_at IS NULL ORDER BY code LIMIT 50`,
    [districtId],
  );
  if (grids.length === 0) throw new Error(`district ${districtCode} has no grids`);
  return { districtCode, category, grids };
}

const gridOf = (f: IntakeFixture, i: number) =>
  f.grids[((i % f.grids.length) + f.grids.length) % f.grids.length];

const DESCRIPTION = "小区门口路灯连续三晚不亮，夜间行人看不清路，请尽快维修。";
const NAME = "王建国";
const PHONE = "13800138000";

/** The createCase input of call `i`: a fresh idempotency key each time. */
export function createCaseInput(f: IntakeFixture, key: string, i: number) {
  return {
    channel: "hotline",
    categoryCode: f.category.code,
    description: DESCRIPTION,
    gridId: toGlobalId("Grid", gridOf(f, i).id),
    complainantName: NAME,
    complainantPhone: PHONE,
    idempotencyKey: key,
  };
}

/**
 * The peer: the floor of writing a case, in one transaction as the operator: take the next
 * position of the district's log (the same gapless head row the server uses, so its rows are
 * valid), insert a comparable case row (final number, same columns filled) and its `create`
 * event. No idempotency lock, no catalogue, calendar or location look-ups: the due time is a
 * plain 3 days, and the ids are known in advance.
 */
export async function createCaseBySql(
  c: CountingClient,
  districtId: string,
  subject: string,
  f: IntakeFixture,
  key: string,
  i: number,
): Promise<void> {
  const grid = gridOf(f, i);
  const receivedAt = new Date();
  const [head] = await c.query<{ position: string }>(
    `INSERT INTO case_log_head (district_id, id, position) VALUES ($1, $2, 1)
     ON CONFLICT (district_id) DO UPDATE SET position = case_log_head.position + 1
     RETURNING position::text AS position`,
    [districtId, uuidv7()],
  );
  const id = uuidv7(receivedAt.getTime());
  const number = caseNumber(f.districtCode, receivedAt, head.position);
  await c.query(
    `INSERT INTO hotline_case (district_id, id, number, idempotency_key, channel, category_id,
       line_of_work, description, street_office_id, grid_id, complainant_name, complainant_phone,
       status, stage, received_at, reply_due_at, resolution_due_at, resolution_days, created_by, updated_at)
     VALUES ($1, $2, $3, $4, 'hotline', $5, $6, $7, $8, $9, $10, $11, 'received', 'received',
       $12, $12::timestamptz + interval '2 hours', $12::timestamptz + interval '3 days', 3, $13, $12)`,
    [
      districtId,
      id,
      number,
      key,
      f.category.id,
      f.category.lineOfWork,
      DESCRIPTION,
      grid.streetOfficeId,
      grid.id,
      NAME,
      PHONE,
      receivedAt,
      subject,
    ],
  );
  await c.query(
    `INSERT INTO case_event (district_id, id, position, case_id, action, actor, actor_role,
       from_status, to_status, data, at)
     VALUES ($1, $2, $3, $4, 'create', $5, 'operator', NULL, 'received', $6, $7)`,
    [
      districtId,
      uuidv7(),
      head.position,
      id,
      subject,
      JSON.stringify({ channel: "hotline", category: f.category.code }),
      receivedAt,
    ],
  );
}
