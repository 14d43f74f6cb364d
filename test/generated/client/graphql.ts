/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The kind of unit held to account. */
export type AccountableUnitLevel =
  | 'community'
  | 'department'
  | 'district'
  | 'grid'
  | 'street_office';

export type AddCommitteeMemberInput = {
  committeeId: string;
  /** A person living in the compound. */
  personId: string;
  role: CommitteeRole;
};

export type AddConsultationCommentInput = {
  body: string;
  consultationId: string;
  /** The proposal it is about, if any. */
  proposalId?: string | null | undefined;
};

/** Assigns a case to one lead department and any co-handling ones. */
export type AssignCaseInput = {
  assignments: Array<AssignmentInput>;
  /** The case's `version` as read; a stale one gets CONFLICT. */
  expectedVersion: number;
  id: string;
  /** What was done or why (required where the action says). */
  note?: string | null | undefined;
};

/** Gives a person a post in a grid. */
export type AssignStaffInput = {
  /** Building heads: the building (in the grid). */
  buildingId?: string | null | undefined;
  gridId: string;
  personId: string;
  role: GridPost;
  /** First day (YYYY-MM-DD); default today. */
  startsOn?: string | null | undefined;
  /** Unit heads: the unit (in the grid). */
  unitId?: string | null | undefined;
};

export type AssignmentInput = {
  departmentId: string;
  /** This department's own due time; default the case's. */
  dueAt?: string | null | undefined;
  role: AssignmentRole;
};

export type AssignmentRole =
  /** 协同联办 */
  | 'co'
  /** 牵头部门 */
  | 'lead';

export type AssignmentStatus =
  | 'assigned'
  | 'reported'
  | 'returned'
  | 'withdrawn';

export type BonusInput = {
  /** × household coverage; default 5. */
  patrolCoverage?: number | null | undefined;
  /** × share of days patrolled; default 5. */
  patrolDays?: number | null | undefined;
  proactive: number;
};

export type CalendarDayInput = {
  /** YYYY-MM-DD */
  day: string;
  /** `holiday` or `workday`. */
  kind: string;
  name?: string | null | undefined;
};

/** The callback (回访) to the complainant. */
export type CallbackInput = {
  /** The case's `version` as read; a stale one gets CONFLICT. */
  expectedVersion: number;
  /** Unsatisfied for a cause of the handler: the case goes back to be redone. */
  handlerAtFault?: boolean | null | undefined;
  id: string;
  /** What was done or why (required where the action says). */
  note?: string | null | undefined;
  /** Whether the complainant was reached. */
  reached: boolean;
  /** The answer, when reached. */
  satisfaction?: Satisfaction | null | undefined;
};

/** What an event in a case's log did. */
export type CaseAction =
  | 'assign'
  | 'breach'
  | 'callback'
  | 'conclude_supervision'
  | 'create'
  | 'engage_units'
  | 'escalate'
  | 'record_unit_result'
  | 'refer_to_command_center'
  | 'refer_to_street'
  | 'reply'
  | 'report_progress'
  | 'request_extension'
  | 'request_return'
  | 'resolve'
  | 'rule_extension'
  | 'rule_return'
  | 'supervise'
  | 'take_lead'
  | 'warn';

export type CaseChannel =
  /** Community direct report (社区直报). */
  | 'community_report'
  /** Found on a grid patrol: proactive (未诉先办). */
  | 'grid_patrol'
  /** 12345 hotline (接诉即办). */
  | 'hotline'
  /** Filed by a resident in the app. */
  | 'resident';

/** An action on a case, at the version the caller read. */
export type CaseNoteInput = {
  /** The case's `version` as read; a stale one gets CONFLICT. */
  expectedVersion: number;
  id: string;
  /** What was done or why (required where the action says). */
  note?: string | null | undefined;
};

/** By time of receipt. */
export type CaseOrder =
  | 'newest'
  | 'oldest';

export type CaseRequestKind =
  | 'extension'
  | 'return';

export type CaseRequestStatus =
  | 'granted'
  | 'pending'
  | 'refused';

export type CaseSettingsInput = {
  /** Who handles first: street_first (由街道首办, default) or grid_may_resolve. */
  handlingRule?: HandlingRule | null | undefined;
  maxRedos?: number | null | undefined;
  maxReturns?: number | null | undefined;
  replyHours?: number | null | undefined;
  resolutionDays?: number | null | undefined;
  superviseOnUnsatisfied?: boolean | null | undefined;
  warningMinutes?: number | null | undefined;
};

export type CaseStatus =
  /** Referred to the command center, waiting to be assigned. */
  | 'awaiting_dispatch'
  /** Called back and closed. */
  | 'closed'
  /** 指挥中心交办: assigned to a lead department and co-handlers. */
  | 'dispatched'
  /** Sent to the city's departments. */
  | 'escalated'
  /** 网格领办: the grid takes the lead. */
  | 'grid_handling'
  /** Registered; nobody has taken it yet. */
  | 'received'
  /** The handler reported a resolution; the callback is due. */
  | 'resolved'
  /** 退单: a department asked to return it; the command center rules. */
  | 'return_requested'
  /** 街道首办: the street office handles it first. */
  | 'street_handling';

/** A household's vote on one proposal, cast by one of its members. */
export type CastVoteInput = {
  choice: VoteChoice;
  proposalId: string;
};

export type CommitteeMemberInput = {
  /** A person living in the compound. */
  personId: string;
  role: CommitteeRole;
};

export type CommitteeRole =
  /** 主任 */
  | 'chair'
  /** 委员 */
  | 'member'
  /** 副主任 */
  | 'vice_chair';

export type CommitteeStatus =
  | 'active'
  | 'expired'
  | 'preparing';

/** An urban community (社区) or an administrative village (行政村). */
export type CommunityKind =
  | 'community'
  | 'village';

export type ConsultationStatus =
  | 'closed'
  | 'open';

/** A new case. The grid and street office are found from the location where not given. */
export type CreateCaseInput = {
  address?: string | null | undefined;
  attachmentUrls?: Array<string> | null | undefined;
  buildingId?: string | null | undefined;
  /** Code of a category of the district's catalogue (see caseCategories). */
  categoryCode: string;
  channel: CaseChannel;
  /** Personal data: shown masked to most roles. */
  complainantName?: string | null | undefined;
  /** Personal data: shown masked to most roles. */
  complainantPhone?: string | null | undefined;
  compoundId?: string | null | undefined;
  description: string;
  gridId?: string | null | undefined;
  /** Send the same key again (e.g. after a timeout) and get the same case back. */
  idempotencyKey?: string | null | undefined;
  latitude?: number | null | undefined;
  /** Default: the category's. */
  lineOfWork?: LineOfWork | null | undefined;
  longitude?: number | null | undefined;
  unitId?: string | null | undefined;
  /** Default normal. */
  urgency?: Urgency | null | undefined;
};

/** A new department of the caller's district. */
export type CreateDepartmentInput = {
  /** Stable code: lowercase letters, digits and underscores, 2–40 characters. */
  code: string;
  name: string;
};

/** A new grid in a community or village. */
export type CreateGridInput = {
  /** GeoJSON Polygon or MultiPolygon geometry. */
  boundary?: Record<string, unknown> | null | undefined;
  /** Stable code, unique in the district. */
  code: string;
  /** The community or administrative village. */
  communityId: string;
  latitude: number;
  /** Default: none. */
  linesOfWork?: Array<LineOfWork> | null | undefined;
  longitude: number;
  name: string;
};

/** A new target of the caller's district. */
export type CreateTargetInput = {
  /** Default 0. */
  baseline?: number | null | undefined;
  /** Stable code, unique in the district. */
  code: string;
  /** The department in charge, if any. */
  departmentId?: string | null | undefined;
  /** YYYY-MM-DD */
  dueOn?: string | null | undefined;
  name: string;
  notes?: string | null | undefined;
  programme: TargetProgramme;
  /** Omit for an open-ended count. */
  targetValue?: number | null | undefined;
  /** What is counted, e.g. 个, 处, 平方米, 户, 万元. */
  unit: string;
  year: number;
};

export type DeadlineKind =
  | 'breach'
  | 'warning';

/** An urban district (区) or a county (县); both are tenants. */
export type DistrictKind =
  | 'county'
  | 'district';

export type EndStaffAssignmentInput = {
  /** Last day (YYYY-MM-DD); default today. */
  endsOn?: string | null | undefined;
  id: string;
};

export type ExtensionRequestInput = {
  /** The case's `version` as read; a stale one gets CONFLICT. */
  expectedVersion: number;
  id: string;
  /** What was done or why (required where the action says). */
  note?: string | null | undefined;
  /** The due time asked for. */
  requestedDueAt: string;
};

/** Urban or rural grid. */
export type GridKind =
  | 'rural'
  | 'urban';

/** A post in a grid's chain of responsibility. */
export type GridPost =
  /** 楼长: needs a building. */
  | 'building_head'
  /** 网格长 (in villages: the village party secretary). */
  | 'grid_chief'
  /** 网格员 (in villages: a village cadre). */
  | 'grid_worker'
  /** 单元长: needs a unit. */
  | 'unit_head'
  /** 村民小组长. */
  | 'villager_group_leader'
  /** 村民代表. */
  | 'villager_representative';

/** The failings of case handling that are held to account (追责问责). */
export type HandlingFailing =
  /** Inaction (不作为). */
  | 'inaction'
  /** Handling that is not regular (办理不够规范). */
  | 'irregular_handling'
  /** Low public satisfaction (群众满意度不高). */
  | 'low_satisfaction'
  /** Misconduct (乱作为). */
  | 'misconduct'
  /** Resolution that is not forceful enough (解决不够有力). */
  | 'weak_resolution';

/** Who handles first what grid staff find and residents ask. */
export type HandlingRule =
  /** Grid staff may also resolve from grid handling what they settle on the spot; the rest goes to the street office as above. */
  | 'grid_may_resolve'
  /** 由街道首办 (the report's rule, the default): grid staff take the lead and refer the case to the street office, which resolves it or refers it to the command center. */
  | 'street_first';

/** Lines of work that run through the grids (多网合一). */
export type LineOfWork =
  /** 综治 */
  | 'comprehensive_governance'
  /** 应急管理 */
  | 'emergency_management'
  /** 疫情防控 */
  | 'epidemic_control'
  /** 消防 */
  | 'fire_safety'
  /** 党建 */
  | 'party_building'
  /** 法治 */
  | 'rule_of_law';

/** Opens a consultation of a compound's households. */
export type OpenConsultationInput = {
  /** When voting ends; in the future. */
  closesAt: string;
  compoundId: string;
  /** The renovation project it is about, if any. */
  projectId?: string | null | undefined;
  proposals: Array<ProposalInput>;
  title: string;
};

export type OperationType =
  | 'mutation'
  | 'query'
  | 'subscription';

/** A grid patrol or a household visit (每日巡查走访). */
export type PatrolKind =
  /** A patrol of the grid (巡查), optionally at a compound, building or place. */
  | 'patrol'
  /** A visit to one household of the grid (走访). */
  | 'visit';

export type PenaltiesInput = {
  /** Per accountability record; default 5. */
  accountability?: number | null | undefined;
  breach: number;
  return: number;
  supervision: number;
};

export type PersonTag =
  /** 政协委员 */
  | 'cppcc_member'
  /** 党员 */
  | 'party_member'
  /** 人大代表 */
  | 'peoples_congress_deputy'
  /** 村民代表 */
  | 'villager_representative'
  /** 志愿者 */
  | 'volunteer';

/** A field of personal data that has a masked form. */
export type PersonalField =
  | 'id_number'
  | 'name'
  | 'phone';

