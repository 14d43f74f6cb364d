import { HeaderMap } from "@apollo/server";
import { AppError } from "../common/errors";

/**
 * How much work runs at once. Operations are cheap or heavy by their cost (cost.ts). Cheap ones
 * run at once, so `{ me { role } }` never waits behind a tree walk. Heavy ones take one of a few
 * slots; when all are taken they wait in a bounded queue, first come first served, for a bounded
 * time, and are refused with SERVER_BUSY past either bound. Each account has its own bounds too:
 * operations in flight (running or waiting), and heavy ones among them.
 */
export interface WorkGateOptions {
  /** Operations costing more than this are heavy. */
  heavyCost: number;
  /** Heavy operations running at once in this process. */
  heavySlots: number;
  /** Heavy operations waiting for a slot in this process. */
  heavyQueue: number;
  /** The longest a heavy operation waits for a slot, in ms. */
  queueWaitMs: number;
  /** Operations in flight for one account. */
  perPrincipal: number;
  /** Heavy operations in flight (running or waiting) for one account. */
  perPrincipalHeavy: number;
}

export const DEFAULT_WORK_GATE: Readonly<WorkGateOptions> = {
  heavyCost: 1000,
  heavySlots: 4,
  heavyQueue: 256,
  queueWaitMs: 15_000,
  perPrincipal: 32,
  perPrincipalHeavy: 8,
};

export type Release = () => void;

interface Waiter {
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

export class WorkGate {
  private running = 0;
  private readonly queue: Waiter[] = [];
  private readonly perAccount = new Map<string, { all: number; heavy: number }>();

  constructor(private readonly options: WorkGateOptions) {}

  /** What the gate holds now (for metrics and tests). */
  get state() {
    return { heavyRunning: this.running, heavyWaiting: this.queue.length };
  }

  isHeavy(cost: number): boolean {
    return cost > this.options.heavyCost;
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
    if (heavy && this.running >= o.heavySlots && this.queue.length >= o.heavyQueue)
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
      this.next();
    };
    if (this.running < o.heavySlots) {
      this.running++;
      return release;
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          this.running++;
          resolve(release);
        },
        refuse: () => {
          clearTimeout(waiter.timer);
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          released = true;
          leave();
          reject(busy("the server is busy with heavy requests; retry shortly", 2));
        },
        timer: setTimeout(() => waiter.refuse(), o.queueWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private next(): void {
    if (this.running < this.options.heavySlots) this.queue.shift()?.admit();
  }

  /** Refuses everything waiting (shutdown). */
  close(): void {
    for (const w of [...this.queue]) w.refuse();
  }
}
