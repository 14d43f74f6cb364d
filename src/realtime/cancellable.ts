/**
 * An async generator that stops as soon as its subscriber leaves. A plain generator waiting on an
 * `await` only sees `return()` at its next `yield`, which for a quiet subscription may be never:
 * it would go on listening (and working) for a client that is gone. Here `return()` first
 * resolves `closed`, which the generator races against each wait, and then ends it.
 */
export function cancellable<T>(
  make: (closed: Promise<null>) => AsyncGenerator<T>,
): AsyncGenerator<T> {
  let close!: () => void;
  const closed = new Promise<null>((r) => (close = () => r(null)));
  const gen = make(closed);
  const it: AsyncGenerator<T> = {
    next: (...args) => gen.next(...args),
    async return(value) {
      close();
      return gen.return(value as never);
    },
    async throw(err) {
      close();
      return gen.throw(err);
    },
    [Symbol.asyncIterator]() {
      return it;
    },
    [Symbol.asyncDispose]: async () => {
      close();
      await gen.return(undefined as never);
    },
  } as AsyncGenerator<T>;
  return it;
}
