import type DataLoader from "dataloader";
import { In } from "typeorm";
import { byId, type Loaders } from "../../context/loaders";
import { City } from "./city.entity";
import { District } from "./district.entity";

/** Cities by id, once per request: a reference table that every principal may read. */
export function cityLoader(loaders: Loaders): DataLoader<string, City | null> {
  return loaders.batch<string, City | null>("city:byId", (ids) =>
    loaders.db.run(async (m) => byId(ids, await m.find(City, { where: { id: In([...ids]) } }))),
  );
}

/**
 * Districts by id, once per request. Only the caller's own: any other is null, as a tenant row of
 * another district would be, although the table itself is readable by every principal.
 */
export function districtLoader(loaders: Loaders): DataLoader<string, District | null> {
  return loaders.batch<string, District | null>("district:byId", (ids) =>
    loaders.db.run(async (m) =>
      byId(
        ids,
        await m.find(District, {
          where: { id: In(ids.filter((id) => loaders.districtIds.includes(id))) },
        }),
      ),
    ),
  );
}
