import DataLoader, { type BatchLoadFn } from "dataloader";
import { In, type FindOptionsWhere } from "typeorm";
import { type TenantDb } from "../db/tenant";

/**
 * The request's loaders. They name no module's entity: a tenant row is loaded with
 * `entity(Department)`, and a module adds loaders of its own with `batch` (see
 * modules/tenancy/tenancy.loaders.ts), so that this layer stays below the modules.
 */
export interface Loaders {
  /** A loader of tenant rows of one entity by id (the caller's districts only). */
  entity<T extends Entity & { districtId: string }>(
    target: new () => T,
  ): DataLoader<string, T | null>;
  /**
   * A loader for one kind of batched query, made on first use and shared by every field of the
   * request that asks the same question (same key): what turns N sibling fields into one query.
   */
  batch<K, V>(key: string, fn: BatchLoadFn<K, V>): DataLoader<K, V>;
  /** Per-request memo of values that are not batched (e.g. the caller's scope). */
  memo<V>(key: string, make: () => Promise<V>): Promise<V>;
  /**
   * A memo's value once it has arrived (undefined before): lets a resolver that would otherwise
   * await it answer synchronously, which graphql-js completes far more cheaply than a promise.
   */
  settled<V>(key: string): V | undefined;
  districtIds: readonly string[];
  db: TenantDb;
}

type Entity = { id: string };

/** The rows in the order of the ids asked for, null where none was found (DataLoader's contract). */
export function byId<T extends Entity>(ids: readonly string[], rows: T[]): Array<T | null> {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/**
 * One set of loaders per request (per operation for subscriptions, without caching so that each
 * event sees current rows). Tenant rows are read through the request's tenant transaction, so
 * row-level security applies; the explicit district filter is the first wall, RLS the second.
 */
export function createLoaders(
  db: TenantDb,
  districtIds: string[],
  opts: { cache: boolean },
): Loaders {
  const o = { cache: opts.cache };
  const byEntity = new Map<unknown, DataLoader<string, unknown>>();
  const batches = new Map<string, DataLoader<unknown, unknown>>();
  const memos = new Map<string, Promise<unknown>>();
  const settled = new Map<string, unknown>();
  return {
    districtIds,
    db,
    entity<T extends Entity & { districtId: string }>(target: new () => T) {
      let loader = byEntity.get(target) as DataLoader<string, T | null> | undefined;
      if (!loader) {
        loader = new DataLoader<string, T | null>(
          (ids) =>
            db.run(async (m) =>
              byId(
                ids,
                await m.find(target, {
                  where: { districtId: In(districtIds), id: In([...ids]) } as FindOptionsWhere<T>,
                }),
              ),
            ),
          o,
        );
        byEntity.set(target, loader as DataLoader<string, unknown>);
      }
      return loader;
    },
    batch<K, V>(key: string, fn: BatchLoadFn<K, V>) {
      let loader = batches.get(key) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V>(fn, o);
        batches.set(key, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
    memo<V>(key: string, make: () => Promise<V>) {
      // Without caching (subscriptions), every event sees current data.
      if (!opts.cache) return make();
      let v = memos.get(key) as Promise<V> | undefined;
      if (!v) {
        v = make();
        memos.set(key, v);
        v.then(
          (value) => settled.set(key, value),
          () => undefined,
        );
      }
      return v;
    },
    settled<V>(key: string) {
      return settled.get(key) as V | undefined;
    },
  };
}