/** Which kind of record's personal data was read. */
export type PersonalRecordKind =
  /** The complainant of a case (name, phone). */
  | 'case_complainant'
  /** A person of the register (phone, ID number). */
  | 'person';

export type ProposalInput = {
  description?: string | null | undefined;
  question: ProposalQuestion;
  title: string;
};

export type ProposalQuestion =
  /** 怎么改: how to renovate. */
  | 'how'
  /** 改什么: what to renovate. */
  | 'what'
  /** 改不改: whether to renovate. */
  | 'whether';

/** A decision of accountability (追责问责) for the handling of a case. */
export type RecordAccountabilityInput = {
  /** The case whose handling is held to account. */
  caseId: string;
  /** The day of the decision (YYYY-MM-DD, UTC+8), not in the future. */
  decidedOn: string;
  failing: HandlingFailing;
  /** What was found and decided. */
  outcome: string;
  /** The person held to account, as named. */
  person?: string | null | undefined;
  sanction: Sanction;
  /** The supervision of that case the decision came from, if any. */
  supervisionId?: string | null | undefined;
  /** The unit held to account: the District, a StreetOffice, Community, Grid or Department id, as unitLevel says. */
  unitId: string;
  unitLevel: AccountableUnitLevel;
};

/** A patrol or household visit (每日巡查走访) of one of the caller's grids. */
export type RecordPatrolInput = {
  /** When it took place: not in the future, and at most 30 days ago. */
  at: string;
  /** A patrol: the building, of the grid. */
  buildingId?: string | null | undefined;
  /** The case this raised, if any: a case of the same grid. */
  caseId?: string | null | undefined;
  /** A patrol: the compound patrolled, of the grid. */
  compoundId?: string | null | undefined;
  /** The grid: one of the caller's own. */
  gridId: string;
  /** A visit: the household visited, of the grid (required for a visit, none for a patrol). */
  householdId?: string | null | undefined;
  kind: PatrolKind;
  /** What was seen or heard (1–2000 characters). */
  observation: string;
  /** A patrol: the place in words (a street, a market, a river bank). */
  place?: string | null | undefined;
};

export type RecordRenovationProgressInput = {
  note?: string | null | undefined;
  /** Progress in percent (0–100); it cannot go back. */
  percent: number;
  projectId: string;
};

/** A reward (points > 0) or penalty (points < 0) for a unit's work (奖惩). */
export type RecordRewardPenaltyInput = {
  /** The day it counts on (YYYY-MM-DD, UTC+8), not in the future. */
  awardedOn: string;
  /** Points, -100 to 100, not 0: positive a reward, negative a penalty. */
  points: number;
  /** Why (1–500 characters). */
  reason: string;
  /** The unit: a Grid, Community, StreetOffice or Department id, as unitLevel says. */
  unitId: string;
  unitLevel: RewardUnitLevel;
};

/** An increment towards a target. */
export type RecordTargetProgressInput = {
  /** How much was done, in the target's unit (> 0). */
  amount: number;
  note?: string | null | undefined;
  /** The day it was done (YYYY-MM-DD, not in the future); default today (UTC+8). */
  recordedOn?: string | null | undefined;
  targetId: string;
};

/** An owner committee for a compound that has none. */
export type RegisterOwnerCommitteeInput = {
  compoundId: string;
  /** YYYY-MM-DD */
  electionDate?: string | null | undefined;
  members?: Array<CommitteeMemberInput> | null | undefined;
  name: string;
  /** Default `preparing`. */
  status?: CommitteeStatus | null | undefined;
  /** YYYY-MM-DD, after termStart. */
  termEnd?: string | null | undefined;
  /** YYYY-MM-DD */
  termStart?: string | null | undefined;
};

/** A department's new name. */
export type RenameDepartmentInput = {
  id: string;
  name: string;
};

export type RenovationKind =
  /** 楼体改造 */
  | 'building_body'
  /** 燃气管网 */
  | 'gas_pipeline'
  /** 配套基础设施 */
  | 'infrastructure';

export type ReportProgressInput = {
  /** The case's `version` as read; a stale one gets CONFLICT. */
  expectedVersion: number;
  /** A co-handling department's final report ends its part. */
  final?: boolean | null | undefined;
  id: string;
  /** What was done or why (required where the action says). */
  note?: string | null | undefined;
};

export type RetireGridInput = {
  id: string;
  /** Why, e.g. merged into another grid. */
  reason: string;
};

/** The kind of unit a reward or penalty (奖惩) is for. */
export type RewardUnitLevel =
  | 'community'
  | 'department'
  | 'grid'
  | 'street_office';

/** What a principal does in the platform; it decides which operations it may call. */
export type Role =
  /** City scope: aggregates across the city's districts, no personal data. */
  | 'city_admin'
  /** The district command center (指挥中心) that assigns cases. */
  | 'command_center'
  /** Community staff (社区工作者): files its community's direct reports (社区直报), which reach the command center at once, and follows them. */
  | 'community_worker'
  /** Staff of a district department (区直部门). */
  | 'department'
  /** Administers one district (tenant). */
  | 'district_admin'
  /** Grid chief (网格长): leads a grid and its staff. */
  | 'grid_chief'
  /** Grid worker (网格员): patrols a grid and reports what is found. */
  | 'grid_worker'
  /** Discipline inspection (纪检监察): supervises handling. */
  | 'inspector'
  /** A 12345 hotline operator (话务员): takes calls, calls back. */
  | 'operator'
  /** A citizen of the district (居民). */
  | 'resident'
  /** Staff of a street office (街道办事处). */
  | 'street_officer'
  /** The supervision office (督查室) of the district party committee and government: supervises handling as discipline inspection does, and records accountability (追责问责). */
  | 'supervision_office';

/** The command center's ruling on a return or an extension. */
export type RulingInput = {
  /** The case's `version` as read; a stale one gets CONFLICT. */
  expectedVersion: number;
  granted: boolean;
  id: string;
  /** What was done or why (required where the action says). */
  note?: string | null | undefined;
};

/** What accountability imposed, lightest first. */
export type Sanction =
  /** Admonishing talk (诫勉谈话). */
  | 'admonition'
  /** Criticism circulated in notice (通报批评). */
  | 'circulated_criticism'
  /** Criticism and education (批评教育). */
  | 'criticism'
  /** Party or administrative sanction (党纪政务处分). */
  | 'disciplinary'
  /** No sanction (the finding is recorded). */
  | 'none';

export type Satisfaction =
  | 'basically_satisfied'
  | 'satisfied'
  | 'unsatisfied';

/** A new version of the scoring formula. */
export type ScoreFormulaInput = {
  bonus: BonusInput;
  note?: string | null | undefined;
  penalties: PenaltiesInput;
  /** Score points per 奖惩 point (0 to 10); default 0.1. */
  rewardsPenalties?: number | null | undefined;
  weights: WeightsInput;
};

export type SupervisionTrigger =
  | 'breach'
  | 'inspector'
  | 'returns'
  | 'unsatisfied';

/** The programme a target belongs to. */
export type TargetProgramme =
  /** 文明城区创建: the civilized-district campaign. */
  | 'civilized_city'
  /** 民生实事: livelihood projects. */
  | 'livelihood'
  /** Anything else the district tracks. */
  | 'other';

/** Sort order of a list of the tree (ties broken by id). */
export type TreeOrder =
  | 'code'
  | 'name';

/** The level of the units measured. */
export type UnitLevel =
  | 'community'
  | 'department'
  | 'district'
  | 'grid'
  | 'street_office';

/** Changes to a grid; fields left out stay as they are. */
export type UpdateGridInput = {
  /** null removes the boundary. */
  boundary?: Record<string, unknown> | null | undefined;
  /** The version you read; if the grid changed since, the update is refused (CONFLICT). */
  expectedVersion?: number | null | undefined;
  id: string;
  latitude?: number | null | undefined;
  linesOfWork?: Array<LineOfWork> | null | undefined;
  longitude?: number | null | undefined;
  name?: string | null | undefined;
};

/** Changes to a committee; fields left out stay as they are. */
export type UpdateOwnerCommitteeInput = {
  electionDate?: string | null | undefined;
  id: string;
  name?: string | null | undefined;
  status?: CommitteeStatus | null | undefined;
  termEnd?: string | null | undefined;
  termStart?: string | null | undefined;
};

/** Changes to a target: omitted fields stay; an explicit null clears targetValue, dueOn or notes. */
export type UpdateTargetInput = {
  /** YYYY-MM-DD */
  dueOn?: string | null | undefined;
  id: string;
  name?: string | null | undefined;
  notes?: string | null | undefined;
  /** null makes the count open-ended. */
  targetValue?: number | null | undefined;
};

export type Urgency =
  | 'normal'
  | 'urgent';

export type VillageKind =
  /** 美丽示范村 */
  | 'demonstration'
  /** 美丽宜居村 */
  | 'livable';

export type VoteChoice =
  | 'abstain'
  | 'against'
  | 'for';

export type WeightsInput = {
  effectiveCallbackRate: number;
  onTimeCompletionRate: number;
  responseRate: number;
  satisfactionRate: number;
};

export type RecordAccountabilityMutationVariables = Exact<{
  input: RecordAccountabilityInput;
}>;


export type RecordAccountabilityMutation = { recordAccountability: { id: string, unitLevel: AccountableUnitLevel, unitId: string, person: string | null, failing: HandlingFailing, outcome: string, sanction: Sanction, decidedOn: string, recordedBy: string, recordedAt: string, case: { id: string }, supervision: { id: string } | null } };

export type AccountabilityFieldsFragment = { id: string, unitLevel: AccountableUnitLevel, unitId: string, person: string | null, failing: HandlingFailing, outcome: string, sanction: Sanction, decidedOn: string, recordedBy: string, recordedAt: string, case: { id: string }, supervision: { id: string } | null };

export type AccountabilityRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  caseId?: string | null | undefined;
  unitId?: string | null | undefined;
  failing?: HandlingFailing | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AccountabilityRecordsQuery = { accountabilityRecords: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, unitLevel: AccountableUnitLevel, unitId: string, person: string | null, failing: HandlingFailing, outcome: string, sanction: Sanction, decidedOn: string, recordedBy: string, recordedAt: string, case: { id: string }, supervision: { id: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AccountabilityCountsQueryVariables = Exact<{
  level: AccountableUnitLevel;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AccountabilityCountsQuery = { accountabilityCounts: Array<{ unitLevel: AccountableUnitLevel, unitId: string, irregularHandling: number, weakResolution: number, lowSatisfaction: number, inaction: number, misconduct: number, total: number }> };

export type CaseAccountabilityQueryVariables = Exact<{
  id: string;
}>;


export type CaseAccountabilityQuery = { case: { id: string, supervisions: Array<{ id: string, status: string, openedBy: string }>, accountability: Array<{ id: string, failing: HandlingFailing, sanction: Sanction }> } | null };

export type ReadFieldsFragment = { at: string, recordKind: PersonalRecordKind, recordId: string, fields: Array<PersonalField>, operationName: string | null, operationType: OperationType, reader: { subject: string, role: Role, displayName: string | null } };

export type PersonalDataReadsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  readerSubject?: string | null | undefined;
  recordKind?: PersonalRecordKind | null | undefined;
  recordId?: string | null | undefined;
  personId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type PersonalDataReadsQuery = { personalDataReads: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { at: string, recordKind: PersonalRecordKind, recordId: string, fields: Array<PersonalField>, operationName: string | null, operationType: OperationType, reader: { subject: string, role: Role, displayName: string | null } } }> } };

export type WhoReadMyDataQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type WhoReadMyDataQuery = { whoReadMyData: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { at: string, recordKind: PersonalRecordKind, recordId: string, fields: Array<PersonalField>, operationName: string | null, operationType: OperationType, reader: { subject: string, role: Role, displayName: string | null } } }> } };

