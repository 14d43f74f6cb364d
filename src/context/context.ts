import { type Principal } from "./principal";
import { type Loaders } from "./loaders";
import { type TenantDb } from "../db/tenant";
import { type PubSub } from "../realtime/pubsub";
import { type Clock } from "../common/clock";

/** What every resolver receives: who is calling, its tenant-scoped database, its loaders, the time. */
export interface Context {
  principal: Principal | null;
  db: TenantDb;
  loaders: Loaders;
  pubSub: PubSub;
  /** The time the rules read (see common/clock.ts). */
  clock: Clock;
}

/** A context whose principal is known: what resolvers behind @Authorized get. */
export interface AuthedContext extends Context {
  principal: Principal;
}
