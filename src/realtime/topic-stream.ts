import { cancellable } from "./cancellable";
import { type PubSub, type Topic, type Topics } from "./pubsub";

/**
 * A subscription to one topic, counted among the live subscriptions as `field` from the moment
 * it listens; `accept` decides, per payload, what this subscriber receives (its tenant, its
 * filters). It ends as soon as its client leaves.
 */
export function topicStream<T extends Topic>(
  pubSub: PubSub,
  topic: T,
  field: string,
  accept: (payload: Topics[T][0]) => boolean,
): AsyncGenerator<Topics[T][0]> {
  return cancellable(async function* (closed) {
    const it = (pubSub.subscribe as (t: Topic) => AsyncIterable<unknown>)(topic)[
      Symbol.asyncIterator
    ]();
    // The first next() makes the pub/sub add its listener, synchronously: live from here.
    let pending = it.next();
    const leave = pubSub.live.enter(field);
    try {
      for (;;) {
        const next = await Promise.race([pending, closed]);
        if (next === null || next.done) return;
        pending = it.next();
        if (accept(next.value as Topics[T][0])) yield next.value as Topics[T][0];
      }
    } finally {
      leave();
      await it.return?.();
    }
  });
}
