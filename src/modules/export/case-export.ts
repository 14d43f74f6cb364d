import { Kind, OperationTypeNode } from "graphql";
import { type AuthedContext } from "../../context/context";
import { type ReadingOperation } from "../../context/read-audit";
import { UTC8_OFFSET_MS } from "../../common/dates";
import { MAX_PAGE_SIZE } from "../../common/connection";
import { type Case } from "../cases/case.entity";
import { CaseCategory } from "../cases/settings.entity";
import { isOverdue } from "../cases/case.deadlines";
import { casePage, complainantOf } from "../cases/case.resolver";
import { type CaseFilterArgs } from "../cases/case.types";
import { Grid, StreetOffice } from "../grid/tree.entity";
import { LABELS, labelOf } from "../labels/labels";
import { type Cell } from "./table-writers";

/** The columns, in order; their headers are the labels' (kind CaseColumn). */
export const CASE_COLUMNS = Object.keys(LABELS.CaseColumn) as Array<keyof typeof LABELS.CaseColumn>;
export const CASE_HEADERS: readonly string[] = CASE_COLUMNS.map((c) => LABELS.CaseColumn[c]);

/** The operation the read audit records for an export of cases (`operationName`, type query). */
export function exportOperation(name: string): ReadingOperation {
  return {
    operation: { operation: OperationTypeNode.QUERY, name: { kind: Kind.NAME, value: name } },
  };
}

/** An instant as local time (UTC+8), `2026-11-03 14:05:09`: how a street office reads it. */
export function localTime(at: Date | null): string | null {
  if (!at) return null;
  return new Date(at.getTime() + UTC8_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

const yesNo = (b: boolean) => labelOf("Boolean", String(b));

/**
 * A page of the caller's cases as rows, exactly as `cases` lists them (casePage: the caller's
 * reach, the filters, the order) and as `Case` shows them: the complainant by `Case.complainant`'s
 * own rule (complainantOf: in full or masked, a read in full noted on the context's audit), overdue
 * by `Case.overdue`'s, values as their Chinese labels.
 */
export async function casePageRows(
  ctx: AuthedContext,
  q: { filter: CaseFilterArgs; after: string | null; now: Date; op: ReadingOperation },
): Promise<{ rows: Cell[][]; next: string | null }> {
  const page = await casePage(
    ctx,
    { first: MAX_PAGE_SIZE, after: q.after ?? undefined },
    q.filter,
    { props: null, totalCount: false },
  );
  const rows = await Promise.all(page.edges.map((e) => caseRow(ctx, e.node, q.now, q.op)));
  return {
    rows,
    next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
  };
}

async function caseRow(
  ctx: AuthedContext,
  c: Case,
  now: Date,
  op: ReadingOperation,
): Promise<Cell[]> {
  const [category, street, grid, complainant] = await Promise.all([
    ctx.loaders.entity(CaseCategory).load(c.categoryId),
    c.streetOfficeId ? ctx.loaders.entity(StreetOffice).load(c.streetOfficeId) : null,
    c.gridId ? ctx.loaders.entity(Grid).load(c.gridId) : null,
    complainantOf(ctx, op, c),
  ]);
  const cells: Record<(typeof CASE_COLUMNS)[number], Cell> = {
    number: c.number,
    receivedAt: localTime(c.receivedAt),
    channel: labelOf("CaseChannel", c.channel),
    urgency: labelOf("Urgency", c.urgency),
    category: category?.code ?? null,
    categoryName: category?.name ?? null,
    status: labelOf("CaseStatus", c.status),
    streetOffice: street?.name ?? null,
    grid: grid?.name ?? null,
    address: c.address,
    description: c.description,
    complainantName: complainant?.name ?? null,
    complainantPhone: complainant?.phone ?? null,
    replyDueAt: localTime(c.replyDueAt),
    repliedAt: localTime(c.repliedAt),
    resolutionDueAt: localTime(c.resolutionDueAt),
    resolvedAt: localTime(c.resolvedAt),
    closedAt: localTime(c.closedAt),
    overdue: yesNo(isOverdue(c, now)),
    supervised: yesNo(c.supervised),
    escalated: yesNo(c.escalated),
    satisfaction: c.satisfaction ? labelOf("Satisfaction", c.satisfaction) : null,
  };
  return CASE_COLUMNS.map((k) => cells[k]);
}