export type LookUpPersonQueryVariables = Exact<{
  id: string;
}>;


export type LookUpPersonQuery = { node:
    | { id: string, name: string, phone: string | null, idNumber: string | null, personalDataVisible: boolean }
    | Record<PropertyKey, never>
   | null };

export type LookUpComplainantQueryVariables = Exact<{
  id: string;
}>;


export type LookUpComplainantQuery = { case: { id: string, complainant: { name: string | null, phone: string | null, visible: boolean } | null } | null };

export type PersonAndMyVoteQueryVariables = Exact<{
  person: string;
  consultation: string;
}>;


export type PersonAndMyVoteQuery = { person:
    | { phone: string | null }
    | Record<PropertyKey, never>
   | null, consultation:
    | { proposals: Array<{ myVote: VoteChoice | null }> }
    | Record<PropertyKey, never>
   | null };

export type ComplainantsLiveSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ComplainantsLiveSubscription = { caseCreated: { cursor: string, case: { id: string, complainant: { name: string | null, phone: string | null, visible: boolean } | null } } };

export type CaseFieldsFragment = { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> };

export type CreateCaseMutationVariables = Exact<{
  input: CreateCaseInput;
}>;


export type CreateCaseMutation = { createCase: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type ReplyToCaseMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type ReplyToCaseMutation = { replyToCase: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type TakeCaseLeadMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type TakeCaseLeadMutation = { takeCaseLead: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type ReferCaseToStreetMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type ReferCaseToStreetMutation = { referCaseToStreet: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type ReferCaseToCommandCenterMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type ReferCaseToCommandCenterMutation = { referCaseToCommandCenter: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type AssignCaseMutationVariables = Exact<{
  input: AssignCaseInput;
}>;


export type AssignCaseMutation = { assignCase: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type ReportCaseProgressMutationVariables = Exact<{
  input: ReportProgressInput;
}>;


export type ReportCaseProgressMutation = { reportCaseProgress: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type ResolveCaseMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type ResolveCaseMutation = { resolveCase: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type RequestCaseReturnMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type RequestCaseReturnMutation = { requestCaseReturn: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type RuleOnCaseReturnMutationVariables = Exact<{
  input: RulingInput;
}>;


export type RuleOnCaseReturnMutation = { ruleOnCaseReturn: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type RequestCaseExtensionMutationVariables = Exact<{
  input: ExtensionRequestInput;
}>;


export type RequestCaseExtensionMutation = { requestCaseExtension: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type RuleOnCaseExtensionMutationVariables = Exact<{
  input: RulingInput;
}>;


export type RuleOnCaseExtensionMutation = { ruleOnCaseExtension: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type RecordCallbackMutationVariables = Exact<{
  input: CallbackInput;
}>;


export type RecordCallbackMutation = { recordCallback: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type EscalateCaseMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type EscalateCaseMutation = { escalateCase: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type SuperviseCaseMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type SuperviseCaseMutation = { superviseCase: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type ConcludeSupervisionMutationVariables = Exact<{
  input: CaseNoteInput;
}>;


export type ConcludeSupervisionMutation = { concludeSupervision: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, supervisions: Array<{ trigger: SupervisionTrigger, status: string, findings: string | null }>, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } };

export type UpdateCaseSettingsMutationVariables = Exact<{
  input: CaseSettingsInput;
}>;


export type UpdateCaseSettingsMutation = { updateCaseSettings: { maxReturns: number, resolutionDays: number } };

export type CaseDetailQueryVariables = Exact<{
  id: string;
}>;


export type CaseDetailQuery = { case: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, stage: CaseStatus, version: number, proactive: boolean, receivedAt: string, replyDueAt: string, repliedAt: string | null, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, returnCount: number, redoCount: number, supervised: boolean, escalated: boolean, satisfaction: Satisfaction | null, callbackReached: boolean | null, warnedAt: string | null, breachedAt: string | null, requests: Array<{ kind: CaseRequestKind, status: CaseRequestStatus, requestedDueAt: string | null }>, supervisions: Array<{ trigger: SupervisionTrigger, status: string, reason: string }>, timeline: Array<{ action: CaseAction, actor: string, actorRole: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, note: string | null }>, grid: { code: string } | null, streetOffice: { code: string } | null, complainant: { name: string | null, phone: string | null, visible: boolean } | null, assignments: Array<{ role: AssignmentRole, status: AssignmentStatus, dueAt: string, department: { code: string } }> } | null };

export type CasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: Array<CaseStatus> | CaseStatus | null | undefined;
  channel?: CaseChannel | null | undefined;
  overdue?: boolean | null | undefined;
  supervised?: boolean | null | undefined;
  escalated?: boolean | null | undefined;
  gridId?: string | null | undefined;
  departmentId?: string | null | undefined;
  orderBy?: CaseOrder | null | undefined;
}>;


export type CasesQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: CaseStatus, complainant: { name: string | null, phone: string | null, visible: boolean } | null } }> } };

export type CaseEventsQueryVariables = Exact<{
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type CaseEventsQuery = { caseEvents: { hasNextPage: boolean, endCursor: string | null, edges: Array<{ cursor: string, node: { action: CaseAction, caseId: string, toStatus: CaseStatus } }> } };

export type CaseCreatedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CaseCreatedSubscription = { caseCreated: { cursor: string, event: { action: CaseAction, cursor: string }, case: { id: string, number: string, status: CaseStatus } } };

export type CaseUpdatedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CaseUpdatedSubscription = { caseUpdated: { cursor: string, event: { action: CaseAction, cursor: string, toStatus: CaseStatus }, case: { id: string, status: CaseStatus } } };

export type CaseDeadlineSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CaseDeadlineSubscription = { caseDeadline: { cursor: string, kind: DeadlineKind, limit: string, case: { id: string } } };

export type CaseLimitsQueryVariables = Exact<{ [key: string]: never; }>;


export type CaseLimitsQuery = { caseLimits: { settings: { replyHours: number, resolutionDays: number, maxReturns: number, warningMinutes: number }, categories: Array<{ code: string, name: string, resolutionDays: number | null }>, calendarDays: Array<{ day: string, kind: string }> } };

export type SetCategoryResolutionDaysMutationVariables = Exact<{
  code: string;
  days?: number | null | undefined;
}>;


export type SetCategoryResolutionDaysMutation = { setCategoryResolutionDays: { code: string, resolutionDays: number | null } };

export type SetCalendarDaysMutationVariables = Exact<{
  days: Array<CalendarDayInput> | CalendarDayInput;
}>;


export type SetCalendarDaysMutation = { setCalendarDays: Array<{ day: string, kind: string }> };

export type CreateDepartmentMutationVariables = Exact<{
  input: CreateDepartmentInput;
}>;


export type CreateDepartmentMutation = { createDepartment: { id: string, code: string, name: string, district: { code: string } } };

export type RenameDepartmentMutationVariables = Exact<{
  input: RenameDepartmentInput;
}>;


export type RenameDepartmentMutation = { renameDepartment: { id: string, code: string, name: string } };

export type DepartmentChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DepartmentChangedSubscription = { departmentChanged: { action: string, at: string, department: { id: string, code: string, name: string, district: { code: string } } | null } };

export type TreeCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type TreeCountsQuery = { district: { code: string, treeCounts: { streetOffices: number, communities: number, villages: number, grids: number, compounds: number, oldCompounds: number, selfManagedCompounds: number, ownerCommittees: number, households: number, persons: number } } };

export type StreetOfficesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  orderBy?: TreeOrder | null | undefined;
}>;


export type StreetOfficesQuery = { district: { streetOffices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, code: string, name: string } }> } } };

export type CommunitiesQueryVariables = Exact<{
  streetOfficeId?: string | null | undefined;
  kind?: CommunityKind | null | undefined;
  search?: string | null | undefined;
}>;


export type CommunitiesQuery = { district: { communities: { totalCount: number, edges: Array<{ node: { id: string, code: string, name: string, kind: CommunityKind, streetOffice: { code: string }, village: { kind: VillageKind, theme: string | null } | null } }> } } };

export type GridsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  streetOfficeId?: string | null | undefined;
  communityId?: string | null | undefined;
  kind?: GridKind | null | undefined;
  linesOfWork?: Array<LineOfWork> | LineOfWork | null | undefined;
  search?: string | null | undefined;
  includeRetired?: boolean | null | undefined;
  orderBy?: TreeOrder | null | undefined;
}>;


export type GridsQuery = { district: { grids: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, kind: GridKind, version: number, linesOfWork: Array<LineOfWork>, retiredAt: string | null, community: { code: string }, streetOffice: { code: string } } }> } } };

export type TreeWalkQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type TreeWalkQuery = { district: { streetOffices: { totalCount: number, edges: Array<{ node: { code: string, communities: { totalCount: number, edges: Array<{ node: { code: string, kind: CommunityKind, grids: { totalCount: number, edges: Array<{ node: { code: string, staff: Array<{ role: GridPost, startsOn: string, person: { name: string, phone: string | null } }> } }> } } }> } } }> } } };

export type CompoundDetailQueryVariables = Exact<{
  id: string;
}>;


export type CompoundDetailQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { code: string, name: string, yearBuilt: number | null, isOld: boolean, selfManaged: boolean, id: string, grid: { code: string }, buildings: Array<{ number: string, units: Array<{ number: string, households: Array<{ address: string, members: Array<{ name: string }> }> }> }>, ownerCommittee: { name: string, status: CommitteeStatus, members: Array<{ role: CommitteeRole, person: { name: string } }> } | null, renovationProjects: Array<{ code: string }>, consultations: Array<{ title: string, status: ConsultationStatus }> }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type CompoundsQueryVariables = Exact<{
  isOld?: boolean | null | undefined;
  selfManaged?: boolean | null | undefined;
  streetOfficeId?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CompoundsQuery = { district: { compounds: { totalCount: number, edges: Array<{ node: { code: string, name: string } }> } } };

export type PersonsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  gridId?: string | null | undefined;
  tags?: Array<PersonTag> | PersonTag | null | undefined;
  search?: string | null | undefined;
}>;


export type PersonsQuery = { district: { persons: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, phone: string | null, idNumber: string | null, personalDataVisible: boolean, tags: Array<PersonTag> } }> } } };

export type GridPeopleQueryVariables = Exact<{
  id: string;
}>;


export type GridPeopleQuery = { node:
    | { code: string, residents: { totalCount: number, edges: Array<{ node: { name: string, phone: string | null, idNumber: string | null, personalDataVisible: boolean } }> }, staff: Array<{ id: string, role: GridPost, current: boolean, endsOn: string | null, person: { name: string, phone: string | null } }>, organizations: { totalCount: number }, compounds: { totalCount: number } }
    | Record<PropertyKey, never>
   | null };

export type MyPersonQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPersonQuery = { me: { person: { name: string, phone: string | null, idNumber: string | null, personalDataVisible: boolean, household: { address: string } | null } | null } };

export type NodeTypeQueryVariables = Exact<{
  id: string;
}>;


