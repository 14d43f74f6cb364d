import { type AuthedContext } from "../../context/context";
import { forbidden, unauthenticated } from "../../common/errors";
import { type Clock } from "../../common/clock";
import { localDay } from "../../common/dates";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { CATCH_UP_DISTRICT, type PubSub, Topic } from "../../realtime/pubsub";
import { cancellable } from "../../realtime/cancellable";
import { untilClosed } from "../../realtime/bounded-queue";
import { type FeedRegistry, subscriberQueue } from "../../realtime/feeds";
import { UnitLevel } from "../cases/case.measures";
import { type Scoreboard, type ScoreboardChange } from "./scoreboard.types";

/** How long a push waits for more events after the first one (well within the one-second promise). */
export const COALESCE_MS = 300;

export type BoardBuilder = (
  ctx: AuthedContext,
  level: UnitLevel,
  from: string,
  to: string,
) => Promise<Scoreboard>;

interface Watcher {
  /** The rows as last sent (or first built); null until the subscriber's first board. */
  previous: Map<string, string> | null;
  offer(change: ScoreboardChange): void;
}

/** One board that several subscribers watch: the same districts, level and period. */
interface SharedBoard {
  districtIds: readonly string[];
  level: UnitLevel;
  from?: string;
  to?: string;
  /** A subscriber's context to build with (any: they see the same districts' figures). */
  ctx: AuthedContext;
  watchers: Set<Watcher>;
  /** Events heard since the window opened (null: no window open). */
  events: number | null;
  /** A rebuild is running; events heard meanwhile (`later`) open the next window after it. */
  building: boolean;
  later: number;
}

/**
 * Scoreboard pushes, shared: a board is rebuilt once per burst of events for every subscriber
 * that watches the same districts, level and period (the formula is the districts' own), and each
 * subscriber is sent the rows that changed since its last push. A burst is what arrives within
 * COALESCE_MS of its first event, by the platform's clock.
 */
export class ScoreboardFeed {
  private readonly boards = new Map<string, SharedBoard>();
  private readonly unlisten: () => void;

  constructor(
    pubSub: PubSub,
    private readonly clock: Clock,
    private readonly build: BoardBuilder,
    private readonly log: (message: string, err?: unknown) => void,
  ) {
    const hear = (n: { districtId: string }) => {
      for (const b of this.boards.values())
        if (n.districtId === CATCH_UP_DISTRICT || b.districtIds.includes(n.districtId))
          this.heard(b);
    };
    // Case events, and the grid work a score counts beside them (patrols, 奖惩, accountability).
    const unlistens = [pubSub.on(Topic.CASE_EVENT, hear), pubSub.on(Topic.SCORE_INPUT, hear)];
    this.unlisten = () => unlistens.forEach((u) => u());
  }

  watch(
    ctx: AuthedContext,
    args: { level: UnitLevel; from?: string; to?: string },
    w: Watcher,
  ): () => void {
    const p = ctx.principal;
    const key = [
      p.role === Role.city_admin ? "city" : "district",
      [...p.districtIds].sort().join(","),
      args.level,
      args.from ?? "",
      args.to ?? "",
    ].join("|");
    let b = this.boards.get(key);
    if (!b) {
      b = {
        districtIds: p.districtIds,
        ...args,
        ctx,
        watchers: new Set(),
        events: null,
        building: false,
        later: 0,
      };
      this.boards.set(key, b);
    }
    b.watchers.add(w);
    const board = b;
    return () => {
      board.watchers.delete(w);
      if (board.watchers.size === 0 && this.boards.get(key) === board) this.boards.delete(key);
    };
  }

  /** The period a board covers now (default: today, by the platform's clock). */
  period(args: { from?: string; to?: string }): { from: string; to: string } {
    const today = localDay(this.clock.now());
    return { from: args.from ?? today, to: args.to ?? today };
  }

  close(): void {
    this.unlisten();
    this.boards.clear();
  }

  private heard(b: SharedBoard, n = 1): void {
    // Rebuilds of one board never overlap (an older one finishing last would push stale rows):
    // what is heard during a rebuild waits for it, then opens the next window.
    if (b.building) {
      b.later += n;
      return;
    }
    if (b.events !== null) {
      b.events += n;
      return;
    }
    b.events = n;
    void this.clock.sleep(COALESCE_MS).then(() => this.push(b));
  }

  private async push(b: SharedBoard): Promise<void> {
    const events = b.events ?? 0;
    b.events = null;
    if (b.watchers.size === 0) return;
    b.building = true;
    try {
      const { from, to } = this.period(b);
      const board = await this.build(b.ctx, b.level, from, to);
      const rows = board.rows.map((r) => [r.measures.unitId, JSON.stringify(r)] as const);
      for (const w of b.watchers) {
        const before = w.previous;
        w.previous = new Map(rows);
        if (!before) continue; // still building its first board: this one serves as it
        const changed = board.rows.filter((r, i) => before.get(r.measures.unitId) !== rows[i][1]);
        if (changed.length) w.offer({ scoreboard: { ...board, rows: changed }, events });
      }
    } catch (err) {
      this.log("rebuilding a live scoreboard failed", err);
    } finally {
      b.building = false;
      const later = b.later;
      b.later = 0;
      if (later > 0) this.heard(b, later);
    }
  }
}

export function scoreboardFeed(ctx: { feeds: FeedRegistry }, build: BoardBuilder): ScoreboardFeed {
  return ctx.feeds.get("scoreboards", (d) => new ScoreboardFeed(d.pubSub, d.clock, build, d.log));
}

/** One subscriber's `scoreboardChanged`: its first board, then the shared pushes. */
export function scoreboardStream(
  ctx: AuthedContext,
  args: { level: UnitLevel; from?: string; to?: string },
  build: BoardBuilder,
): AsyncGenerator<ScoreboardChange> {
  return cancellable(async function* (closed) {
    if (!ctx.principal) throw unauthenticated("sign in first");
    if (![...STAFF_ROLES, Role.city_admin].includes(ctx.principal.role))
      throw forbidden("your role may not follow scores");
    const feed = scoreboardFeed(ctx, build);
    let leave = () => undefined as void;
    const { queue } = subscriberQueue<ScoreboardChange>(ctx, () => stop());
    const w: Watcher = { previous: null, offer: (c) => queue.offer(c) };
    // Watch first, then build the first board: a push built meanwhile is compared with it.
    const unwatch = feed.watch(ctx, args, w);
    // Cut off or ended: out of the shared board and of the live count at once.
    const stop = () => {
      leave();
      unwatch();
      queue.end();
    };
    try {
      const { from, to } = feed.period(args);
      const first = await build(ctx, args.level, from, to);
      w.previous ??= new Map(first.rows.map((r) => [r.measures.unitId, JSON.stringify(r)]));
      if (!queue.ended) leave = ctx.pubSub.live.enter("scoreboardChanged");
      yield* untilClosed(queue, closed);
    } finally {
      stop();
    }
  });
}
