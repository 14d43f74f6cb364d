import DataLoader, { type BatchLoadFn } from "dataloader";
import { In, type FindOptionsWhere } from "typeorm";
import { type TenantDb } from "../db/tenant";
import { Department } from "../modules/org/department.entity";
import { StaffAccount } from "../modules/org/staff-account.entity";
import { District } from "../modules/tenancy/district.entity";
import { City } from "../modules/tenancy/city.entity";

export interface Loaders {
  city: DataLoader<string, City | null>;
  district: DataLoader<string, District | null>;
  department: DataLoader<string, Department | null>;
  staffAccount: DataLoader<string, StaffAccount | null>;
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
  districtIds: readonly string[];
  db: TenantDb;
}

type Entity = { id: string };

function byId<T extends Entity>(ids: readonly string[], rows: T[]): Array<T | null> {
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
      }
      return v;
    },
    city: new DataLoader(
      (ids) => db.run(async (m) => byId(ids, await m.find(City, { where: { id: In([...ids]) } }))),
      o,
    ),
    district: new DataLoader(
      (ids) =>
        db.run(async (m) =>
          byId(
            ids,
            await m.find(District, {
              where: { id: In(ids.filter((id) => districtIds.includes(id))) },
            }),
          ),
        ),
      o,
    ),
    department: new DataLoader(
      (ids) =>
        db.run(async (m) =>
          byId(
            ids,
            await m.find(Department, { where: { districtId: In(districtIds), id: In([...ids]) } }),
          ),
        ),
      o,
    ),
    staffAccount: new DataLoader(
      (ids) =>
        db.run(async (m) =>
          byId(
            ids,
            await m.find(StaffAccount, {
              where: { districtId: In(districtIds), id: In([...ids]) },
            }),
          ),
        ),
      o,
    ),
  };
}