export type NodeTypeQuery = { node:
    | { __typename: 'AccountabilityRecord', id: string }
    | { __typename: 'BidSection', id: string }
    | { __typename: 'Building', id: string }
    | { __typename: 'BuildingUnit', id: string }
    | { __typename: 'Case', id: string }
    | { __typename: 'CaseAssignment', id: string }
    | { __typename: 'CaseCategory', id: string }
    | { __typename: 'CaseRequest', id: string }
    | { __typename: 'CaseUnitEngagement', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'CommitteeMember', id: string }
    | { __typename: 'Community', id: string }
    | { __typename: 'Compound', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'ConsultationComment', id: string }
    | { __typename: 'Department', id: string }
    | { __typename: 'District', id: string }
    | { __typename: 'Grid', id: string }
    | { __typename: 'Household', id: string }
    | { __typename: 'JointCommitteeUnit', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'OwnerCommittee', id: string }
    | { __typename: 'PatrolRecord', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'Proposal', id: string }
    | { __typename: 'RenovationProgress', id: string }
    | { __typename: 'RenovationProject', id: string }
    | { __typename: 'RewardPenalty', id: string }
    | { __typename: 'StaffAccount', id: string }
    | { __typename: 'StaffAssignment', id: string }
    | { __typename: 'StreetOffice', id: string }
    | { __typename: 'Supervision', id: string }
    | { __typename: 'Target', id: string }
    | { __typename: 'TargetProgress', id: string }
    | { __typename: 'ToiletSurvey', id: string }
    | { __typename: 'Village', id: string }
    | { __typename: 'VillageProject', id: string }
   | null };

export type VillagesAndRenovationQueryVariables = Exact<{ [key: string]: never; }>;


export type VillagesAndRenovationQuery = { district: { villages: { totalCount: number, edges: Array<{ node: { name: string, kind: VillageKind, theme: string | null, featuredIndustry: string | null, projects: Array<{ name: string, measure: string, unit: string, target: number, note: string | null }> } }> }, renovationProjects: { totalCount: number, edges: Array<{ node: { id: string, code: string, kind: RenovationKind, investment: number, progressPercent: number, plannedCompletion: string | null, coverage: { compounds: number, buildings: number, households: number }, bidSections: Array<{ code: string, winningAmount: number | null }>, progress: Array<{ percent: number }> } }> }, toiletSurveySummary: { households: number, toilets: number, repaired: number, restored: number, streetOffices: number } } };

export type OwnerCommitteesQueryVariables = Exact<{
  status?: CommitteeStatus | null | undefined;
}>;


export type OwnerCommitteesQuery = { district: { ownerCommittees: { totalCount: number, edges: Array<{ node: { id: string, name: string, status: CommitteeStatus, compound: { code: string }, members: Array<{ role: CommitteeRole, person: { name: string } }> } }> } } };

export type ConsultationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsultationsQuery = { district: { consultations: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: ConsultationStatus, proposals: Array<{ id: string, question: ProposalQuestion, title: string, tally: { for: number, against: number, abstain: number, voted: number, households: number } }>, comments: { totalCount: number, edges: Array<{ node: { body: string, author: string } }> } } }> } } };

export type MyVotesQueryVariables = Exact<{
  id: string;
}>;


export type MyVotesQuery = { node:
    | { myVote: VoteChoice | null, tally: { for: number, against: number, voted: number } }
    | Record<PropertyKey, never>
   | null };

export type CreateGridMutationVariables = Exact<{
  input: CreateGridInput;
}>;


export type CreateGridMutation = { createGrid: { id: string, code: string, name: string, kind: GridKind, version: number, linesOfWork: Array<LineOfWork>, boundary: Record<string, unknown> | null, community: { code: string }, streetOffice: { code: string } } };

export type UpdateGridMutationVariables = Exact<{
  input: UpdateGridInput;
}>;


export type UpdateGridMutation = { updateGrid: { id: string, name: string, version: number, latitude: number, linesOfWork: Array<LineOfWork> } };

export type RetireGridMutationVariables = Exact<{
  input: RetireGridInput;
}>;


export type RetireGridMutation = { retireGrid: { id: string, retiredAt: string | null, retiredReason: string | null, staff: Array<{ role: GridPost, endsOn: string | null }> } };

export type AssignStaffMutationVariables = Exact<{
  input: AssignStaffInput;
}>;


export type AssignStaffMutation = { assignStaff: { id: string, role: GridPost, startsOn: string, endsOn: string | null, current: boolean, person: { name: string }, grid: { code: string }, building: { number: string } | null, unit: { number: string } | null } };

export type EndStaffAssignmentMutationVariables = Exact<{
  input: EndStaffAssignmentInput;
}>;


export type EndStaffAssignmentMutation = { endStaffAssignment: { id: string, endsOn: string | null, current: boolean } };

export type RegisterOwnerCommitteeMutationVariables = Exact<{
  input: RegisterOwnerCommitteeInput;
}>;


export type RegisterOwnerCommitteeMutation = { registerOwnerCommittee: { id: string, name: string, status: CommitteeStatus, termStart: string | null, termEnd: string | null, members: Array<{ id: string, role: CommitteeRole, person: { name: string } }> } };

export type UpdateOwnerCommitteeMutationVariables = Exact<{
  input: UpdateOwnerCommitteeInput;
}>;


export type UpdateOwnerCommitteeMutation = { updateOwnerCommittee: { id: string, status: CommitteeStatus, termEnd: string | null } };

export type AddCommitteeMemberMutationVariables = Exact<{
  input: AddCommitteeMemberInput;
}>;


export type AddCommitteeMemberMutation = { addCommitteeMember: { id: string, role: CommitteeRole, person: { name: string } } };

export type RemoveCommitteeMemberMutationVariables = Exact<{
  id: string;
}>;


export type RemoveCommitteeMemberMutation = { removeCommitteeMember: { id: string, members: Array<{ id: string }> } };

export type RecordRenovationProgressMutationVariables = Exact<{
  input: RecordRenovationProgressInput;
}>;


export type RecordRenovationProgressMutation = { recordRenovationProgress: { id: string, progressPercent: number, progress: Array<{ percent: number, note: string | null, recordedBy: string }> } };

export type OpenConsultationMutationVariables = Exact<{
  input: OpenConsultationInput;
}>;


export type OpenConsultationMutation = { openConsultation: { id: string, title: string, status: ConsultationStatus, proposals: Array<{ id: string, question: ProposalQuestion, position: number }> } };

export type CloseConsultationMutationVariables = Exact<{
  id: string;
}>;


export type CloseConsultationMutation = { closeConsultation: { id: string, status: ConsultationStatus } };

export type CastVoteMutationVariables = Exact<{
  input: CastVoteInput;
}>;


export type CastVoteMutation = { castVote: { id: string, myVote: VoteChoice | null, tally: { for: number, against: number, abstain: number, voted: number } } };

export type AddConsultationCommentMutationVariables = Exact<{
  input: AddConsultationCommentInput;
}>;


export type AddConsultationCommentMutation = { addConsultationComment: { id: string, body: string, author: string } };

export type CityPersonsQueryVariables = Exact<{ [key: string]: never; }>;


export type CityPersonsQuery = { city: { districts: Array<{ code: string, persons: { edges: Array<{ node: { name: string, phone: string | null, idNumber: string | null, personalDataVisible: boolean } }> } }> } };

