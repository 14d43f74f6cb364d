import { TypedDocumentString } from "../../../examples/client/src/gql/graphql";
import type {
  CaseChannel,
  CaseStatus,
  CaseSummaryFragment,
} from "../../../examples/client/src/gql/graphql";

/**
 * The command-center page's own documents, typed by hand beside the example client's generated
 * ones (whose transport, `createApi`, and case feed, `followCases`, the page reuses). They are
 * sent as text: the page runs where trusted documents are off (README "Trusted documents").
 */

/**
 * The statuses of an open case, the stages of its handling: every status but `resolved` and
 * `closed`, as the API counts `openNow` (the browser test holds their sum to it). A resolved case
 * waits for its callback, shown apart. Keyed by status, in the page's order, so that a status the
 * schema gains fails the type check until it is placed here.
 */
const STAGES: Record<Exclude<CaseStatus, "resolved" | "closed">, true> = {
  received: true,
  grid_handling: true,
  street_handling: true,
  awaiting_dispatch: true,
  dispatched: true,
  return_requested: true,
  escalated: true,
};
export const OPEN_STATUSES = Object.keys(STAGES) as Array<keyof typeof STAGES>;

/** The channels, in the order the page shows them, with the measure that counts each. */
export const CHANNEL_MEASURES = [
  ["hotline", "hotline"],
  ["community_report", "communityReport"],
  ["grid_patrol", "gridPatrol"],
  ["resident", "residentReport"],
] as const satisfies ReadonlyArray<readonly [CaseChannel, string]>;

export interface Label {
  kind: string;
  value: string;
  label: string;
}

export const LABEL_KINDS = [
  "CaseStatus",
  "CaseChannel",
  "CaseAction",
  "Measure",
  "UnitLevel",
  "Role",
  "AssignmentRole",
  "AssignmentStatus",
  "ScoreColumn",
];

export const LabelsDocument = new TypedDocumentString<{ labels: Label[] }, { kinds: string[] }>(
  `query CommandCenterLabels($kinds: [String!]) { labels(kinds: $kinds) { kind value label } }`,
);

export interface Me {
  subject: string;
  role: string;
  district: { name: string } | null;
}

/** Who the caller is, and the server's clock: the page's "today" is the server's (page.tsx). */
export const MeDocument = new TypedDocumentString<
  { me: Me; serverClock: { now: string } },
  Record<string, never>
>(`query CommandCenterMe { me { subject role district { name } } serverClock { now } }`);

export interface DistrictMeasures {
  received: number;
  hotline: number;
  communityReport: number;
  gridPatrol: number;
  residentReport: number;
  openNow: number;
  overdueNow: number;
  breaches: number;
  replyBreaches: number;
}

type Count = { totalCount: number };
export type TodayFigures = {
  measures: DistrictMeasures[];
  overdue: Count;
  awaitingCallback: Count;
} & Record<`open_${(typeof OPEN_STATUSES)[number]}`, Count>;

/**
 * Today's figures in one request: the district's measures over today, the open cases by status
 * and the resolved ones waiting for their callback.
 */
export const TodayDocument = new TypedDocumentString<TodayFigures, { day: string }>(
  `query CommandCenterToday($day: String!) {
  measures(level: district, from: $day, to: $day) {
    received hotline communityReport gridPatrol residentReport openNow overdueNow breaches
    replyBreaches
  }
  overdue: cases(overdue: true, first: 1) { totalCount }
  awaitingCallback: cases(status: [resolved], first: 1) { totalCount }
${OPEN_STATUSES.map((s) => `  open_${s}: cases(status: [${s}], first: 1) { totalCount }`).join("\n")}
}`,
);

export interface ScoreRow {
  rank: number | null;
  score: number | null;
  measures: { unitId: string; name: string; received: number; overdueNow: number };
}

const ROW = `rank score measures { unitId name received overdueNow }`;

export const ScoreboardDocument = new TypedDocumentString<
  { scoreboard: { rows: ScoreRow[] } },
  { level: string; day: string }
