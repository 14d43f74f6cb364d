/**
 * The GraphQL the simulator sends: what it reads of the district and of open cases, and one
 * mutation per workflow step. Statuses are the API's names, not the workflow's types, so that the
 * simulator stays a client of the public API.
 */

export const OPEN_STATUSES = [
  "received",
  "grid_handling",
  "street_handling",
  "awaiting_dispatch",
  "dispatched",
  "return_requested",
  "escalated",
  "resolved",
];

/** What the simulator reads of an open case. */
export interface OpenCase {
  id: string;
  status: string;
  version: number;
  channel: string;
  category: string;
  repliedAt: string | null;
  resolutionDueAt: string;
  grid: { code: string } | null;
  streetOffice: { code: string } | null;
  assignments: Array<{ role: string; status: string; dueAt: string; department: { code: string } }>;
  requests: Array<{ kind: string; status: string }>;
}

export const SETUP = `query SimSetup {
  district {
    code
    grids(first: 200) { edges { node { id code name kind } } }
    departments(first: 200) { edges { node { id code } } }
  }
  caseLimits { categories { code active } settings { handlingRule } }
}`;
export const OPEN_CASES = `query SimOpenCases($status: [CaseStatus!], $first: Int, $orderBy: CaseOrder) {
  cases(status: $status, first: $first, orderBy: $orderBy) {
    totalCount
    edges { node {
      id status version channel category repliedAt resolutionDueAt
      grid { code } streetOffice { code }
      assignments { role status dueAt department { code } }
      requests { kind status }
    } }
  }
}`;
export const CREATE = `mutation SimCreate($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const STEP_RESULT = `{ id version status }`;
export const MUTATIONS: Record<string, string> = {
  reply: `mutation($input: CaseNoteInput!) { replyToCase(input: $input) ${STEP_RESULT} }`,
  take_lead: `mutation($input: CaseNoteInput!) { takeCaseLead(input: $input) ${STEP_RESULT} }`,
  refer_to_street: `mutation($input: CaseNoteInput!) { referCaseToStreet(input: $input) ${STEP_RESULT} }`,
  refer_to_command_center: `mutation($input: CaseNoteInput!) { referCaseToCommandCenter(input: $input) ${STEP_RESULT} }`,
  assign: `mutation($input: AssignCaseInput!) { assignCase(input: $input) ${STEP_RESULT} }`,
  report_progress: `mutation($input: ReportProgressInput!) { reportCaseProgress(input: $input) ${STEP_RESULT} }`,
  resolve: `mutation($input: CaseNoteInput!) { resolveCase(input: $input) ${STEP_RESULT} }`,
  request_return: `mutation($input: CaseNoteInput!) { requestCaseReturn(input: $input) ${STEP_RESULT} }`,
  rule_return: `mutation($input: RulingInput!) { ruleOnCaseReturn(input: $input) ${STEP_RESULT} }`,
  request_extension: `mutation($input: ExtensionRequestInput!) { requestCaseExtension(input: $input) ${STEP_RESULT} }`,
  rule_extension: `mutation($input: RulingInput!) { ruleOnCaseExtension(input: $input) ${STEP_RESULT} }`,
  callback: `mutation($input: CallbackInput!) { recordCallback(input: $input) ${STEP_RESULT} }`,
  escalate: `mutation($input: CaseNoteInput!) { escalateCase(input: $input) ${STEP_RESULT} }`,
};

/** What SETUP reads. */
export interface Setup {
  district: {
    grids: { edges: Array<{ node: SimGrid }> };
    departments: { edges: Array<{ node: { id: string; code: string } }> };
  };
  caseLimits: {
    categories: Array<{ code: string; active: boolean }>;
    settings: { handlingRule: string };
  };
}
export interface SimGrid {
  id: string;
  code: string;
  name: string;
  kind: string;
}