export type DemoFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoFiguresQuery = { district: { treeCounts: { streetOffices: number, communities: number, villages: number, grids: number, oldCompounds: number, selfManagedCompounds: number, ownerCommittees: number, persons: number }, streetOffices: { edges: Array<{ node: { name: string } }> }, toiletSurveySummary: { households: number, toilets: number, repaired: number, restored: number, streetOffices: number }, toiletSurveys: { totalCount: number }, organizations: { totalCount: number }, ownerCommittees: { totalCount: number }, compounds: { totalCount: number }, villages: { totalCount: number, edges: Array<{ node: { name: string, projects: Array<{ measure: string, target: number, note: string | null }> } }> }, renovationProjects: { edges: Array<{ node: { investment: number, progressPercent: number, bidSections: Array<{ winningAmount: number | null }>, compounds: Array<{ id: string, buildingCount: number, householdCount: number }> } }> } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { subject: string, role: Role, district: { id: string, code: string, name: string, city: { name: string } } | null, city: { code: string, name: string }, account: { displayName: string, role: Role } | null } };

export type PatrolFieldsFragment = { id: string, kind: PatrolKind, at: string, place: string | null, observation: string, recordedBy: string, recordedAt: string, grid: { id: string }, household: { id: string } | null, compound: { id: string } | null, building: { id: string } | null, raisedCase: { id: string } | null };

export type RecordPatrolMutationVariables = Exact<{
  input: RecordPatrolInput;
}>;


export type RecordPatrolMutation = { recordPatrol: { id: string, kind: PatrolKind, at: string, place: string | null, observation: string, recordedBy: string, recordedAt: string, grid: { id: string }, household: { id: string } | null, compound: { id: string } | null, building: { id: string } | null, raisedCase: { id: string } | null } };

export type PatrolRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  gridId?: string | null | undefined;
  communityId?: string | null | undefined;
  streetOfficeId?: string | null | undefined;
  recordedBy?: string | null | undefined;
  kind?: PatrolKind | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type PatrolRecordsQuery = { patrolRecords: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, kind: PatrolKind, at: string, place: string | null, observation: string, recordedBy: string, recordedAt: string, grid: { id: string }, household: { id: string } | null, compound: { id: string } | null, building: { id: string } | null, raisedCase: { id: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PatrolCoverageQueryVariables = Exact<{
  level: UnitLevel;
  from: string;
  to: string;
}>;


export type PatrolCoverageQuery = { patrolCoverage: Array<{ level: UnitLevel, unitId: string, name: string, days: number, patrols: number, patrolDays: number, visits: number, householdsVisited: number, households: number, householdCoverage: number | null, patrolDayShare: number }> };

export type RewardPenaltyFieldsFragment = { id: string, unitLevel: RewardUnitLevel, unitId: string, points: number, reason: string, awardedOn: string, recordedBy: string, recordedAt: string };

export type RecordRewardPenaltyMutationVariables = Exact<{
  input: RecordRewardPenaltyInput;
}>;


export type RecordRewardPenaltyMutation = { recordRewardPenalty: { id: string, unitLevel: RewardUnitLevel, unitId: string, points: number, reason: string, awardedOn: string, recordedBy: string, recordedAt: string } };

export type RewardPenaltiesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unitLevel?: RewardUnitLevel | null | undefined;
  unitId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type RewardPenaltiesQuery = { rewardPenalties: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, unitLevel: RewardUnitLevel, unitId: string, points: number, reason: string, awardedOn: string, recordedBy: string, recordedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type GridWorkNodeQueryVariables = Exact<{
  id: string;
}>;


export type GridWorkNodeQuery = { node:
    | { __typename: 'AccountabilityRecord', id: string }
    | { __typename: 'BidSection', id: string }
    | { __typename: 'Building', id: string }
    | { __typename: 'BuildingUnit', id: string }
    | { __typename: 'Case', id: string }
    | { __typename: 'CaseAssignment', id: string }
    | { __typename: 'CaseCategory', id: string }
    | { __typename: 'CaseRequest', id: string }
    | { __typename: 'CaseUnitEngagement', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'CommitteeMember', id: string }
    | { __typename: 'Community', id: string }
    | { __typename: 'Compound', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'ConsultationComment', id: string }
    | { __typename: 'Department', id: string }
    | { __typename: 'District', id: string }
    | { __typename: 'Grid', id: string }
    | { __typename: 'Household', id: string }
    | { __typename: 'JointCommitteeUnit', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'OwnerCommittee', id: string }
    | { __typename: 'PatrolRecord', kind: PatrolKind, id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'Proposal', id: string }
    | { __typename: 'RenovationProgress', id: string }
    | { __typename: 'RenovationProject', id: string }
    | { __typename: 'RewardPenalty', points: number, id: string }
    | { __typename: 'StaffAccount', id: string }
    | { __typename: 'StaffAssignment', id: string }
    | { __typename: 'StreetOffice', id: string }
    | { __typename: 'Supervision', id: string }
    | { __typename: 'Target', id: string }
    | { __typename: 'TargetProgress', id: string }
    | { __typename: 'ToiletSurvey', id: string }
    | { __typename: 'Village', id: string }
    | { __typename: 'VillageProject', id: string }
   | null };

export type GridWorkScoreboardQueryVariables = Exact<{
  level: UnitLevel;
  from: string;
  to: string;
}>;


export type GridWorkScoreboardQuery = { scoreboard: { formulaVersion: number, rows: Array<{ rank: number | null, score: number | null, points: number | null, accountability: number | null, patrol: { days: number, patrolDays: number, householdsVisited: number, households: number, householdCoverage: number | null, patrolDayShare: number } | null, measures: { unitId: string, received: number, proactiveShare: number | null, onTimeCompletionRate: number | null, satisfactionRate: number | null, effectiveCallbackRate: number | null, responseRate: number | null, supervisions: number, breaches: number, returns: number } }> } };

export type FormulaFieldsFragment = { version: number, note: string | null, rewardsPenalties: number, weights: { onTimeCompletionRate: number, satisfactionRate: number, effectiveCallbackRate: number, responseRate: number }, penalties: { supervision: number, breach: number, return: number, accountability: number }, bonus: { proactive: number, patrolCoverage: number, patrolDays: number } };

export type ScoreFormulaTermsQueryVariables = Exact<{ [key: string]: never; }>;


export type ScoreFormulaTermsQuery = { scoreFormula: { version: number, note: string | null, rewardsPenalties: number, weights: { onTimeCompletionRate: number, satisfactionRate: number, effectiveCallbackRate: number, responseRate: number }, penalties: { supervision: number, breach: number, return: number, accountability: number }, bonus: { proactive: number, patrolCoverage: number, patrolDays: number } } };

export type SetScoreFormulaTermsMutationVariables = Exact<{
  input: ScoreFormulaInput;
}>;


export type SetScoreFormulaTermsMutation = { setScoreFormula: { version: number, note: string | null, rewardsPenalties: number, weights: { onTimeCompletionRate: number, satisfactionRate: number, effectiveCallbackRate: number, responseRate: number }, penalties: { supervision: number, breach: number, return: number, accountability: number }, bonus: { proactive: number, patrolCoverage: number, patrolDays: number } } };

export type TargetFieldsFragment = { id: string, code: string, name: string, programme: TargetProgramme, unit: string, targetValue: number | null, baseline: number, year: number, dueOn: string | null, notes: string | null, achieved: number, share: number | null, department: { code: string } | null };

export type TargetsQueryVariables = Exact<{
  programme?: TargetProgramme | null | undefined;
  year?: number | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TargetsQuery = { district: { targets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, code: string, name: string, programme: TargetProgramme, unit: string, targetValue: number | null, baseline: number, year: number, dueOn: string | null, notes: string | null, achieved: number, share: number | null, progress: Array<{ id: string, amount: number, recordedOn: string, note: string | null }>, department: { code: string } | null } }> } } };

export type TargetsWithRecordersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type TargetsWithRecordersQuery = { district: { targets: { edges: Array<{ node: { code: string, achieved: number, share: number | null, department: { name: string } | null, progress: Array<{ amount: number, recordedBy: string, target: { code: string } }> } }> } } };

export type TargetSummaryQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type TargetSummaryQuery = { district: { targetSummary: Array<{ programme: TargetProgramme, targets: number, met: number, behind: number, averageShare: number | null }> } };

export type TargetNodeQueryVariables = Exact<{
  id: string;
}>;


export type TargetNodeQuery = { node:
    | { __typename: 'AccountabilityRecord', id: string }
    | { __typename: 'BidSection', id: string }
    | { __typename: 'Building', id: string }
    | { __typename: 'BuildingUnit', id: string }
    | { __typename: 'Case', id: string }
    | { __typename: 'CaseAssignment', id: string }
    | { __typename: 'CaseCategory', id: string }
    | { __typename: 'CaseRequest', id: string }
    | { __typename: 'CaseUnitEngagement', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'CommitteeMember', id: string }
    | { __typename: 'Community', id: string }
    | { __typename: 'Compound', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'ConsultationComment', id: string }
    | { __typename: 'Department', id: string }
    | { __typename: 'District', id: string }
    | { __typename: 'Grid', id: string }
    | { __typename: 'Household', id: string }
    | { __typename: 'JointCommitteeUnit', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'OwnerCommittee', id: string }
    | { __typename: 'PatrolRecord', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'Proposal', id: string }
    | { __typename: 'RenovationProgress', id: string }
    | { __typename: 'RenovationProject', id: string }
    | { __typename: 'RewardPenalty', id: string }
    | { __typename: 'StaffAccount', id: string }
    | { __typename: 'StaffAssignment', id: string }
    | { __typename: 'StreetOffice', id: string }
    | { __typename: 'Supervision', id: string }
    | { __typename: 'Target', code: string, achieved: number, share: number | null, id: string }
    | { __typename: 'TargetProgress', amount: number, recordedOn: string, id: string, target: { code: string } }
    | { __typename: 'ToiletSurvey', id: string }
    | { __typename: 'Village', id: string }
    | { __typename: 'VillageProject', id: string }
   | null };

export type CreateTargetMutationVariables = Exact<{
  input: CreateTargetInput;
}>;


export type CreateTargetMutation = { createTarget: { id: string, code: string, name: string, programme: TargetProgramme, unit: string, targetValue: number | null, baseline: number, year: number, dueOn: string | null, notes: string | null, achieved: number, share: number | null, department: { code: string } | null } };

export type UpdateTargetMutationVariables = Exact<{
  input: UpdateTargetInput;
}>;


export type UpdateTargetMutation = { updateTarget: { id: string, code: string, name: string, programme: TargetProgramme, unit: string, targetValue: number | null, baseline: number, year: number, dueOn: string | null, notes: string | null, achieved: number, share: number | null, department: { code: string } | null } };

export type RecordTargetProgressMutationVariables = Exact<{
  input: RecordTargetProgressInput;
}>;


export type RecordTargetProgressMutation = { recordTargetProgress: { id: string, code: string, name: string, programme: TargetProgramme, unit: string, targetValue: number | null, baseline: number, year: number, dueOn: string | null, notes: string | null, achieved: number, share: number | null, progress: Array<{ id: string, amount: number, recordedOn: string, note: string | null, recordedBy: string }>, department: { code: string } | null } };

export type MyDistrictQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type MyDistrictQuery = { district: { id: string, code: string, name: string, kind: DistrictKind, city: { id: string, code: string, name: string }, departments: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, code: string, name: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } } };

export type MyDistrictStaffQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyDistrictStaffQuery = { district: { staffAccounts: { totalCount: number, edges: Array<{ node: { id: string, subject: string, displayName: string, role: Role, department: { code: string } | null, district: { code: string } } }> } } };

export type MyCityQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCityQuery = { city: { id: string, code: string, name: string, districts: Array<{ id: string, code: string, name: string, kind: DistrictKind, departments: { totalCount: number } }> } };

export type NodeByIdQueryVariables = Exact<{
  id: string;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'AccountabilityRecord', id: string }
    | { __typename: 'BidSection', id: string }
    | { __typename: 'Building', id: string }
    | { __typename: 'BuildingUnit', id: string }
    | { __typename: 'Case', id: string }
    | { __typename: 'CaseAssignment', id: string }
    | { __typename: 'CaseCategory', id: string }
    | { __typename: 'CaseRequest', id: string }
    | { __typename: 'CaseUnitEngagement', id: string }
    | { __typename: 'City', code: string, id: string }
    | { __typename: 'CommitteeMember', id: string }
    | { __typename: 'Community', id: string }
    | { __typename: 'Compound', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'ConsultationComment', id: string }
    | { __typename: 'Department', code: string, name: string, id: string, district: { code: string } }
    | { __typename: 'District', code: string, name: string, id: string }
    | { __typename: 'Grid', id: string }
    | { __typename: 'Household', id: string }
    | { __typename: 'JointCommitteeUnit', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'OwnerCommittee', id: string }
    | { __typename: 'PatrolRecord', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'Proposal', id: string }
    | { __typename: 'RenovationProgress', id: string }
    | { __typename: 'RenovationProject', id: string }
    | { __typename: 'RewardPenalty', id: string }
    | { __typename: 'StaffAccount', subject: string, id: string }
    | { __typename: 'StaffAssignment', id: string }
    | { __typename: 'StreetOffice', id: string }
    | { __typename: 'Supervision', id: string }
    | { __typename: 'Target', id: string }
    | { __typename: 'TargetProgress', id: string }
    | { __typename: 'ToiletSurvey', id: string }
    | { __typename: 'Village', id: string }
    | { __typename: 'VillageProject', id: string }
   | null };

