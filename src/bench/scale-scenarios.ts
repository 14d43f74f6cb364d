import { toGlobalId } from "../common/ids";
import { localDay } from "../modules/cases/calendar.rules";
import { inTenant, type Stack } from "./stack";
import { CASE_PAGE_SELECTION } from "./case-list";

/**
 * What `npm run bench -- --cases N` measures on the district brought to N cases: the reads whose
 * cost grows with the cases, each a GraphQL request over real HTTP as the role that makes it.
 */

export type ScaleRole = "district_admin" | "command_center" | "city_admin";

export interface ScaleScenario {
  name: string;
  description: string;
  role: ScaleRole;
  query: string;
  variables: Record<string, unknown>;
}

const ROW = `rank
      score
      points
      accountability
      measures {
        unitId
        name
        received
        resolved
        resolvedOnTime
        breaches
        supervisions
        returns
        overdueNow
        responseRate
        onTimeCompletionRate
        satisfactionRate
        effectiveCallbackRate
      }
      patrol {
        patrols
        patrolDays
        visits
        householdsVisited
        households
        householdCoverage
        patrolDayShare
      }`;

const SCOREBOARD = `query ScaleScoreboard($level: UnitLevel!, $from: String!, $to: String!) {
  scoreboard(level: $level, from: $from, to: $to) {
    formulaVersion
    rows {
      ${ROW}
    }
  }
}`;

const CITY_SCOREBOARD = `query ScaleCityScoreboard($from: String!, $to: String!) {
  cityScoreboard(from: $from, to: $to) {
    formulaVersion
    rows {
      ${ROW}
    }
  }
}`;

/** The command center's list, as the case-list scenario asks it, with every filter a variable. */
const CASES = `query ScaleCases(
  $first: Int
  $status: [CaseStatus!]
  $category: String
  $channel: CaseChannel
  $streetOfficeId: ID
  $gridId: ID
  $overdue: Boolean
  $receivedFrom: DateTimeISO
  $receivedTo: DateTimeISO
) {
  cases(
    first: $first
    status: $status
    category: $category
    channel: $channel
    streetOfficeId: $streetOfficeId
    gridId: $gridId
    overdue: $overdue
    receivedFrom: $receivedFrom
    receivedTo: $receivedTo
  ) {
    ${CASE_PAGE_SELECTION}
  }
}`;

const MEASURE_CASES = `query ScaleMeasureCases(
  $level: UnitLevel!
  $unitId: ID!
  $measure: MeasureName!
  $from: String!
  $to: String!
) {
  measureCases(level: $level, unitId: $unitId, measure: $measure, from: $from, to: $to) {
    total
    cases {
      id
      number
      status
      receivedAt
    }
  }
}`;

/** Where the scenarios look: a month inside the copied year, the busiest units of it. */
export interface ScaleFixture {
  from: string;
  to: string;
  /** A week of the month, as instants, for the list's date range. */
  weekFrom: string;
  weekTo: string;
  gridId: string;
  streetOfficeId: string;
  cases: number;
}

const DAY_MS = 86_400_000;

/**
 * The calendar month that holds the day 100 days back (well inside a million cases' year, with
 * patrols; with fewer cases, the day 15 days after the oldest), and its busiest grid and street
 * office.
 */
export async function scaleFixture(
  stack: Stack,
  tenant: { districtId: string; subject: string; role: string },
  now = new Date(),
): Promise<ScaleFixture> {
  const { result: oldest } = await inTenant(stack.peer, tenant, async (c) => {
    const [r] = await c.query<{ at: Date }>(
      "SELECT min(received_at) AS at FROM hotline_case WHERE district_id = $1",
      [tenant.districtId],
    );
    return r.at ?? now;
  });
  const at = Math.max(oldest.getTime() + 15 * DAY_MS, now.getTime() - 100 * DAY_MS);
  const day = localDay(new Date(Math.min(at, now.getTime())));
  const from = `${day.slice(0, 7)}-01`;
  const [y, m] = from.split("-").map(Number);
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const { result } = await inTenant(stack.peer, tenant, async (c) => {
    const where = `district_id = $1 AND received_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
                   AND received_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
    const args = [tenant.districtId, from, to];
    const [grid] = await c.query<{ id: string }>(
      `SELECT grid_id AS id FROM hotline_case WHERE ${where} AND grid_id IS NOT NULL
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      args,
    );
    const [street] = await c.query<{ id: string }>(
      `SELECT street_office_id AS id FROM hotline_case WHERE ${where} AND street_office_id IS NOT NULL
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      args,
    );
    const [{ n }] = await c.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM hotline_case WHERE district_id = $1",
      [tenant.districtId],
    );
    return { grid, street, n };
  });
  if (!result.grid || !result.street) throw new Error(`no case in ${from} … ${to}`);
  const weekFrom = new Date(`${from}T00:00:00+08:00`);
  return {
    from,
    to,
    weekFrom: new Date(weekFrom.getTime() + 7 * DAY_MS).toISOString(),
    weekTo: new Date(weekFrom.getTime() + 14 * DAY_MS).toISOString(),
    gridId: toGlobalId("Grid", result.grid.id),
    streetOfficeId: toGlobalId("StreetOffice", result.street.id),
    cases: result.n,
  };
}

export function scaleScenarios(f: ScaleFixture): ScaleScenario[] {
  const month = { from: f.from, to: f.to };
  const list = (name: string, description: string, filters: Record<string, unknown>) => ({
    name: `cases-${name}`,
    description: `cases(first: 50, ${description}) with assignments and complainant`,
    role: "command_center" as const,
    query: CASES,
    variables: { first: 50, ...filters },
  });
  return [
    {
      name: "grid-scoreboard",
      description: `scoreboard(level: grid) for ${f.from} … ${f.to}: every grid ranked, with patrols`,
      role: "district_admin",
      query: SCOREBOARD,
      variables: { level: "grid", ...month },
    },
    {
      name: "city-scoreboard",
      description: `cityScoreboard for ${f.from} … ${f.to}: the city's districts ranked`,
      role: "city_admin",
      query: CITY_SCOREBOARD,
      variables: month,
    },
    list("open", "status: [dispatched, street_handling]", {
      status: ["dispatched", "street_handling"],
    }),
    list("closed-category", 'status: [closed], category: "roads"', {
      status: ["closed"],
      category: "roads",
    }),
    list("street-overdue", "streetOfficeId: the busiest, overdue: true", {
      streetOfficeId: f.streetOfficeId,
      overdue: true,
    }),
    list("grid-month", "gridId: the busiest, received in the month", {
      gridId: f.gridId,
      receivedFrom: new Date(`${f.from}T00:00:00+08:00`).toISOString(),
      receivedTo: new Date(Date.parse(`${f.to}T00:00:00+08:00`) + DAY_MS).toISOString(),
    }),
    list("week-hotline", "channel: hotline, received in a week", {
      channel: "hotline",
      receivedFrom: f.weekFrom,
      receivedTo: f.weekTo,
    }),
    list("all", "no filter", {}),
    {
      name: "measure-cases-grid",
      description: `measureCases(level: grid, the busiest grid, resolved) for the month`,
      role: "district_admin",
      query: MEASURE_CASES,
      variables: { level: "grid", unitId: f.gridId, measure: "resolved", ...month },
    },
    {
      name: "measure-cases-street",
      description: `measureCases(level: street_office, the busiest, breaches) for the month`,
      role: "district_admin",
      query: MEASURE_CASES,
      variables: {
        level: "street_office",
        unitId: f.streetOfficeId,
        measure: "breaches",
        ...month,
      },
    },
  ];
}