>(
  `query CommandCenterScoreboard($level: UnitLevel!, $day: String!) {
  scoreboard(level: $level, from: $day, to: $day) { rows { ${ROW} } }
}`,
);

export const ScoreboardChangedDocument = new TypedDocumentString<
  { scoreboardChanged: { scoreboard: { rows: ScoreRow[] } } },
  { level: string; day: string }
>(
  `subscription CommandCenterScoreboardChanged($level: UnitLevel!, $day: String!) {
  scoreboardChanged(level: $level, from: $day, to: $day) { scoreboard { rows { ${ROW} } } }
}`,
);

export type FeedCase = CaseSummaryFragment;

export interface CaseDetail {
  id: string;
  number: string;
  categoryName: string;
  channel: string;
  status: string;
  description: string;
  receivedAt: string;
  replyDueAt: string;
  repliedAt: string | null;
  resolutionDueAt: string;
  resolvedAt: string | null;
  overdue: boolean;
  streetOffice: { name: string } | null;
  grid: { name: string } | null;
  timeline: Array<{
    cursor: string;
    action: string;
    actor: string;
    actorRole: string;
    at: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
  }>;
  assignments: Array<{
    id: string;
    role: string;
    status: string;
    dueAt: string;
    replyDueAt: string | null;
    repliedAt: string | null;
    department: { name: string };
  }>;
}

/** A case opened from the feed: its due times, its departments' parts and its timeline. */
export const CaseDetailDocument = new TypedDocumentString<
  { case: CaseDetail | null },
  { id: string }
>(
  `query CommandCenterCase($id: ID!) {
  case(id: $id) {
    id number categoryName channel status description receivedAt
    replyDueAt repliedAt resolutionDueAt resolvedAt overdue
    streetOffice { name } grid { name }
    timeline { cursor action actor actorRole at fromStatus toStatus note }
    assignments { id role status dueAt replyDueAt repliedAt department { name } }
  }
}`,
);

export interface CityFigures {
  city: { name: string };
  cityTotals: {
    districts: number;
    received: number;
    gridPatrol: number;
    overdueNow: number;
    breaches: number;
    replyBreaches: number;
    resolved: number;
    supervisions: number;
  };
}

/** A city admin's figures of today: its districts' totals. */
export const CityTodayDocument = new TypedDocumentString<CityFigures, { day: string }>(
  `query CommandCenterCityToday($day: String!) {
  city { name }
  cityTotals(from: $day, to: $day) {
    districts received gridPatrol overdueNow breaches replyBreaches resolved supervisions
  }
}`,
);

export interface TrendRow {
  rank: number | null;
  score: number | null;
  measures: { unitId: string; name: string; received: number; breaches: number };
}

/** How many local days a city admin's trend covers, today included. */
export const TREND_DAYS = 14;

/**
 * How often at most a city admin's page reads its whole trend again (ms). A live push reads only
 * today's board (CityDayDocument): a day's list of boards is costed as 53 of them (cost.ts), so
 * reading all fourteen on every push would spend an account's rate faster than it refills.
 */
export const TREND_FULL_READ_MS = 5 * 60_000;

/** A city admin's last days, one board per day: its districts' ranks and figures (trend.tsx). */
export const CityTrendDocument = new TypedDocumentString<
  { cityTrend: Array<{ from: string; rows: TrendRow[] }> },
  { from: string; to: string }
>(
  `query CommandCenterCityTrend($from: String!, $to: String!) {
  cityTrend(bucket: day, from: $from, to: $to) {
    from rows { rank score measures { unitId name received breaches } }
  }
}`,
);

/** Today's board of a city admin's districts: the trend's last day, read again on each push. */
export const CityDayDocument = new TypedDocumentString<
  { cityScoreboard: { from: string; rows: TrendRow[] } },
  { day: string }
>(
  `query CommandCenterCityDay($day: String!) {
  cityScoreboard(from: $day, to: $day) {
    from rows { rank score measures { unitId name received breaches } }
  }
}`,
);
