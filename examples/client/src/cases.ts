import { ApiError, isRetryable, type Api } from "./api";
import {
  CaseCreatedDocument,
  CaseUpdatedDocument,
  CasesDocument,
  CreateCaseDocument,
  type CaseCreatedSubscription,
  type CaseSummaryFragment,
  type CaseUpdatedSubscription,
  type CasesQueryVariables,
  type CreateCaseInput,
} from "./gql/graphql";

/**
 * The caller's cases that match the filter, one page at a time (newest first; `first` is the page
 * size, 1–200). The API decides which cases the caller sees (its district, street office, grids,
 * department...): the client never filters for that.
 */
export async function* listCases(
  api: Api,
  filter: Omit<CasesQueryVariables, "after">,
): AsyncGenerator<{ totalCount: number; cases: CaseSummaryFragment[] }> {
  let after: string | null | undefined;
  do {
    const { cases } = await api.request(CasesDocument, { ...filter, after });
    yield { totalCount: cases.totalCount, cases: cases.edges.map((edge) => edge.node) };
    after = cases.pageInfo.hasNextPage ? cases.pageInfo.endCursor : null;
  } while (after);
}

/**
 * Takes a case in. Its idempotency key is made once, before the first attempt, so a retry (after
 * an answer that was lost, or SERVICE_UNAVAILABLE, which may come after the commit) returns the
 * case the first attempt made instead of a second one. Other refusals are thrown as they are, as
 * ApiError with their code.
 */
export async function createCase(
  api: Api,
  input: Omit<CreateCaseInput, "idempotencyKey">,
  attempts = 4,
): Promise<CaseSummaryFragment> {
  const idempotencyKey = crypto.randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return (await api.request(CreateCaseDocument, { input: { ...input, idempotencyKey } }))
        .createCase;
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) throw err;
      const seconds = (err instanceof ApiError && err.retryAfter) || attempt;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

/** Where each subscription stands: keep them (e.g. in localStorage) to resume after a reload. */
export interface CaseCursors {
  created?: string;
  updated?: string;
}

export interface CaseFeed {
  created(message: CaseCreatedSubscription["caseCreated"]): void;
  updated(message: CaseUpdatedSubscription["caseUpdated"]): void;
  /**
   * The server refused the subscription (an ApiError, e.g. BAD_USER_INPUT for a cursor it did not
   * give), or closed the socket with 4403 (the token was refused or expired: sign in again); or,
   * rarely, an event came with errors and the subscription goes on.
   */
  error(err: unknown): void;
}

/**
 * New and changed cases, as they happen, from `from` on (nothing: from now). Each subscription
 * resumes after the last event it delivered whenever the connection comes back, so the feed
 * misses nothing and repeats nothing. The two keep a cursor each: they are separate streams.
 * Returns `stop`, and `cursors` to save.
 */
export function followCases(api: Api, feed: CaseFeed, from: CaseCursors = {}) {
  const cursors: CaseCursors = { ...from };
  const stops = [
    api.subscribe(CaseCreatedDocument, () => ({ after: cursors.created }), {
      next: ({ caseCreated }) => {
        cursors.created = caseCreated.cursor;
        feed.created(caseCreated);
      },
      error: feed.error,
    }),
    api.subscribe(CaseUpdatedDocument, () => ({ after: cursors.updated }), {
      next: ({ caseUpdated }) => {
        cursors.updated = caseUpdated.cursor;
        feed.updated(caseUpdated);
      },
      error: feed.error,
    }),
  ];
  return { cursors, stop: () => stops.forEach((stop) => stop()) };
}
