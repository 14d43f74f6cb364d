import { type DataSource, In } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { badInput, forbidden, unauthenticated } from "../../common/errors";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { cancellable } from "../../realtime/cancellable";
import { untilClosed } from "../../realtime/bounded-queue";
import { type FeedDeps, type FeedRegistry, subscriberQueue } from "../../realtime/feeds";
import { Follower, LogFeed, type LogItem, type LogSource } from "../../realtime/log-feed";
import { inTenantTransaction } from "../../db/tenant";
import { SHARED, type SharedPayload } from "../../realtime/shared-execution";
import { Case } from "./case.entity";
import { CaseAssignment } from "./assignment.entity";
import { CaseEvent, CaseLogHead } from "./case-event.entity";
import { canSeeCase, viewerOf, type CaseFacts, type Viewer } from "./case.policy";

/**
 * A subscription's cursor: for each district it follows, the position of the last event it has
 * been through. Opaque to clients (base64url JSON); each delivered event carries the cursor to
 * resume after it.
 */
export type StreamCursor = Record<string, string>;

export function encodeStreamCursor(c: StreamCursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

export function decodeStreamCursor(s: string, districtIds: readonly string[]): StreamCursor {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const out: StreamCursor = {};
      for (const [d, p] of Object.entries(v)) {
        if (typeof p !== "string" || !/^\d{1,18}$/.test(p)) throw new Error("position");
        if (districtIds.includes(d)) out[d] = p;
      }
      return out;
    }
  } catch {
    // fall through
  }
  throw badInput("after", "the cursor is not valid: use the cursor of an event you received");
}

/** A case event as the shared feed reads it: with its case and the case's assignments, as now. */
export interface CaseFeedItem extends LogItem {
  event: CaseEvent;
  case: Case;
  /** The cursor after this entry for a follower of its district alone (made on first use). */
  cursor?: string;
  /** What the visibility rule reads of the case (made on first use). */
  facts?: CaseFacts;
  /** Every assignment of the case (department, status): for visibility and the department filter. */
  assignments: ReadonlyArray<{ departmentId: string; status: string; role: string }>;
}

export interface StreamItem extends SharedPayload {
  event: CaseEvent;
  case: Case;
  cursor: string;
}

/** Who may subscribe to cases: district staff and city admins (escalated cases only). */
export const SUBSCRIBERS: readonly Role[] = [...STAFF_ROLES, Role.city_admin];

/** Reads a district's log for the feed: events, their cases and assignments, three statements. */
function caseLogSource(ds: DataSource): LogSource<CaseFeedItem> {
  const as = (districtId: string) => ({
    districtIds: [districtId],
    subject: "system:live-feed",
    role: "system",
  });
  return {
    head: (d) =>
      inTenantTransaction(ds, as(d), async (m) => {
        const h = await m.findOne(CaseLogHead, { where: { districtId: d } });
        return BigInt(h?.position ?? 0);
      }),
    read: (d, after, limit) =>
      inTenantTransaction(ds, as(d), async (m) => {
        const events = await m
          .createQueryBuilder(CaseEvent, "e")
          .where("e.district_id = :d AND e.position > :after", { d, after: after.toString() })
          .orderBy("e.position", "ASC")
          .limit(limit)
          .getMany();
        if (events.length === 0) return [];
        const ids = [...new Set(events.map((e) => e.caseId))];
        const [cases, assignments] = await Promise.all([
          m.find(Case, { where: { districtId: d, id: In(ids) } }),
          m.find(CaseAssignment, {
            where: { districtId: d, caseId: In(ids) },
            select: { caseId: true, departmentId: true, status: true, role: true },
          }),
        ]);
        const byId = new Map(cases.map((c) => [c.id, c]));
        const parts = new Map<string, CaseFeedItem["assignments"][number][]>();
        for (const a of assignments) {
          let l = parts.get(a.caseId);
          if (!l) parts.set(a.caseId, (l = []));
          l.push({ departmentId: a.departmentId, status: a.status, role: a.role });
        }
        return events.flatMap((e) => {
          const c = byId.get(e.caseId);
          return c
            ? [
                {
                  districtId: d,
                  position: BigInt(e.position),
                  event: e,
                  case: c,
                  assignments: parts.get(e.caseId) ?? [],
                },
              ]
            : [];
        });
      }),
  };
}

/** The process's one case feed. */
export function caseFeed(ctx: { feeds: FeedRegistry }): LogFeed<CaseFeedItem> {
  return ctx.feeds.get(
    "cases",
    (d: FeedDeps) => new LogFeed(d.pubSub, caseLogSource(d.dataSource), d.log),
  );
}

