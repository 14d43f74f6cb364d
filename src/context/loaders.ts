import DataLoader from "dataloader";
import { In } from "typeorm";
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
  return {
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
