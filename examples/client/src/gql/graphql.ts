/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type Urgency =
  | 'normal'
  | 'urgent';

export type CaseSummaryFragment = { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, version: number, overdue: boolean, receivedAt: string, resolutionDueAt: string, grid: { code: string, name: string } | null };

export type CasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: Array<CaseStatus> | CaseStatus | null | undefined;
  overdue?: boolean | null | undefined;
}>;


export type CasesQuery = { cases: { totalCount: number, edges: Array<{ node: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, version: number, overdue: boolean, receivedAt: string, resolutionDueAt: string, grid: { code: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateCaseMutationVariables = Exact<{
  input: CreateCaseInput;
}>;


export type CreateCaseMutation = { createCase: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, version: number, overdue: boolean, receivedAt: string, resolutionDueAt: string, grid: { code: string, name: string } | null } };

export type CaseCreatedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CaseCreatedSubscription = { caseCreated: { cursor: string, event: { action: CaseAction, at: string }, case: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, version: number, overdue: boolean, receivedAt: string, resolutionDueAt: string, grid: { code: string, name: string } | null } } };

export type CaseUpdatedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CaseUpdatedSubscription = { caseUpdated: { cursor: string, event: { action: CaseAction, actor: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, at: string }, case: { id: string, number: string, channel: CaseChannel, category: string, status: CaseStatus, version: number, overdue: boolean, receivedAt: string, resolutionDueAt: string, grid: { code: string, name: string } | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CaseSummaryFragmentDoc = new TypedDocumentString(`
    fragment CaseSummary on Case {
  id
  number
  channel
  category
  status
  version
  overdue
  receivedAt
  resolutionDueAt
  grid {
    code
    name
  }
}
    `, {"fragmentName":"CaseSummary"}) as unknown as TypedDocumentString<CaseSummaryFragment, unknown>;
export const CasesDocument = new TypedDocumentString(`
    query Cases($first: Int, $after: String, $status: [CaseStatus!], $overdue: Boolean) {
  cases(first: $first, after: $after, status: $status, overdue: $overdue) {
    totalCount
    edges {
      node {
        ...CaseSummary
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment CaseSummary on Case {
  id
  number
  channel
  category
  status
  version
  overdue
  receivedAt
  resolutionDueAt
  grid {
    code
    name
  }
}`, {"hash":"sha256:c13fee39f7df07d758b485baecb10196b9add4c93ae0a6104b788272522e0ff4"}) as unknown as TypedDocumentString<CasesQuery, CasesQueryVariables>;
export const CreateCaseDocument = new TypedDocumentString(`
    mutation CreateCase($input: CreateCaseInput!) {
  createCase(input: $input) {
    ...CaseSummary
  }
}
    fragment CaseSummary on Case {
  id
  number
  channel
  category
  status
  version
  overdue
  receivedAt
  resolutionDueAt
  grid {
    code
    name
  }
}`, {"hash":"sha256:1abcd7dc115de4ac8ce5d2bb63c99c81d117340f3d53db1cf24a68c1ab1def5f"}) as unknown as TypedDocumentString<CreateCaseMutation, CreateCaseMutationVariables>;
export const CaseCreatedDocument = new TypedDocumentString(`
    subscription CaseCreated($after: String) {
  caseCreated(after: $after) {
    cursor
    event {
      action
      at
    }
    case {
      ...CaseSummary
    }
  }
}
    fragment CaseSummary on Case {
  id
  number
  channel
  category
  status
  version
  overdue
  receivedAt
  resolutionDueAt
  grid {
    code
    name
  }
}`, {"hash":"sha256:eee95182cefcbe15b1f1ad682171fcae0df1c7aedc0b27575b0bdf3d3c23df89"}) as unknown as TypedDocumentString<CaseCreatedSubscription, CaseCreatedSubscriptionVariables>;
export const CaseUpdatedDocument = new TypedDocumentString(`
    subscription CaseUpdated($after: String) {
  caseUpdated(after: $after) {
    cursor
    event {
      action
      actor
      fromStatus
      toStatus
      at
    }
    case {
      ...CaseSummary
    }
  }
}
    fragment CaseSummary on Case {
  id
  number
  channel
  category
  status
  version
  overdue
  receivedAt
  resolutionDueAt
  grid {
    code
    name
  }
}`, {"hash":"sha256:2d87dbd04a0b2675ab24243a3ab851f31a8bd556765a4da41cc25291164f4a1c"}) as unknown as TypedDocumentString<CaseUpdatedSubscription, CaseUpdatedSubscriptionVariables>;