/** May this viewer see the case of a feed item? The one visibility rule, in memory. */
export function visibleTo(v: Viewer, item: CaseFeedItem): boolean {
  // What the rule reads of the case, made once per entry for all its followers.
  item.facts ??= {
    districtId: item.case.districtId,
    escalated: item.case.escalated,
    gridId: item.case.gridId,
    streetOfficeId: item.case.streetOfficeId,
    createdBy: item.case.createdBy,
    departmentIds: item.assignments
      .filter((a) => a.status === "assigned" || a.status === "reported")
      .map((a) => a.departmentId),
  };
  return canSeeCase(v, item.facts);
}

/**
 * The events of the caller's districts in log order: first every event after the cursor that is
 * stored (the ones a reconnecting client missed), then live ones from the process's shared feed,
 * which reads each district's new events once for every subscriber. `accept` decides, per event
 * and in memory, what this subscription delivers (kind, filters); visibility is the one rule
 * (`canSeeCase`). Nothing is lost and nothing comes twice: the follower skips what its cursor has
 * been through. A subscriber that falls `queue` events behind is cut off (4503) and resumes from
 * its cursor.
 */
export function caseStream(
  ctx: AuthedContext,
  /** The subscription field, as counted among the live subscriptions. */
  field: string,
  after: string | null | undefined,
  accept: (item: CaseFeedItem) => boolean,
): AsyncGenerator<StreamItem> {
  return cancellable((closed) => caseEvents(ctx, field, after, accept, closed));
}

async function* caseEvents(
  ctx: AuthedContext,
  field: string,
  after: string | null | undefined,
  accept: (item: CaseFeedItem) => boolean,
  closed: Promise<null>,
): AsyncGenerator<StreamItem> {
  if (!ctx.principal) throw unauthenticated("sign in first");
  // Checked when the subscription starts (and, by @Authorized, again for every event).
  if (!SUBSCRIBERS.includes(ctx.principal.role))
    throw forbidden(`the role ${ctx.principal.role} may not follow cases live`);
  const districts = ctx.principal.districtIds;
  /** One district (everyone but a city admin): the cursor after an entry is the same for all. */
  const single = districts.length === 1;
  const fromCursor = after ? decodeStreamCursor(after, districts) : null;
  const viewer = await viewerOf(ctx);
  const feed = caseFeed(ctx);
  let leave = () => undefined as void;
  const { queue, cutOff } = subscriberQueue<StreamItem>(ctx, () => stop());
  const limit = queue.limit;
  const stop = () => {
    leave();
    feed.unfollow(districts, f);
    queue.end();
  };

  const f: Follower<CaseFeedItem> = new Follower<CaseFeedItem>(
    (item) => {
      if (accept(item) && visibleTo(viewer, item))
        queue.offer({
          event: item.event,
          case: item.case,
          cursor: cursorOf(f, single ? item : undefined),
          // Subscribers with the same rights and selection share one execution for this entry.
          [SHARED]: item,
        });
    },
    limit,
    () => {
      const why = `the subscriber fell more than ${limit} events behind while catching up`;
      queue.fail(new Error(why));
      cutOff(why);
    },
  );
  if (fromCursor) {
    for (const [d, p] of Object.entries(fromCursor)) f.last.set(d, BigInt(p));
    f.hold();
  }
  try {
    await feed.follow(districts, f);
    if (fromCursor) {
      // The backlog, read by this subscriber alone and at its own pace; live events wait. A
      // subscriber that leaves (or is cut off) stops the replay at once, not at its next event.
      let gone = false;
      void closed.then(() => (gone = true));
      for (const d of districts)
        for await (const item of feed.replay(d, f.last.get(d)!)) {
          if (gone || queue.ended) return;
          f.passed(item);
          if (accept(item) && visibleTo(viewer, item))
            yield {
              event: item.event,
              case: item.case,
              cursor: cursorOf(f, single ? item : undefined),
            };
        }
      f.release();
    }
    // Following the feed: whatever commits from now on reaches this subscription.
    if (!queue.ended) leave = ctx.pubSub.live.enter(field);
    yield* untilClosed(queue, closed);
  } finally {
    stop();
  }
}

/**
 * The cursor after `item` for this follower. A follower of one district (everyone but a city
 * admin) has the same cursor as every other at the same entry: it is made once per entry.
 */
function cursorOf(f: Follower<CaseFeedItem>, item?: CaseFeedItem): string {
  if (item)
    return (item.cursor ??= encodeStreamCursor({ [item.districtId]: item.position.toString() }));
  const c: StreamCursor = {};
  for (const [d, p] of f.last) c[d] = p.toString();
  return encodeStreamCursor(c);
}
