import { In } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { badInput, forbidden, unauthenticated } from "../../common/errors";
import { Role, STAFF_ROLES } from "../tenancy/roles";
import { Topic } from "../../realtime/pubsub";
import { cancellable } from "../../realtime/cancellable";
import { Case, CaseEvent, CaseLogHead } from "./entities";
import { maySeeCase } from "./access";

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

export interface StreamItem {
  event: CaseEvent;
  case: Case;
  cursor: string;
}

const PAGE = 500;

/** Who may subscribe to cases: district staff and city admins (escalated cases only). */
export const SUBSCRIBERS: readonly Role[] = [...STAFF_ROLES, Role.city_admin];

/** A notice (never from a district) that notifications may have been lost: re-read the logs. */
export const CATCH_UP = "*";

/**
 * The events of the caller's districts in log order: first every event after the cursor that is
 * stored (the ones a reconnecting client missed), then live ones. Live notifications only say
 * "position p of district d exists"; the stream reads events from the log itself, fills any gap
 * from it, and skips what it has already been through, so nothing is lost and nothing comes twice.
 * `accept` decides, per event, what this subscription delivers (kind, filters, visibility).
 */
export function caseStream(
  ctx: AuthedContext,
  /** The subscription field, as counted among the live subscriptions. */
  field: string,
  after: string | null | undefined,
  accept: (e: CaseEvent, c: Case) => boolean | Promise<boolean>,
): AsyncGenerator<StreamItem> {
  return cancellable((closed) => caseEvents(ctx, field, after, accept, closed));
}

async function* caseEvents(
  ctx: AuthedContext,
  field: string,
  after: string | null | undefined,
  accept: (e: CaseEvent, c: Case) => boolean | Promise<boolean>,
  closed: Promise<null>,
): AsyncGenerator<StreamItem> {
  if (!ctx.principal) throw unauthenticated("sign in first");
  // Checked when the subscription starts (and, by @Authorized, again for every event).
  if (!SUBSCRIBERS.includes(ctx.principal.role))
    throw forbidden(`the role ${ctx.principal.role} may not follow cases live`);
  const districts = ctx.principal.districtIds;
  // Listen first, then read the log: whatever commits in between is seen by one or the other.
  const live = ctx.pubSub.subscribe(Topic.CASE_EVENT)[Symbol.asyncIterator]();
  // The pub/sub listens from the first next(): ask for it now, before reading the log heads, so
  // that an event committed in between is either in what we read or in what we hear.
  let pending = live.next();
  let leave = () => undefined as void;
  try {
    const heads = await ctx.db.run((m) =>
      m.find(CaseLogHead, { where: { districtId: In(districts) } }),
    );
    // Listening, and the heads read: whatever commits from now on reaches this subscription.
    leave = ctx.pubSub.live.enter(field);
    const head = new Map(heads.map((h) => [h.districtId, BigInt(h.position)]));
    const fromCursor = after ? decodeStreamCursor(after, districts) : null;
    const last = new Map<string, bigint>();
    for (const d of districts)
      last.set(d, fromCursor?.[d] !== undefined ? BigInt(fromCursor[d]) : (head.get(d) ?? 0n));

    const state = () => {
      const c: StreamCursor = {};
      for (const [d, p] of last) c[d] = p.toString();
      return encodeStreamCursor(c);
    };

    /** Reads (from, to] of a district's log in pages and yields what is accepted. */
    async function* replay(d: string, to: bigint | null): AsyncGenerator<StreamItem> {
      for (;;) {
        const from = last.get(d)!;
        const events = await ctx.db.run((m) =>
          m
            .createQueryBuilder(CaseEvent, "e")
            .where("e.district_id = :d AND e.position > :from", { d, from: from.toString() })
            .andWhere(to === null ? "TRUE" : "e.position <= :to", { to: to?.toString() })
            .orderBy("e.position", "ASC")
            .limit(PAGE)
            .getMany(),
        );
        if (events.length === 0) return;
        const cases = await ctx.db.run((m) =>
          m.find(Case, {
            where: { districtId: d, id: In([...new Set(events.map((e) => e.caseId))]) },
          }),
        );
        const byId = new Map(cases.map((c) => [c.id, c]));
        for (const e of events) {
          last.set(d, BigInt(e.position));
          const c = byId.get(e.caseId);
          // The subscription's own test first (mostly no I/O), then who may see the case.
          if (c && (await accept(e, c)) && (await maySeeCase(ctx, c)))
            yield { event: e, case: c, cursor: state() };
        }
        if (events.length < PAGE) return;
      }
    }

    if (fromCursor) for (const d of districts) yield* replay(d, null);

    for (;;) {
      const next = await Promise.race([pending, closed]);
      if (next === null || next.done) return;
      pending = live.next();
      const n = next.value;
      if (n.districtId === CATCH_UP) {
        // The notification channel was down for a while: read whatever the log got meanwhile.
        for (const d of districts) yield* replay(d, null);
        continue;
      }
      if (!districts.includes(n.districtId)) continue;
      const p = BigInt(n.position);
      if (p <= last.get(n.districtId)!) continue; // already delivered from the log
      yield* replay(n.districtId, p); // this event, and any before it we have not seen
    }
  } finally {
    leave();
    await live.return?.();
  }
}
