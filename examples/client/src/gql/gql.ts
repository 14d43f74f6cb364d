/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment CaseSummary on Case {\n  id\n  number\n  channel\n  category\n  status\n  version\n  overdue\n  receivedAt\n  resolutionDueAt\n  grid {\n    code\n    name\n  }\n}\n\nquery Cases($first: Int, $after: String, $status: [CaseStatus!], $overdue: Boolean) {\n  cases(first: $first, after: $after, status: $status, overdue: $overdue) {\n    totalCount\n    edges {\n      node {\n        ...CaseSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    ...CaseSummary\n  }\n}\n\nsubscription CaseCreated($after: String) {\n  caseCreated(after: $after) {\n    cursor\n    event {\n      action\n      at\n    }\n    case {\n      ...CaseSummary\n    }\n  }\n}\n\nsubscription CaseUpdated($after: String) {\n  caseUpdated(after: $after) {\n    cursor\n    event {\n      action\n      actor\n      fromStatus\n      toStatus\n      at\n    }\n    case {\n      ...CaseSummary\n    }\n  }\n}": typeof types.CaseSummaryFragmentDoc,
};
const documents: Documents = {
    "fragment CaseSummary on Case {\n  id\n  number\n  channel\n  category\n  status\n  version\n  overdue\n  receivedAt\n  resolutionDueAt\n  grid {\n    code\n    name\n  }\n}\n\nquery Cases($first: Int, $after: String, $status: [CaseStatus!], $overdue: Boolean) {\n  cases(first: $first, after: $after, status: $status, overdue: $overdue) {\n    totalCount\n    edges {\n      node {\n        ...CaseSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    ...CaseSummary\n  }\n}\n\nsubscription CaseCreated($after: String) {\n  caseCreated(after: $after) {\n    cursor\n    event {\n      action\n      at\n    }\n    case {\n      ...CaseSummary\n    }\n  }\n}\n\nsubscription CaseUpdated($after: String) {\n  caseUpdated(after: $after) {\n    cursor\n    event {\n      action\n      actor\n      fromStatus\n      toStatus\n      at\n    }\n    case {\n      ...CaseSummary\n    }\n  }\n}": types.CaseSummaryFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CaseSummary on Case {\n  id\n  number\n  channel\n  category\n  status\n  version\n  overdue\n  receivedAt\n  resolutionDueAt\n  grid {\n    code\n    name\n  }\n}\n\nquery Cases($first: Int, $after: String, $status: [CaseStatus!], $overdue: Boolean) {\n  cases(first: $first, after: $after, status: $status, overdue: $overdue) {\n    totalCount\n    edges {\n      node {\n        ...CaseSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    ...CaseSummary\n  }\n}\n\nsubscription CaseCreated($after: String) {\n  caseCreated(after: $after) {\n    cursor\n    event {\n      action\n      at\n    }\n    case {\n      ...CaseSummary\n    }\n  }\n}\n\nsubscription CaseUpdated($after: String) {\n  caseUpdated(after: $after) {\n    cursor\n    event {\n      action\n      actor\n      fromStatus\n      toStatus\n      at\n    }\n    case {\n      ...CaseSummary\n    }\n  }\n}"): typeof import('./graphql').CaseSummaryFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
