import { CATCH_UP_DISTRICT, type CaseEventPayload, type PubSub, Topic } from "./pubsub";

/** An entry of a district's append-only log: its position orders it and serves as its cursor. */
export interface LogItem {
  districtId: string;
  position: bigint;
}

export interface LogSource<I extends LogItem> {
  /** The district's entries after `after`, in order, at most `limit` of them. */
  read(districtId: string, after: bigint, limit: number): Promise<I[]>;
  /** The district's last position (0 for an empty log). */
  head(districtId: string): Promise<bigint>;
}

const PAGE = 500;
/**
 * Followers handed an entry in one go before the feed lets the event loop turn: between slices,
 * other work (a mutation's next statement, say) gets its turn, instead of waiting behind a
 * thousand deliveries.
 */
const SLICE = 64;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface DistrictState<I extends LogItem> {
  /** The last position read and handed to the followers. */
  last: bigint;
  followers: Set<Follower<I>>;
  reading: boolean;
  again: boolean;
}

/**
 * One subscriber's place in the logs it follows. Entries reach it in log order, each once: what
 * it has been through (`last`, its cursor) is skipped. While it replays a backlog from its cursor,
 * the live entries wait beside it (at most `limit`), and are then handed on past the replay.
 */
export class Follower<I extends LogItem> {
  readonly last = new Map<string, bigint>();
  private pending: I[] | null = null;

  constructor(
    /** Called for each new entry in order, after `last` moved to it. */
    private readonly take: (item: I) => void,
    private readonly limit: number,
    private readonly overflow: () => void,
  ) {}

  /** @internal the feed hands an entry on. */
  offer(item: I): void {
    const seen = this.last.get(item.districtId);
    if (seen !== undefined && item.position <= seen) return;
    if (this.pending) {
      if (this.pending.length >= this.limit) {
        this.pending = [];
        this.overflow();
        return;
      }
      this.pending.push(item);
      return;
    }
    this.last.set(item.districtId, item.position);
    this.take(item);
  }

  /** The subscriber replays from its cursor first: live entries wait meanwhile. */
  hold(): void {
    this.pending ??= [];
  }

  /** The replay moved the cursor to `item` (the subscriber has been through it). */
  passed(item: I): void {
    this.last.set(item.districtId, item.position);
  }

  /** The replay is over: the entries that waited are handed on, past what the replay gave. */
  release(): void {
    const waiting = this.pending ?? [];
    this.pending = null;
    for (const item of waiting) this.offer(item);
  }
}

/**
 * Read once, deliver many: per process, each district's new log entries are read once, when a
 * notification says there are some, and handed to every local follower of that district, which
 * filters them in memory. A follower costs nothing per entry beyond its filter; a follower that
 * stops taking entries fills only its own bounded queue. Reads of one district never overlap; a
 * notification during a read makes one more read; a lost notification is made up by the next (each
 * read takes everything after the last position), and a catch-up notice re-reads every district.
 */
export class LogFeed<I extends LogItem> {
  private readonly districts = new Map<string, DistrictState<I>>();
  private readonly starting = new Map<string, Promise<DistrictState<I>>>();
  private readonly unlisten: () => void;

  constructor(
    pubSub: PubSub,
    private readonly source: LogSource<I>,
    private readonly log: (message: string, err?: unknown) => void,
  ) {
    this.unlisten = pubSub.on(Topic.CASE_EVENT, (n: CaseEventPayload) => this.notified(n));
  }

  /**
   * Starts following `districtIds` for `f`: from the feed's present position, or, where `f`
   * already has a position (a cursor), from there: the caller then replays with `replay` and
   * calls `f.release()`.
   */
  async follow(districtIds: readonly string[], f: Follower<I>): Promise<void> {
    // Every district's state first; then, in one synchronous step, the follower's position in
    // each and its place among each one's followers, so that no entry slips between the two and
    // no state it joins has been discarded meanwhile (a district left by its last follower).
    for (;;) {
      const states: DistrictState<I>[] = [];
      for (const d of districtIds) states.push(await this.district(d));
      if (districtIds.some((d, i) => this.districts.get(d) !== states[i])) continue;
      districtIds.forEach((d, i) => {
        if (!f.last.has(d)) f.last.set(d, states[i].last);
        states[i].followers.add(f);
      });
      return;
    }
  }

  unfollow(districtIds: readonly string[], f: Follower<I>): void {
    for (const d of districtIds) {
      const st = this.districts.get(d);
      if (!st) continue;
      st.followers.delete(f);
      if (st.followers.size === 0 && !st.reading) this.districts.delete(d);
    }
  }

  /** The district's entries after `after`, page by page, from the log (a follower's backlog). */
  async *replay(districtId: string, after: bigint): AsyncGenerator<I> {
    for (let from = after; ;) {
      const items = await this.source.read(districtId, from, PAGE);
      for (const item of items) yield item;
      if (items.length < PAGE) return;
      from = items[items.length - 1].position;
    }
  }

  close(): void {
    this.unlisten();
    this.districts.clear();
  }

  private async district(d: string): Promise<DistrictState<I>> {
    const known = this.districts.get(d);
    if (known) return known;
    let starting = this.starting.get(d);
    if (!starting) {
      starting = this.source.head(d).then((head) => {
        this.starting.delete(d);
        const st: DistrictState<I> = {
          last: head,
          followers: new Set(),
          reading: false,
          again: false,
        };
        this.districts.set(d, st);
        // Anything that arrived while the head was read is read now.
        this.pull(d, st);
        return st;
      });
      starting.catch(() => this.starting.delete(d));
      this.starting.set(d, starting);
    }
    return starting;
  }

  private notified(n: CaseEventPayload): void {
    if (n.districtId === CATCH_UP_DISTRICT) {
      for (const [d, st] of this.districts) this.pull(d, st);
      return;
    }
    const st = this.districts.get(n.districtId);
    if (st && BigInt(n.position) > st.last) this.pull(n.districtId, st);
  }

  private pull(d: string, st: DistrictState<I>): void {
    if (st.reading) {
      st.again = true;
      return;
    }
    st.reading = true;
    void (async () => {
      try {
        do {
          st.again = false;
          const items = await this.source.read(d, st.last, PAGE);
          for (const item of items) {
            st.last = item.position;
            const followers = [...st.followers];
            for (let i = 0; i < followers.length; i += SLICE) {
              if (i > 0) await turn();
              for (const f of followers.slice(i, i + SLICE)) {
                try {
                  f.offer(item);
                } catch (err) {
                  // One follower's failure is its own: the others still get the entry.
                  this.log("handing a log entry to a live subscriber failed", err);
                }
              }
            }
          }
          if (items.length === PAGE) st.again = true;
        } while (st.again && st.followers.size > 0);
      } catch (err) {
        // Read again from the same position (nothing is skipped): at the next notification, or
        // in a second if the district stays quiet.
        this.log("reading the log for live subscribers failed", err);
        setTimeout(() => {
          if (st.followers.size > 0 && this.districts.get(d) === st) this.pull(d, st);
        }, 1000).unref();
      } finally {
        st.reading = false;
        if (st.followers.size === 0 && this.districts.get(d) === st) this.districts.delete(d);
      }
    })();
  }
}
