/**
 * What a live subscription reads from: items offered by the shared feed, waiting for the
 * subscriber's connection to take them. It holds at most `limit` items; an offer beyond that is
 * refused and the queue ends with `overflow` (the subscriber is cut off: it resumes from its
 * cursor), so a subscriber that stops reading costs a bounded amount of memory and nobody else
 * anything: the feed that offers never waits and never throws.
 */
export class SubscriberOverflow extends Error {
  constructor(readonly limit: number) {
    super(`the subscriber fell more than ${limit} events behind and was cut off`);
    this.name = "SubscriberOverflow";
  }
}

export class BoundedQueue<T> implements AsyncIterableIterator<T> {
  private items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  private failWaiting: ((err: unknown) => void) | null = null;
  private done = false;
  private error: unknown = null;

  constructor(
    readonly limit: number,
    /** Called once when an offer finds the queue full (before it ends). */
    private readonly onOverflow: (err: SubscriberOverflow) => void = () => undefined,
  ) {}

  get size(): number {
    return this.items.length;
  }

  get ended(): boolean {
    return this.done;
  }

  /** Offers an item; false if the queue has ended (now or before). Never blocks, never throws. */
  offer(item: T): boolean {
    if (this.done) return false;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = this.failWaiting = null;
      w({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.limit) {
      const err = new SubscriberOverflow(this.limit);
      this.fail(err);
      this.onOverflow(err);
      return false;
    }
    this.items.push(item);
    return true;
  }

  /** Ends the queue after the items it holds. */
  end(): void {
    if (this.done) return;
    this.done = true;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = this.failWaiting = null;
      w({ value: undefined as never, done: true });
    }
  }

  /** Ends the queue at once with an error for its reader (what it holds is dropped). */
  fail(err: unknown): void {
    if (this.done) return;
    this.done = true;
    this.error = err;
    this.items = [];
    if (this.failWaiting) {
      const f = this.failWaiting;
      this.waiting = this.failWaiting = null;
      f(err);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.error) return Promise.reject(this.error);
    if (this.done) return Promise.resolve({ value: undefined as never, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.items = [];
    this.end();
    return Promise.resolve({ value: undefined as never, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/**
 * What a subscription yields: the queue's items until the queue ends or the subscriber leaves
 * (`closed`, see cancellable.ts), whichever comes first.
 */
export async function* untilClosed<T>(
  queue: BoundedQueue<T>,
  closed: Promise<null>,
): AsyncGenerator<T> {
  // The subscriber left: the queue drops what it holds and ends, and so does its reader. (No race
  // per event: one wait less for each of the thousands of deliveries.)
  void closed.then(() => queue.return());
  yield* queue;
}
