import { cancellable } from "./cancellable";
import { untilClosed } from "./bounded-queue";
import { type SubscriberLimits, subscriberQueue } from "./feeds";
import { type PubSub, type Topic, type Topics } from "./pubsub";
import { SHARED } from "./shared-execution";

/**
 * A subscription to one topic, counted among the live subscriptions as `field` from the moment
 * it listens; `accept` decides, per payload, what this subscriber receives (its tenant, its
 * filters). Payloads wait in a bounded queue: a subscriber that falls behind is cut off. It ends
 * as soon as its client leaves.
 */
export function topicStream<T extends Topic>(
  ctx: { pubSub: PubSub; subscriber?: SubscriberLimits },
  topic: T,
  field: string,
  accept: (payload: Topics[T][0]) => boolean,
): AsyncGenerator<Topics[T][0]> {
  return cancellable(async function* (closed) {
    const { queue } = subscriberQueue<Topics[T][0]>(ctx, () => stop());
    const unlisten = ctx.pubSub.on(topic, (payload) => {
      // The same payload object reaches every listener: subscribers with the same rights and
      // selection share one execution for it.
      // common/objects.ts's extend, typed for a payload of any topic (a new key, not a new type).
      if (accept(payload)) queue.offer(Object.assign({}, payload, { [SHARED]: payload }));
    });
    const leave = ctx.pubSub.live.enter(field);
    // Cut off or ended: out of the topic and of the live count at once.
    const stop = () => {
      leave();
      unlisten();
      queue.end();
    };
    try {
      yield* untilClosed(queue, closed);
    } finally {
      stop();
    }
  });
}
