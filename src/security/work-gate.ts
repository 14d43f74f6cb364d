import { HeaderMap } from "@apollo/server";
import { AppError } from "../common/errors";
import { type WorkGateOptions } from "./work-gate.options";

export { DEFAULT_WORK_GATE, type WorkGateOptions } from "./work-gate.options";

export type Release = () => void;

interface Waiter {
  cost: number;
  admit: () => void;
  refuse: () => void;
  timer: NodeJS.Timeout;
}

const busy = (message: string, retryAfter: number) =>
  new AppError("SERVER_BUSY", message, {
    retryAfter,
    http: { status: 503, headers: new HeaderMap([["retry-after", String(retryAfter)]]) },
  });

const tooManyInFlight = (message: string, limit: number) =>
  new AppError("RATE_LIMITED", message, {
    scope: "in-flight",
    limit,
    retryAfter: 1,
    http: { status: 429, headers: new HeaderMap([["retry-after", "1"]]) },
  });

/**
 * How much work runs at once. Operations are cheap or heavy by their cost (cost.ts). Cheap ones
 * run at once, so `{ me { role } }` never waits behind a tree walk. Heavy ones take one of a few
 * slots, within a budget of cost running at once; when they do not fit they wait in a bounded
 * queue, first come first served, for a bounded time, and are refused with SERVER_BUSY past either
 * bound. Each account has its own bounds too: operations in flight (running or waiting), and heavy
 * ones among them.
 *
 * Why a budget as well as slots: JavaScript runs on one thread, so heavy operations running
 * together do not finish sooner, they take turns on it, and every cheap request waits behind all
 * of their turns. Measured on 2 cores (`npm run soak`, and walks back to back), four whole-tree
 * walks at once (cost 36,422 each) gave `{ me { role } }` a p95 of 210–360 ms; one at a time,
 * 75–115 ms, for 0–15% fewer walks a second. Counting cost instead of operations lets a walk run
 * alone while smaller heavy screens still share what it leaves.
 */
export class WorkGate {
  private running = 0;
  /** The cost of the heavy operations running. */
  private costRunning = 0;
  private readonly queue: Waiter[] = [];
  private readonly perAccount = new Map<string, { all: number; heavy: number }>();
  private closed = false;

  constructor(private readonly options: WorkGateOptions) {}

  /** What the gate holds now (for metrics and tests). */
  get state() {
    return { heavyRunning: this.running, heavyWaiting: this.queue.length };
  }

  isHeavy(cost: number): boolean {
    return cost > this.options.heavyCost;
  }

  /** Whether a heavy operation of `cost` may start now (the queue aside). */
  private fits(cost: number): boolean {
    if (this.running === 0) return true;
    const budget = this.options.heavyCostInFlight ?? Infinity;
    return this.running < this.options.heavySlots && this.costRunning + cost <= budget;
  }

  /**
   * Admits one operation of `account` costing `cost`: resolves with its release once it may run,
   * or rejects with RATE_LIMITED (this account has too much in flight) or SERVER_BUSY.
   */
  async admit(account: string, cost: number): Promise<Release> {
    const o = this.options;
    const heavy = this.isHeavy(cost);
    const mine = this.perAccount.get(account) ?? { all: 0, heavy: 0 };
    if (mine.all >= o.perPrincipal)
      throw tooManyInFlight(
        `at most ${o.perPrincipal} requests in flight for one account`,
        o.perPrincipal,
      );
    if (heavy && mine.heavy >= o.perPrincipalHeavy)
      throw tooManyInFlight(
        `at most ${o.perPrincipalHeavy} heavy requests in flight for one account`,
        o.perPrincipalHeavy,
      );
    // Nothing overtakes the queue: a heavy operation starts at once only when none waits.
    const startsNow = heavy && this.queue.length === 0 && this.fits(cost);
    if (heavy && !startsNow && this.queue.length >= o.heavyQueue)
      throw busy("the server is busy with heavy requests; retry shortly", 2);
    mine.all++;
    if (heavy) mine.heavy++;
    this.perAccount.set(account, mine);
    let released = false;
    const leave = () => {
      mine.all--;
      if (heavy) mine.heavy--;
      if (mine.all === 0) this.perAccount.delete(account);
    };
    if (!heavy) {
      return () => {
        if (released) return;
        released = true;
        leave();
      };
    }
    const release = () => {
      if (released) return;
      released = true;
      leave();
      this.running--;
      this.costRunning -= cost;
      this.next();
    };
    if (startsNow) {
      this.running++;
      this.costRunning += cost;
      return release;
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        cost,
        admit: () => {
          clearTimeout(waiter.timer);
          this.running++;
          this.costRunning += cost;
          resolve(release);
        },
        refuse: () => {
          clearTimeout(waiter.timer);
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          released = true;
          leave();
          // A head that did not fit is gone: what waited behind it may fit.
          if (i === 0 && !this.closed) this.next();
          reject(busy("the server is busy with heavy requests; retry shortly", 2));
        },
        timer: setTimeout(() => waiter.refuse(), o.queueWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  /** Starts waiting operations from the head of the queue while they fit. */
  private next(): void {
    while (this.queue.length > 0 && this.fits(this.queue[0].cost)) this.queue.shift()!.admit();
  }

  /** Refuses everything waiting (shutdown). */
  close(): void {
    this.closed = true;
    for (const w of [...this.queue]) w.refuse();
  }
}
