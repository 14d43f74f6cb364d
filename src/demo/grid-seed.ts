import { type ClientBase } from "pg";
import { generateGridTree } from "./grid-tree/generate";
import { type Column } from "./copy-binary";
import { type BulkMode, bulkModeOf, copyRows } from "./copy-rows";
import { type DistrictInfo, GRID_TREE_TABLES, type GridTree } from "./grid-tree/rows";

/** Each generated column's type, for COPY; the mapped type lists every column. */
type ColumnTypes = { [T in keyof GridTree]: { [C in keyof GridTree[T][number]]: string } };
const COLUMNS: ColumnTypes = {
  street_office: { id: "uuid", code: "text", name: "text" },
  community: { id: "uuid", street_office_id: "uuid", code: "text", name: "text", kind: "text" },
  grid: {
    id: "uuid",
    community_id: "uuid",
    street_office_id: "uuid",
    code: "text",
    name: "text",
    kind: "text",
    latitude: "double precision",
    longitude: "double precision",
    boundary: "jsonb",
    lines_of_work: "text[]",
  },
  compound: {
    id: "uuid",
    grid_id: "uuid",
    code: "text",
    name: "text",
    address: "text",
    year_built: "integer",
    building_count: "integer",
    household_count: "integer",
    is_old: "boolean",
    self_managed: "boolean",
  },
  building: { id: "uuid", compound_id: "uuid", number: "text", floors: "integer" },
  building_unit: { id: "uuid", building_id: "uuid", number: "text" },
  household: {
    id: "uuid",
    grid_id: "uuid",
    compound_id: "uuid",
    unit_id: "uuid",
    villager_group: "text",
    address: "text",
  },
  person: {
    id: "uuid",
    grid_id: "uuid",
    household_id: "uuid",
    name: "text",
    gender: "text",
    birth_year: "integer",
    phone: "text",
    id_number: "text",
    tags: "text[]",
    subject: "text",
  },
  organization: { id: "uuid", grid_id: "uuid", kind: "text", name: "text", address: "text" },
  staff_assignment: {
    id: "uuid",
    person_id: "uuid",
    grid_id: "uuid",
    building_id: "uuid",
    unit_id: "uuid",
    role: "text",
    starts_on: "date",
    ends_on: "date",
  },
  owner_committee: {
    id: "uuid",
    compound_id: "uuid",
    name: "text",
    status: "text",
    election_date: "date",
    term_start: "date",
    term_end: "date",
  },
  committee_member: { id: "uuid", committee_id: "uuid", person_id: "uuid", role: "text" },
  village_designation: {
    id: "uuid",
    community_id: "uuid",
    kind: "text",
    theme: "text",
    featured_industry: "text",
    designated_year: "integer",
  },
  village_project: {
    id: "uuid",
    village_id: "uuid",
    name: "text",
    measure: "text",
    unit: "text",
    target: "numeric",
    achieved: "numeric",
    note: "text",
  },
  toilet_survey: {
    id: "uuid",
    household_id: "uuid",
    surveyed_on: "date",
    toilets: "integer",
    state: "text",
    cause: "text",
    remedy: "text",
  },
  renovation_project: {
    id: "uuid",
    code: "text",
    name: "text",
    kind: "text",
    year: "integer",
    investment: "numeric",
    progress_percent: "integer",
    planned_completion: "date",
    department_id: "uuid",
  },
  renovation_project_compound: { id: "uuid", project_id: "uuid", compound_id: "uuid" },
  bid_section: {
    id: "uuid",
    project_id: "uuid",
    code: "text",
    name: "text",
    contractor: "text",
    winning_amount: "numeric",
    awarded_on: "date",
  },
  renovation_progress: {
    id: "uuid",
    project_id: "uuid",
    percent: "integer",
    note: "text",
    recorded_by: "text",
    recorded_at: "timestamptz",
  },
  consultation: {
    id: "uuid",
    compound_id: "uuid",
    project_id: "uuid",
    title: "text",
    status: "text",
    opened_at: "timestamptz",
    closes_at: "timestamptz",
    opened_by: "text",
  },
  proposal: {
    id: "uuid",
    consultation_id: "uuid",
    question: "text",
    position: "integer",
    title: "text",
    description: "text",
  },
  vote: {
    id: "uuid",
    proposal_id: "uuid",
    household_id: "uuid",
    person_id: "uuid",
    choice: "text",
    cast_at: "timestamptz",
  },
  consultation_comment: {
    id: "uuid",
    consultation_id: "uuid",
    proposal_id: "uuid",
    person_id: "uuid",
    body: "text",
    created_at: "timestamptz",
  },
};

export interface GridDemoStats {
  grids: number;
  persons: number;
  rows: number;
}

/**
 * Loads the demo grid tree of one district (see grid-tree/generate.ts) on the owner's connection,
 * inside the caller's transaction. Sets the tenant context to this district, as the forced
 * row-level security requires. Idempotent: a district that already has a street office is left
 * alone, and null is returned. `opts.tree` is the district's tree when the caller made it already
 * (seed.ts makes them while the database starts).
 */
export async function loadGridDemo(
  client: ClientBase,
  district: DistrictInfo & { id: string },
  opts: { mode?: BulkMode; tree?: GridTree } = {},
): Promise<GridDemoStats | null> {
  await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${district.id}}`]);
  // Two seeds at once (several instances starting): the second waits for the first to commit,
  // then finds its street offices.
  await client.query(
    "SELECT pg_advisory_xact_lock(hashtext('civic-grid:grid-demo'), hashtext($1))",
    [district.id],
  );
  const existing = await client.query(
    "SELECT EXISTS (SELECT 1 FROM street_office WHERE district_id = $1) AS present",
    [district.id],
  );
  if (existing.rows[0].present) return null;

  const tree = opts.tree ?? generateGridTree(district);
  return writeGridTree(client, district, tree, opts.mode ?? (await bulkModeOf(client)));
}

/** Writes a district's tree in the caller's transaction and tenant context (loadGridDemo). */
export async function writeGridTree(
  client: ClientBase,
  district: { id: string },
  tree: GridTree,
  mode: BulkMode,
): Promise<GridDemoStats> {
  const housing = await client.query(
    "SELECT id FROM department WHERE district_id = $1 AND code = 'housing'",
    [district.id],
  );
  const housingId = (housing.rows[0]?.id as string | undefined) ?? null;
  for (const p of tree.renovation_project) p.department_id = housingId;

  let rows = 0;
  for (const table of GRID_TREE_TABLES) {
    const columns = Object.entries(COLUMNS[table] as Record<string, string>) as Column[];
    rows += await copyRows(client, mode, table, district.id, columns, tree[table]);
  }
  return { grids: tree.grid.length, persons: tree.person.length, rows };
}
