/**
 * A district's places taken from its grid tree in memory, as the history and the patrols would
 * read them back once the tree is written (case-inputs.ts readPlaces, patrols.ts readPatrolPlaces):
 * the same rows in the same order. So the lane can play the month while PostgreSQL writes the
 * tree (lane.ts), instead of one after the other.
 *
 * The order of text keys (codes, names, building numbers) is the database's own, asked of it
 * (its collation decides, as in the queries it stands for); uuids sort as PostgreSQL sorts them,
 * byte by byte, which for their lowercase text is the order of the strings.
 */
import { type ClientBase } from "pg";
import { type PlaceRows } from "./case-inputs";
import { type GridTree, type PersonRow } from "./grid-tree/rows";
import { type PatrolPlaces } from "./patrols";

/** The positions of rows sorted by the given keys as the database sorts them (ties keep their order). */
async function orderOf(
  client: ClientBase,
  keys: ReadonlyArray<readonly ["text" | "uuid", ReadonlyArray<string>]>,
): Promise<number[]> {
  const names = keys.map((_, i) => `k${i}`);
  const { rows } = await client.query(
    `SELECT (o - 1)::int AS i
       FROM unnest(${keys.map(([type], i) => `$${i + 1}::${type}[]`).join(", ")})
            WITH ORDINALITY AS t(${names.join(", ")}, o)
      ORDER BY ${names.join(", ")}, o`,
    keys.map(([, values]) => values),
  );
  return rows.map((r) => r.i as number);
}

async function sorted<T>(
  client: ClientBase,
  list: readonly T[],
  keys: ReadonlyArray<readonly ["text" | "uuid", (row: T) => string]>,
): Promise<T[]> {
  const order = await orderOf(
    client,
    keys.map(([type, key]) => [type, list.map(key)] as const),
  );
  return order.map((i) => list[i]);
}

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The street offices by code, as the joint committees are made from them. */
export function streetsOf(
  client: ClientBase,
  tree: GridTree,
): Promise<Array<{ id: string; name: string }>> {
  return sorted(client, tree.street_office, [["text", (s) => s.code]]);
}

/** Everything the history and the patrols read of the tree, in their order. */
export async function treePlaces(
  client: ClientBase,
  tree: GridTree,
  units: ReadonlyArray<{ id: string; name: string; street_office_id: string }>,
): Promise<{ history: PlaceRows; patrols: PatrolPlaces }> {
  const streetName = new Map(tree.street_office.map((s) => [s.id, s.name]));
  const communityName = new Map(tree.community.map((c) => [c.id, c.name]));
  const grids = await sorted(client, tree.grid, [["text", (g) => g.code]]);
  const compounds = await sorted(client, tree.compound, [["text", (c) => c.code]]);
  const buildings = await sorted(client, tree.building, [
    ["uuid", (b) => b.compound_id],
    ["text", (b) => b.number],
  ]);
  const unitRows = await sorted(client, units, [
    ["text", (u) => u.name],
    ["uuid", (u) => u.id],
  ]);
  const adults = (p: PersonRow) => p.phone !== null && p.birth_year <= 2006;
  return {
    history: {
      grids: grids.map((g) => ({
        id: g.id,
        code: g.code,
        kind: g.kind,
        streetOfficeId: g.street_office_id,
        communityId: g.community_id,
        streetName: streetName.get(g.street_office_id)!,
        communityName: communityName.get(g.community_id)!,
        latitude: g.latitude,
        longitude: g.longitude,
      })),
      compounds: compounds.map((c) => ({
        id: c.id,
        grid_id: c.grid_id,
        name: c.name,
        address: c.address,
      })),
      buildings: buildings.map((b) => ({ id: b.id, compound_id: b.compound_id, number: b.number })),
      people: byId(tree.person.filter(adults)).map((p) => ({
        grid_id: p.grid_id,
        name: p.name,
        phone: p.phone,
        subject: p.subject,
      })),
      units: unitRows.map((u) => ({ id: u.id, name: u.name, streetOfficeId: u.street_office_id })),
    },
    patrols: {
      grids: grids.map((g) => ({
        id: g.id,
        kind: g.kind,
        community: communityName.get(g.community_id)!,
      })),
      households: byId(tree.household).map((h) => ({
        id: h.id,
        grid_id: h.grid_id,
        compound_id: h.compound_id,
      })),
      compounds: compounds.map((c) => ({ id: c.id, grid_id: c.grid_id })),
      buildings: buildings.map((b) => ({ id: b.id, compound_id: b.compound_id })),
    },
  };
}
