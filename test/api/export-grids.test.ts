import { startTestServer, type TestServer } from "../helpers/server";
import { asDistrict, buildCity, buildDistrict, closeFactories, tokenFor } from "../factories";
import { buildTree, gid, type BuiltTree } from "../factories/tree";
import { type BuiltDistrict } from "../factories";
import { wgs84ToGcj02 } from "../../src/modules/export/gcj02";

/** GET /export/grids.geojson: the caller's district's grids, boundaries as stored or in GCJ-02. */
let server: TestServer;
let district: BuiltDistrict;
let tree: BuiltTree;
let otherTree: BuiltTree;
let otherDistrict: BuiltDistrict;
let city: Awaited<ReturnType<typeof buildCity>>;
const RING = [
  [123.78, 41.3],
  [123.79, 41.3],
  [123.79, 41.31],
  [123.78, 41.31],
  [123.78, 41.3],
];

interface Collection {
  type: string;
  coordinateSystem: string;
  features: Array<{
    type: string;
    id: string;
    geometry: { type: string; coordinates: number[][][] } | null;
    properties: {
      code: string;
      name: string;
      streetOffice: { code: string; name: string };
      community: { code: string; name: string; kind: string };
    };
  }>;
}

const get = (path: string, token?: string) =>
  fetch(`${server.url.replace(/\/graphql$/, "")}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

async function collection(path: string, token: string): Promise<Collection> {
  const res = await get(path, token);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
  return (await res.json()) as Collection;
}

beforeAll(async () => {
  city = await buildCity();
  district = await buildDistrict({ city });
  otherDistrict = await buildDistrict({ city });
  tree = await buildTree(district);
  otherTree = await buildTree(otherDistrict);
  await asDistrict(district.id, (q) =>
    q("UPDATE grid SET boundary = $3 WHERE district_id = $1 AND id = $2", [
      district.id,
      tree.gridA,
      JSON.stringify({ type: "Polygon", coordinates: [RING] }),
    ]),
  );
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("writes the district's grids by code, with their street office and community, boundaries as stored", async () => {
  const token = await tokenFor({ district, role: "command_center" });
  const fc = await collection("/export/grids.geojson", token);
  expect(fc.type).toBe("FeatureCollection");
  expect(fc.coordinateSystem).toBe("WGS 84");
  expect(fc.features.map((f) => f.properties.code)).toEqual([
    "so-a-c01-g01",
    "so-a-c01-g02",
    "so-b-v01-g01",
  ]);
  expect(fc.features.map((f) => f.id)).toEqual([
    gid("Grid", tree.gridA),
    gid("Grid", tree.gridB),
    gid("Grid", tree.gridRural),
  ]);
  const [a, , rural] = fc.features;
  expect(a.type).toBe("Feature");
  expect(a.geometry).toEqual({ type: "Polygon", coordinates: [RING] });
  expect(a.properties).toMatchObject({
    name: "永丰社区第1网格",
    streetOffice: { code: "so-a", name: "甲街道" },
    community: { code: "so-a-c01", name: "永丰社区", kind: "community" },
  });
  expect(rural.properties.community).toEqual({ code: "so-b-v01", name: "韩家村", kind: "village" });
  expect(rural.geometry).toBeNull();
});

it("converts to GCJ-02 when asked, and filters by street office", async () => {
  const token = await tokenFor({ district, role: "resident" });
  const fc = await collection(
    `/export/grids.geojson?crs=gcj02&streetOfficeId=${encodeURIComponent(gid("StreetOffice", tree.streetA))}`,
    token,
  );
  expect(fc.coordinateSystem).toBe("GCJ-02");
  expect(fc.features.map((f) => f.properties.code)).toEqual(["so-a-c01-g01", "so-a-c01-g02"]);
  expect(fc.features[0].geometry!.coordinates).toEqual([RING.map((p) => wgs84ToGcj02(p))]);
});

it("gives another district's token its own grids only, and a city admin none", async () => {
  const theirs = await collection(
    "/export/grids.geojson",
    await tokenFor({ district: otherDistrict, role: "district_admin" }),
  );
  expect(theirs.features.map((f) => f.id)).toEqual([
    gid("Grid", otherTree.gridA),
    gid("Grid", otherTree.gridB),
    gid("Grid", otherTree.gridRural),
  ]);
  expect(theirs.features.every((f) => f.geometry === null)).toBe(true);
  const res = await get(
    "/export/grids.geojson",
    await tokenFor({ city, role: "city_admin" }, { sub: "c.admin" }),
  );
  expect(res.status).toBe(400);
  expect(
    ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions
      .code,
  ).toBe("BAD_USER_INPUT");
});

it("refuses bad parameters and a missing token with a coded JSON error", async () => {
  const token = await tokenFor({ district, role: "command_center" });
  for (const [path, status, field] of [
    ["/export/grids.geojson?crs=bd09", 400, "crs"],
    ["/export/grids.geojson?format=kml", 400, "format"],
    [`/export/grids.geojson?streetOfficeId=${gid("Grid", tree.gridA)}`, 400, "streetOfficeId"],
    ["/export/grids.geojson?includeRetired=1", 400, "includeRetired"],
  ] as const) {
    const res = await get(path, token);
    const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect([path, res.status, body.errors[0].extensions]).toEqual([
      path,
      status,
      { code: "BAD_USER_INPUT", field },
    ]);
  }
  const anonymous = await get("/export/grids.geojson");
  expect(anonymous.status).toBe(401);
  await anonymous.text();
});

it("answers a browser page's CORS preflight as /graphql does (localhost in development)", async () => {
  const res = await fetch(`${server.url.replace(/\/graphql$/, "")}/export/grids.geojson`, {
    method: "OPTIONS",
    headers: {
      origin: "http://localhost:5173",
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization",
    },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  const elsewhere = await get("/export/grids.geojson");
  expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
  await elsewhere.text();
});