export const AccountabilityFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountabilityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccountabilityRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitLevel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"failing"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"sanction"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AccountabilityFieldsFragment, unknown>;
export const ReadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalDataRead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"operationName"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"reader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ReadFieldsFragment, unknown>;
export const CaseFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CaseFieldsFragment, unknown>;
export const PatrolFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatrolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatrolRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"observation"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"building"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raisedCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PatrolFieldsFragment, unknown>;
export const RewardPenaltyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RewardPenaltyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RewardPenalty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitLevel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"awardedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]} as unknown as DocumentNode<RewardPenaltyFieldsFragment, unknown>;
export const FormulaFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormulaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreFormula"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onTimeCompletionRate"}},{"kind":"Field","name":{"kind":"Name","value":"satisfactionRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveCallbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"responseRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"penalties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supervision"}},{"kind":"Field","name":{"kind":"Name","value":"breach"}},{"kind":"Field","name":{"kind":"Name","value":"return"}},{"kind":"Field","name":{"kind":"Name","value":"accountability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bonus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"patrolCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"patrolDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rewardsPenalties"}}]}}]} as unknown as DocumentNode<FormulaFieldsFragment, unknown>;
export const TargetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TargetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Target"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programme"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"targetValue"}},{"kind":"Field","name":{"kind":"Name","value":"baseline"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<TargetFieldsFragment, unknown>;
export const RecordAccountabilityDocument = {"__meta__":{"hash":"sha256:f4a9f0a94ad3b88be35259681da85ee3612134f10cae60b5cc4d5e7f7517ea46"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordAccountability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordAccountabilityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordAccountability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountabilityFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountabilityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccountabilityRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitLevel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"failing"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"sanction"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordAccountabilityMutation, RecordAccountabilityMutationVariables>;
export const AccountabilityRecordsDocument = {"__meta__":{"hash":"sha256:dfe14bb817b868b442a953200c727c2e909574192a4d8879bfb3becd0e78027a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountabilityRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"failing"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HandlingFailing"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountabilityRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"failing"},"value":{"kind":"Variable","name":{"kind":"Name","value":"failing"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountabilityFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountabilityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccountabilityRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitLevel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"failing"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"sanction"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AccountabilityRecordsQuery, AccountabilityRecordsQueryVariables>;
export const AccountabilityCountsDocument = {"__meta__":{"hash":"sha256:1fd29495a0b576baa835acb45755a9eba2337823eb9de8414ff9fe6f938a8009"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountabilityCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountableUnitLevel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountabilityCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitLevel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"irregularHandling"}},{"kind":"Field","name":{"kind":"Name","value":"weakResolution"}},{"kind":"Field","name":{"kind":"Name","value":"lowSatisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"inaction"}},{"kind":"Field","name":{"kind":"Name","value":"misconduct"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<AccountabilityCountsQuery, AccountabilityCountsQueryVariables>;
export const CaseAccountabilityDocument = {"__meta__":{"hash":"sha256:88666eee99720286dde8cea70f337b9ebed0f512d9a0bc29e0153ce3942368b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseAccountability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supervisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"failing"}},{"kind":"Field","name":{"kind":"Name","value":"sanction"}}]}}]}}]}}]} as unknown as DocumentNode<CaseAccountabilityQuery, CaseAccountabilityQueryVariables>;
export const PersonalDataReadsDocument = {"__meta__":{"hash":"sha256:bb3b3bb09598f04a4d602e8597ab5a990e5a5c9a30360b6c3685162ec43cf500"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonalDataReads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"readerSubject"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordKind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalRecordKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalDataReads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"readerSubject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"readerSubject"}}},{"kind":"Argument","name":{"kind":"Name","value":"recordKind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordKind"}}},{"kind":"Argument","name":{"kind":"Name","value":"recordId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReadFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalDataRead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"operationName"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"reader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<PersonalDataReadsQuery, PersonalDataReadsQueryVariables>;
export const WhoReadMyDataDocument = {"__meta__":{"hash":"sha256:25cf1454f152e954dad06c4532576b19eafb890154499aba8b5553d1106590b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhoReadMyData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"whoReadMyData"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReadFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalDataRead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"operationName"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"reader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<WhoReadMyDataQuery, WhoReadMyDataQueryVariables>;
export const LookUpPersonDocument = {"__meta__":{"hash":"sha256:e9d137c1ac1a9f1f058c6a476ac37af270b23049c83ffa00c92bbf8df641c26a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LookUpPerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"personalDataVisible"}}]}}]}}]}}]} as unknown as DocumentNode<LookUpPersonQuery, LookUpPersonQueryVariables>;
export const LookUpComplainantDocument = {"__meta__":{"hash":"sha256:8ca239752094b4aac030ef89c0a3c986bb44ca13a30173b47dea0883061f7c8c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LookUpComplainant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}}]}}]}}]} as unknown as DocumentNode<LookUpComplainantQuery, LookUpComplainantQueryVariables>;
export const PersonAndMyVoteDocument = {"__meta__":{"hash":"sha256:470e6ac5f5803454150af6f133b54a6063f7b7a84622fb953921b1eba7683a01"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonAndMyVote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"person"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consultation"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"person"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"person"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"consultation"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consultation"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consultation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myVote"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonAndMyVoteQuery, PersonAndMyVoteQueryVariables>;
export const ComplainantsLiveDocument = {"__meta__":{"hash":"sha256:a1eb4bb11c7ea3ba95e08f98e74dc21aa27e7d62a014eb11648547df128a992c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ComplainantsLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseCreated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ComplainantsLiveSubscription, ComplainantsLiveSubscriptionVariables>;
export const CreateCaseDocument = {"__meta__":{"hash":"sha256:78703cdab380118ff8fad247609b277a8d0332548c3282ed35cc58e3662f5d1f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCaseMutation, CreateCaseMutationVariables>;
export const ReplyToCaseDocument = {"__meta__":{"hash":"sha256:c371abdb2e97d931d34446b43650dac1eeba11c5a2822554de6e68b29a4af556"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplyToCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyToCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ReplyToCaseMutation, ReplyToCaseMutationVariables>;
export const TakeCaseLeadDocument = {"__meta__":{"hash":"sha256:1b735756f37ac2d938f685ec24805695e4a9c0babeeeed11263f7e4bc767c0dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeCaseLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"takeCaseLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TakeCaseLeadMutation, TakeCaseLeadMutationVariables>;
export const ReferCaseToStreetDocument = {"__meta__":{"hash":"sha256:8b14ed507fce6a7fa2794929606069ea1c9d66217a978776431fc272dc41c866"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReferCaseToStreet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referCaseToStreet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ReferCaseToStreetMutation, ReferCaseToStreetMutationVariables>;
export const ReferCaseToCommandCenterDocument = {"__meta__":{"hash":"sha256:749c230e4c8820a71bc90ede06398ac8974497d12895b5512116ccd266867f8d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReferCaseToCommandCenter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referCaseToCommandCenter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ReferCaseToCommandCenterMutation, ReferCaseToCommandCenterMutationVariables>;
export const AssignCaseDocument = {"__meta__":{"hash":"sha256:2fca496c842c7c171ba087b3943a614f92386615c2666fb9e39d91a90c3569f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<AssignCaseMutation, AssignCaseMutationVariables>;
export const ReportCaseProgressDocument = {"__meta__":{"hash":"sha256:6196b6dcbc9f9dae2ee89910b99dd636ff0b600190b812541e4cbe1b4559ac6a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportCaseProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportProgressInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCaseProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ReportCaseProgressMutation, ReportCaseProgressMutationVariables>;
export const ResolveCaseDocument = {"__meta__":{"hash":"sha256:0789076bc85e5333a8fed9d32fac4a6c694e967d724fbabdf16f6d809eccc0f1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveCaseMutation, ResolveCaseMutationVariables>;
export const RequestCaseReturnDocument = {"__meta__":{"hash":"sha256:9ebb4e5c928ec9c02f4dea619368b2394e4a7379f98b7c143d9146ec097cf00d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestCaseReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCaseReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RequestCaseReturnMutation, RequestCaseReturnMutationVariables>;
export const RuleOnCaseReturnDocument = {"__meta__":{"hash":"sha256:8e493fe8468f7349ef40a76aa2fa3cf64013874840cbec4ba6464061e3937363"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RuleOnCaseReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RulingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleOnCaseReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RuleOnCaseReturnMutation, RuleOnCaseReturnMutationVariables>;
export const RequestCaseExtensionDocument = {"__meta__":{"hash":"sha256:f2f7798ebdcc31e2961fbc684b342f20d8b8757c40151c1049f31fc2defd8eeb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestCaseExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExtensionRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCaseExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RequestCaseExtensionMutation, RequestCaseExtensionMutationVariables>;
export const RuleOnCaseExtensionDocument = {"__meta__":{"hash":"sha256:1ad9d73e30f942b25160340e1bd57e605e5b34651f66412eeaacc0055ad13efd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RuleOnCaseExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RulingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleOnCaseExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RuleOnCaseExtensionMutation, RuleOnCaseExtensionMutationVariables>;
export const RecordCallbackDocument = {"__meta__":{"hash":"sha256:bc37897ce74227f1e7ff6513ff00028c963da0b96a087bffd96ec28bf2cfae6a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCallback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCallback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCallbackMutation, RecordCallbackMutationVariables>;
export const EscalateCaseDocument = {"__meta__":{"hash":"sha256:3d805d14e81706a280102e9a4531f52d865773e30660431dd5e977efcfaa0300"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EscalateCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"escalateCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<EscalateCaseMutation, EscalateCaseMutationVariables>;
export const SuperviseCaseDocument = {"__meta__":{"hash":"sha256:8d22246499bcfcdd779850413c4d374e25825fdc7fb7277217e051436a25c619"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuperviseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"superviseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SuperviseCaseMutation, SuperviseCaseMutationVariables>;
export const ConcludeSupervisionDocument = {"__meta__":{"hash":"sha256:c8f533a4b019d6c4682d343e6d1e2d68e195ac57abaa2a4907ceaaa8631fc83f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConcludeSupervision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concludeSupervision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}},{"kind":"Field","name":{"kind":"Name","value":"supervisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ConcludeSupervisionMutation, ConcludeSupervisionMutationVariables>;
export const UpdateCaseSettingsDocument = {"__meta__":{"hash":"sha256:ca543f2a2f17570264a615caa1ce0550d7ffd17c4f546ffab78e71757ee8cd3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCaseSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCaseSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxReturns"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDays"}}]}}]}}]} as unknown as DocumentNode<UpdateCaseSettingsMutation, UpdateCaseSettingsMutationVariables>;
export const CaseDetailDocument = {"__meta__":{"hash":"sha256:66a1c54600e90267c4857aef1eccca1310312df7be1fad870ff2c566a16b288e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replyDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnCount"}},{"kind":"Field","name":{"kind":"Name","value":"redoCount"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"callbackReached"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CaseDetailQuery, CaseDetailQueryVariables>;
export const CasesDocument = {"__meta__":{"hash":"sha256:76059ae78e84707596557148504e27e7c430747071363fee9fa9737e5001798d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Cases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseChannel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supervised"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"escalated"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gridId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"Argument","name":{"kind":"Name","value":"supervised"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supervised"}}},{"kind":"Argument","name":{"kind":"Name","value":"escalated"},"value":{"kind":"Variable","name":{"kind":"Name","value":"escalated"}}},{"kind":"Argument","name":{"kind":"Name","value":"gridId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gridId"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"complainant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"visible"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CasesQuery, CasesQueryVariables>;
export const CaseEventsDocument = {"__meta__":{"hash":"sha256:ba399c17d7a8ff0a7f4405806ec84b156fe2046b0c87b53baff2b4f8f69844b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CaseEventsQuery, CaseEventsQueryVariables>;
export const CaseCreatedDocument = {"__meta__":{"hash":"sha256:c7515131398eeb9bff01543d35f885c4f7714dfab99c47ae40b1caf62032571c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseCreated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseCreated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CaseCreatedSubscription, CaseCreatedSubscriptionVariables>;
export const CaseUpdatedDocument = {"__meta__":{"hash":"sha256:da479f9da3a96519825acf758130285431cc524534fdfe208ac3928d6a6cd416"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CaseUpdatedSubscription, CaseUpdatedSubscriptionVariables>;
export const CaseDeadlineDocument = {"__meta__":{"hash":"sha256:9dcc4f1d64c301454d979cab518e4e5e5417678636132b7a782fde3a13acdabf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseDeadline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseDeadline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CaseDeadlineSubscription, CaseDeadlineSubscriptionVariables>;
export const CaseLimitsDocument = {"__meta__":{"hash":"sha256:22cfe9cc0baac7a591cc4d4e3825d5954013ec05554a9392002c850356ae3330"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyHours"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxReturns"}},{"kind":"Field","name":{"kind":"Name","value":"warningMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"calendarDays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<CaseLimitsQuery, CaseLimitsQueryVariables>;
export const SetCategoryResolutionDaysDocument = {"__meta__":{"hash":"sha256:3e84e30ea619daff8f542842101de034a705bf9c43ec6e94cc457f2107bec071"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCategoryResolutionDays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCategoryResolutionDays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDays"}}]}}]}}]} as unknown as DocumentNode<SetCategoryResolutionDaysMutation, SetCategoryResolutionDaysMutationVariables>;
export const SetCalendarDaysDocument = {"__meta__":{"hash":"sha256:feae4252f7b8eab0601b1209a2e4abc2aec85422f6f89a1e71eab5fd9a6449ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCalendarDays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CalendarDayInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCalendarDays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<SetCalendarDaysMutation, SetCalendarDaysMutationVariables>;
export const CreateDepartmentDocument = {"__meta__":{"hash":"sha256:11fa6874d43f3849d3e8c5af5075cfc50705cbaa2b73026a979f2464276cb2b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDepartmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDepartment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateDepartmentMutation, CreateDepartmentMutationVariables>;
export const RenameDepartmentDocument = {"__meta__":{"hash":"sha256:5c22eec4ca2f599bd7fba0f6a3ce4fff136ecd657264a50a3a42641db043e5ce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenameDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RenameDepartmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renameDepartment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RenameDepartmentMutation, RenameDepartmentMutationVariables>;
export const DepartmentChangedDocument = {"__meta__":{"hash":"sha256:753fe28a20ccbca6caaf11dee74aeb3ff9fb0dbef1e65d95b8c60917419abda3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DepartmentChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepartmentChangedSubscription, DepartmentChangedSubscriptionVariables>;
export const TreeCountsDocument = {"__meta__":{"hash":"sha256:07029378f68ed9d7c8661e44af6eeb344d5fe57cb69b96bc80b90aabdff17c54"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TreeCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"treeCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"streetOffices"}},{"kind":"Field","name":{"kind":"Name","value":"communities"}},{"kind":"Field","name":{"kind":"Name","value":"villages"}},{"kind":"Field","name":{"kind":"Name","value":"grids"}},{"kind":"Field","name":{"kind":"Name","value":"compounds"}},{"kind":"Field","name":{"kind":"Name","value":"oldCompounds"}},{"kind":"Field","name":{"kind":"Name","value":"selfManagedCompounds"}},{"kind":"Field","name":{"kind":"Name","value":"ownerCommittees"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"persons"}}]}}]}}]}}]} as unknown as DocumentNode<TreeCountsQuery, TreeCountsQueryVariables>;
export const StreetOfficesDocument = {"__meta__":{"hash":"sha256:2bcd157ab169990a95f8da3c5d3b2208f6cc8160ca803394fa094f27dc4dc845"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StreetOffices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TreeOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"streetOffices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StreetOfficesQuery, StreetOfficesQueryVariables>;
export const CommunitiesDocument = {"__meta__":{"hash":"sha256:40770a5d180cd42fddceaab36be9660d8baf8cad1c458106a3b4dd30962e75db"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Communities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"streetOfficeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CommunityKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"streetOfficeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"streetOfficeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommunitiesQuery, CommunitiesQueryVariables>;
export const GridsDocument = {"__meta__":{"hash":"sha256:564265b750908e10dbd6fcb15f390c3344418715a7924e79516b180c37487b60"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Grids"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"streetOfficeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"communityId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GridKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"linesOfWork"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LineOfWork"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRetired"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TreeOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grids"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"streetOfficeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"streetOfficeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"communityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"communityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"linesOfWork"},"value":{"kind":"Variable","name":{"kind":"Name","value":"linesOfWork"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRetired"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRetired"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"linesOfWork"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GridsQuery, GridsQueryVariables>;
export const TreeWalkDocument = {"__meta__":{"hash":"sha256:3b8169939793be78bc7a1f37c313c86b255da18effa69533ef33a7c1ee2ec877"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TreeWalk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"streetOffices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"communities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TreeWalkQuery, TreeWalkQueryVariables>;
export const CompoundDetailDocument = {"__meta__":{"hash":"sha256:d795c2b9e5f218ca964cae18b1706ab49e67a3e9124040fae5adfa1d256bc66e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompoundDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Compound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"yearBuilt"}},{"kind":"Field","name":{"kind":"Name","value":"isOld"}},{"kind":"Field","name":{"kind":"Name","value":"selfManaged"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"buildings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"households"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ownerCommittee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"renovationProjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompoundDetailQuery, CompoundDetailQueryVariables>;
export const CompoundsDocument = {"__meta__":{"hash":"sha256:f5a7b45ebf5c9b75aa6feb12a029fb283b965c73891dbc3f3c6c08a67690f207"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Compounds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isOld"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"selfManaged"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"streetOfficeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compounds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"isOld"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isOld"}}},{"kind":"Argument","name":{"kind":"Name","value":"selfManaged"},"value":{"kind":"Variable","name":{"kind":"Name","value":"selfManaged"}}},{"kind":"Argument","name":{"kind":"Name","value":"streetOfficeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"streetOfficeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompoundsQuery, CompoundsQueryVariables>;
export const PersonsDocument = {"__meta__":{"hash":"sha256:ca682850257d5e605106b5fe1de08556f75483b38a5de71011da1981b0032d41"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Persons"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gridId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tags"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonTag"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"persons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"gridId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gridId"}}},{"kind":"Argument","name":{"kind":"Name","value":"tags"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tags"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"personalDataVisible"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonsQuery, PersonsQueryVariables>;
export const GridPeopleDocument = {"__meta__":{"hash":"sha256:46073b2148f395d58b8b94bafad3c9c540d4cce198adfe72ea5d6866b04ac257"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GridPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"residents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"personalDataVisible"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeEnded"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GridPeopleQuery, GridPeopleQueryVariables>;
export const MyPersonDocument = {"__meta__":{"hash":"sha256:4727b0da61987366385644263cefd05c7a5bc8826b511b1abc0de9c7ea651af0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"personalDataVisible"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyPersonQuery, MyPersonQueryVariables>;
export const NodeTypeDocument = {"__meta__":{"hash":"sha256:bb4a43b99d874b075602cf17731f0c2e0e6c1f5d721b45ac890cb6b632b0c950"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NodeTypeQuery, NodeTypeQueryVariables>;
export const VillagesAndRenovationDocument = {"__meta__":{"hash":"sha256:de0a66ba34c92d89e49601abe9373bf3d06e39424dc6c7f8342c79582a150ba5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillagesAndRenovation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"villages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"featuredIndustry"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"renovationProjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"investment"}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"plannedCompletion"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compounds"}},{"kind":"Field","name":{"kind":"Name","value":"buildings"}},{"kind":"Field","name":{"kind":"Name","value":"households"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bidSections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"winningAmount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"toiletSurveySummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"toilets"}},{"kind":"Field","name":{"kind":"Name","value":"repaired"}},{"kind":"Field","name":{"kind":"Name","value":"restored"}},{"kind":"Field","name":{"kind":"Name","value":"streetOffices"}}]}}]}}]}}]} as unknown as DocumentNode<VillagesAndRenovationQuery, VillagesAndRenovationQueryVariables>;
export const OwnerCommitteesDocument = {"__meta__":{"hash":"sha256:be6df0de8033e15cda13160b7d15c523aed89f11c25d11f170e749b711e35fba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnerCommittees"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CommitteeStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ownerCommittees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"compound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OwnerCommitteesQuery, OwnerCommitteesQueryVariables>;
export const ConsultationsDocument = {"__meta__":{"hash":"sha256:4c58a993932c6f3cd19f25f840ee821c52b7fc2629a32d7f24693978a78f0d35"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Consultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"proposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tally"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"for"}},{"kind":"Field","name":{"kind":"Name","value":"against"}},{"kind":"Field","name":{"kind":"Name","value":"abstain"}},{"kind":"Field","name":{"kind":"Name","value":"voted"}},{"kind":"Field","name":{"kind":"Name","value":"households"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"author"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsultationsQuery, ConsultationsQueryVariables>;
export const MyVotesDocument = {"__meta__":{"hash":"sha256:34c503d10a8e9a572b8c9a0b01f74c78ba1068a47e0a8c147579105926c4a0f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyVotes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Proposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myVote"}},{"kind":"Field","name":{"kind":"Name","value":"tally"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"for"}},{"kind":"Field","name":{"kind":"Name","value":"against"}},{"kind":"Field","name":{"kind":"Name","value":"voted"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyVotesQuery, MyVotesQueryVariables>;
export const CreateGridDocument = {"__meta__":{"hash":"sha256:c107e99f0e14823bf2743e29052498c27a9f527a0aa56f74b277c13b842c1813"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGrid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGridInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGrid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"linesOfWork"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateGridMutation, CreateGridMutationVariables>;
export const UpdateGridDocument = {"__meta__":{"hash":"sha256:27b3bc3fa1871898c3b220cb4298f94b05dd0491bd7c22ef20977bd409fb9750"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGrid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateGridInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGrid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"linesOfWork"}}]}}]}}]} as unknown as DocumentNode<UpdateGridMutation, UpdateGridMutationVariables>;
export const RetireGridDocument = {"__meta__":{"hash":"sha256:f0ba76b9f7f79e29649f0c0335523e16d913efb4188d865bf1a16f6add4309a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetireGrid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetireGridInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retireGrid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"retiredReason"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeEnded"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]}}]} as unknown as DocumentNode<RetireGridMutation, RetireGridMutationVariables>;
export const AssignStaffDocument = {"__meta__":{"hash":"sha256:c7947739336204b91981fbaa9117737eb7cf4c5abf5e5e83874616f4b5f491fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignStaffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"building"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]} as unknown as DocumentNode<AssignStaffMutation, AssignStaffMutationVariables>;
export const EndStaffAssignmentDocument = {"__meta__":{"hash":"sha256:c51ee2cf7579a10a8ae84fb86045637c6505c2e0e348a8108d328e6c65d0ad67"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndStaffAssignment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndStaffAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endStaffAssignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]}}]} as unknown as DocumentNode<EndStaffAssignmentMutation, EndStaffAssignmentMutationVariables>;
export const RegisterOwnerCommitteeDocument = {"__meta__":{"hash":"sha256:2d7822dc273f1075d01fd9326f634726b87c950d3af7489721fbba8023f128d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterOwnerCommittee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterOwnerCommitteeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerOwnerCommittee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"termStart"}},{"kind":"Field","name":{"kind":"Name","value":"termEnd"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegisterOwnerCommitteeMutation, RegisterOwnerCommitteeMutationVariables>;
export const UpdateOwnerCommitteeDocument = {"__meta__":{"hash":"sha256:62df3ae128d82a520947160a6c0f46f3e21ec4e5dd9fc4db3026b763c459550d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOwnerCommittee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOwnerCommitteeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOwnerCommittee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"termEnd"}}]}}]}}]} as unknown as DocumentNode<UpdateOwnerCommitteeMutation, UpdateOwnerCommitteeMutationVariables>;
export const AddCommitteeMemberDocument = {"__meta__":{"hash":"sha256:5ed11c2d3593eaa080aeeee57adf2588351ddeefc01d899220c05f4b817f9f66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCommitteeMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCommitteeMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCommitteeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AddCommitteeMemberMutation, AddCommitteeMemberMutationVariables>;
export const RemoveCommitteeMemberDocument = {"__meta__":{"hash":"sha256:077ac9d094fd2ac3f7fa558cb3f67ec0904b4ffb907a86f8cddf1c70f39138b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveCommitteeMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeCommitteeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveCommitteeMemberMutation, RemoveCommitteeMemberMutationVariables>;
export const RecordRenovationProgressDocument = {"__meta__":{"hash":"sha256:5c1542e379b939184dff38a68f4ff9c12225140122be7d01d744026b0b7619e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordRenovationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordRenovationProgressInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordRenovationProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}}]}}]}}]}}]} as unknown as DocumentNode<RecordRenovationProgressMutation, RecordRenovationProgressMutationVariables>;
export const OpenConsultationDocument = {"__meta__":{"hash":"sha256:445390562dbcb45e3d4b94a05a9fd2acd2cbfcb0365ab407acc2424b14ab5d9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenConsultation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenConsultationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openConsultation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"proposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]}}]} as unknown as DocumentNode<OpenConsultationMutation, OpenConsultationMutationVariables>;
export const CloseConsultationDocument = {"__meta__":{"hash":"sha256:2980dc304a86e90c8646a89e969e992f42e7ebd7e9788b84040f4cd35247b273"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseConsultation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeConsultation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CloseConsultationMutation, CloseConsultationMutationVariables>;
export const CastVoteDocument = {"__meta__":{"hash":"sha256:07ae4b4b90025fce08789434e2684f06fce9e76abf7655bd99ca203cc4804d88"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CastVote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CastVoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"castVote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"myVote"}},{"kind":"Field","name":{"kind":"Name","value":"tally"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"for"}},{"kind":"Field","name":{"kind":"Name","value":"against"}},{"kind":"Field","name":{"kind":"Name","value":"abstain"}},{"kind":"Field","name":{"kind":"Name","value":"voted"}}]}}]}}]}}]} as unknown as DocumentNode<CastVoteMutation, CastVoteMutationVariables>;
export const AddConsultationCommentDocument = {"__meta__":{"hash":"sha256:c45b29e466d99b1899a04e63866c6af018d5901287f1d09a38a752f2f9b884f8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddConsultationComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddConsultationCommentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addConsultationComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"author"}}]}}]}}]} as unknown as DocumentNode<AddConsultationCommentMutation, AddConsultationCommentMutationVariables>;
export const CityPersonsDocument = {"__meta__":{"hash":"sha256:09059845cee8e1438866f9681fbf0d82909b896fdbe0d4274b9185d33e7f609d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CityPersons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"districts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"persons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"personalDataVisible"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CityPersonsQuery, CityPersonsQueryVariables>;
export const DemoFiguresDocument = {"__meta__":{"hash":"sha256:379bd6721267dafd3fed2108f364d054bb1b6b4aefd861aa9beafedee5028629"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoFigures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"treeCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"streetOffices"}},{"kind":"Field","name":{"kind":"Name","value":"communities"}},{"kind":"Field","name":{"kind":"Name","value":"villages"}},{"kind":"Field","name":{"kind":"Name","value":"grids"}},{"kind":"Field","name":{"kind":"Name","value":"oldCompounds"}},{"kind":"Field","name":{"kind":"Name","value":"selfManagedCompounds"}},{"kind":"Field","name":{"kind":"Name","value":"ownerCommittees"}},{"kind":"Field","name":{"kind":"Name","value":"persons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"streetOffices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"toiletSurveySummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"toilets"}},{"kind":"Field","name":{"kind":"Name","value":"repaired"}},{"kind":"Field","name":{"kind":"Name","value":"restored"}},{"kind":"Field","name":{"kind":"Name","value":"streetOffices"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toiletSurveys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"remedy"},"value":{"kind":"EnumValue","value":"repaired"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"school"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ownerCommittees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compounds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"isOld"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"villages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"demonstration"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"renovationProjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"investment"}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"bidSections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"winningAmount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"buildingCount"}},{"kind":"Field","name":{"kind":"Name","value":"householdCount"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoFiguresQuery, DemoFiguresQueryVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:24811b105b8b055858c200045c2337cf7c2f3102b238512a8f185ab1bfad3fe7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const RecordPatrolDocument = {"__meta__":{"hash":"sha256:ff333a1b7ac6fd2434ac84e1d92cdb8eccaccc7f9313cb8ce327d3dd611b31f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPatrol"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPatrolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPatrol"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatrolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatrolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatrolRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"observation"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"building"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raisedCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordPatrolMutation, RecordPatrolMutationVariables>;
export const PatrolRecordsDocument = {"__meta__":{"hash":"sha256:3d4266d2161ba4d7364be5be5574a9dbea895e72f293f8164a3dff9848b1c803"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatrolRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gridId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"communityId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"streetOfficeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordedBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatrolKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patrolRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"gridId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gridId"}}},{"kind":"Argument","name":{"kind":"Name","value":"communityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"communityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"streetOfficeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"streetOfficeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"recordedBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordedBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatrolFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatrolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatrolRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"observation"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"building"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raisedCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PatrolRecordsQuery, PatrolRecordsQueryVariables>;
export const PatrolCoverageDocument = {"__meta__":{"hash":"sha256:0359761075fb72dceecce81464ca056670af0989a364580f6f64f8f5d0f38b4b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatrolCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnitLevel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patrolCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"patrols"}},{"kind":"Field","name":{"kind":"Name","value":"patrolDays"}},{"kind":"Field","name":{"kind":"Name","value":"visits"}},{"kind":"Field","name":{"kind":"Name","value":"householdsVisited"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"householdCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"patrolDayShare"}}]}}]}}]} as unknown as DocumentNode<PatrolCoverageQuery, PatrolCoverageQueryVariables>;
export const RecordRewardPenaltyDocument = {"__meta__":{"hash":"sha256:5739990ded75dcf3358f70d5a827bc7dad904dd0e14dc4d613aab26161e8cee1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordRewardPenalty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordRewardPenaltyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordRewardPenalty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RewardPenaltyFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RewardPenaltyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RewardPenalty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitLevel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"awardedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]} as unknown as DocumentNode<RecordRewardPenaltyMutation, RecordRewardPenaltyMutationVariables>;
export const RewardPenaltiesDocument = {"__meta__":{"hash":"sha256:fb83cd0cf2ae415c7bdd750eade37a6edf630b3245f12eebbf279ce5fb2c15ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RewardPenalties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitLevel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RewardUnitLevel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rewardPenalties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"unitLevel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitLevel"}}},{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RewardPenaltyFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RewardPenaltyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RewardPenalty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitLevel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"awardedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]} as unknown as DocumentNode<RewardPenaltiesQuery, RewardPenaltiesQueryVariables>;
export const GridWorkNodeDocument = {"__meta__":{"hash":"sha256:32d7e334bdd6ca1915d5c890a3974b9f157bc46c68ee0e9b6cf0e1250862e2e0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GridWorkNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatrolRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RewardPenalty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}}]} as unknown as DocumentNode<GridWorkNodeQuery, GridWorkNodeQueryVariables>;
export const GridWorkScoreboardDocument = {"__meta__":{"hash":"sha256:079922c3d5278d289bc19b70d7634472555dcf7dbd34b6afa0ec4129f7619ce4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GridWorkScoreboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnitLevel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoreboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formulaVersion"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"accountability"}},{"kind":"Field","name":{"kind":"Name","value":"patrol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"patrolDays"}},{"kind":"Field","name":{"kind":"Name","value":"householdsVisited"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"householdCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"patrolDayShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"proactiveShare"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeCompletionRate"}},{"kind":"Field","name":{"kind":"Name","value":"satisfactionRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveCallbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"responseRate"}},{"kind":"Field","name":{"kind":"Name","value":"supervisions"}},{"kind":"Field","name":{"kind":"Name","value":"breaches"}},{"kind":"Field","name":{"kind":"Name","value":"returns"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GridWorkScoreboardQuery, GridWorkScoreboardQueryVariables>;
export const ScoreFormulaTermsDocument = {"__meta__":{"hash":"sha256:624b79d99b0a704321e22fa43a1fe05402a7c2a4b9b79fc3098782637ed59db8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScoreFormulaTerms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoreFormula"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FormulaFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormulaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreFormula"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onTimeCompletionRate"}},{"kind":"Field","name":{"kind":"Name","value":"satisfactionRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveCallbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"responseRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"penalties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supervision"}},{"kind":"Field","name":{"kind":"Name","value":"breach"}},{"kind":"Field","name":{"kind":"Name","value":"return"}},{"kind":"Field","name":{"kind":"Name","value":"accountability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bonus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"patrolCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"patrolDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rewardsPenalties"}}]}}]} as unknown as DocumentNode<ScoreFormulaTermsQuery, ScoreFormulaTermsQueryVariables>;
export const SetScoreFormulaTermsDocument = {"__meta__":{"hash":"sha256:591fbd61d51cb50405a1888b76be47f4eb3e438e65aead695e1aecfdd40662f1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetScoreFormulaTerms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreFormulaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setScoreFormula"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FormulaFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormulaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreFormula"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onTimeCompletionRate"}},{"kind":"Field","name":{"kind":"Name","value":"satisfactionRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveCallbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"responseRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"penalties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supervision"}},{"kind":"Field","name":{"kind":"Name","value":"breach"}},{"kind":"Field","name":{"kind":"Name","value":"return"}},{"kind":"Field","name":{"kind":"Name","value":"accountability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bonus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proactive"}},{"kind":"Field","name":{"kind":"Name","value":"patrolCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"patrolDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rewardsPenalties"}}]}}]} as unknown as DocumentNode<SetScoreFormulaTermsMutation, SetScoreFormulaTermsMutationVariables>;
export const TargetsDocument = {"__meta__":{"hash":"sha256:e0e5c311d38d688b4229816f7d6ad3d74f70509bc260574abc497550db97bfe2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Targets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programme"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TargetProgramme"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programme"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programme"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TargetFields"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"recordedOn"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TargetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Target"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programme"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"targetValue"}},{"kind":"Field","name":{"kind":"Name","value":"baseline"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<TargetsQuery, TargetsQueryVariables>;
export const TargetsWithRecordersDocument = {"__meta__":{"hash":"sha256:6654dee564338728f3e767a5f3e7c750ccc19b3736ee33fbd2ab7c7881550226"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TargetsWithRecorders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TargetsWithRecordersQuery, TargetsWithRecordersQueryVariables>;
export const TargetSummaryDocument = {"__meta__":{"hash":"sha256:f72e6f1ab37f80ceddaf23f66a2d12c6f5a8898a2040510a137e089be7f4bb59"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TargetSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programme"}},{"kind":"Field","name":{"kind":"Name","value":"targets"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"behind"}},{"kind":"Field","name":{"kind":"Name","value":"averageShare"}}]}}]}}]}}]} as unknown as DocumentNode<TargetSummaryQuery, TargetSummaryQueryVariables>;
export const TargetNodeDocument = {"__meta__":{"hash":"sha256:6fa83d418acdbb7192ed904bd464e1a3c4242fac1c3e55485140f2fd33032a23"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TargetNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Target"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TargetProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"recordedOn"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TargetNodeQuery, TargetNodeQueryVariables>;
export const CreateTargetDocument = {"__meta__":{"hash":"sha256:da36cce0e1a7429a7d5b6cb18847dc1ead66d1cd97b1a2b4505ca4ffe69fb690"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTarget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTargetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTarget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TargetFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TargetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Target"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programme"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"targetValue"}},{"kind":"Field","name":{"kind":"Name","value":"baseline"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<CreateTargetMutation, CreateTargetMutationVariables>;
export const UpdateTargetDocument = {"__meta__":{"hash":"sha256:d071f3d702c78a762febce5bfaf7440be11eaa4b45d79f22ecb2e31c8091804d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTarget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTargetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTarget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TargetFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TargetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Target"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programme"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"targetValue"}},{"kind":"Field","name":{"kind":"Name","value":"baseline"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<UpdateTargetMutation, UpdateTargetMutationVariables>;
export const RecordTargetProgressDocument = {"__meta__":{"hash":"sha256:d953b48be2edb7c6b857d7ad50463b75a590f6f160790dd8946fec4ecb731422"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordTargetProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordTargetProgressInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordTargetProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TargetFields"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"recordedOn"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TargetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Target"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programme"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"targetValue"}},{"kind":"Field","name":{"kind":"Name","value":"baseline"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<RecordTargetProgressMutation, RecordTargetProgressMutationVariables>;
export const MyDistrictDocument = {"__meta__":{"hash":"sha256:6fc4f5ff86a256a2725dcb5cb384bb7730ecf908948604572cf3244c95c80b51"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDistrict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyDistrictQuery, MyDistrictQueryVariables>;
export const MyDistrictStaffDocument = {"__meta__":{"hash":"sha256:865d0a83e7f8ca33a0bb82623ed0e3fad6eaf0e6bd60a51763958318f79a5738"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDistrictStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyDistrictStaffQuery, MyDistrictStaffQueryVariables>;
export const MyCityDocument = {"__meta__":{"hash":"sha256:59488153968426c6f76b723abbe3a159b6be3474d26a33e38cf5066661bffb78"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyCityQuery, MyCityQueryVariables>;
export const NodeByIdDocument = {"__meta__":{"hash":"sha256:5ad1d259e9f40169130c0969aff1d8a2fbb6e2d60c4ed88a5fd1de3ab17d1a0b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"District"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"City"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Department"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StaffAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;