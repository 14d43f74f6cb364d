import {
  gcj02ToWgs84,
  mapPositions,
  outsideChina,
  wgs84ToGcj02,
} from "../../src/modules/export/gcj02";

/** Metres between two nearby positions [lon, lat] (equirectangular: exact enough below 10 km). */
function metres(a: readonly number[], b: readonly number[]): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.hypot(x, y) * r;
}

/** Places of the demo's districts and of the rest of China, WGS 84. */
const PLACES: Array<[string, number, number]> = [
  ["明山区", 123.817, 41.302],
  ["本溪", 123.77, 41.29],
  ["沈阳", 123.43, 41.8],
  ["北京", 116.397, 39.909],
  ["上海", 121.474, 31.23],
  ["乌鲁木齐", 87.617, 43.826],
  ["三亚", 109.512, 18.252],
];

it("shifts positions in China by a few hundred metres, and nothing outside it", () => {
  for (const [name, lon, lat] of PLACES) {
    const shift = metres([lon, lat], wgs84ToGcj02([lon, lat]));
    expect([name, shift > 20 && shift < 1000]).toEqual([name, true]);
  }
  for (const p of [
    [2.35, 48.85],
    [139.69, 35.69],
    [-74, 40.7],
  ])
    expect(wgs84ToGcj02(p)).toEqual(p);
  expect(outsideChina(123.8, 41.3)).toBe(false);
});

it("shifts Beijing and Shanghai as GCJ-02 maps do (to about 10 m)", () => {
  // The offsets web maps show there: Beijing about 0.0062° east and 0.0014° north, Shanghai
  // about 0.0045° east and 0.0019° south.
  const [bLon, bLat] = wgs84ToGcj02([116.397, 39.909]);
  expect(bLon - 116.397).toBeCloseTo(0.0062, 4);
  expect(bLat - 39.909).toBeCloseTo(0.0014, 4);
  const [sLon, sLat] = wgs84ToGcj02([121.474, 31.23]);
  expect(sLon - 121.474).toBeCloseTo(0.0045, 4);
  expect(sLat - 31.23).toBeCloseTo(-0.0019, 4);
});

it("shifts smoothly: neighbours 10 m apart stay about 10 m apart", () => {
  const a = [123.817, 41.302];
  const b = [123.817 + 10 / (111_320 * Math.cos((41.302 * Math.PI) / 180)), 41.302];
  const d = metres(wgs84ToGcj02(a), wgs84ToGcj02(b));
  expect(Math.abs(d - metres(a, b))).toBeLessThan(0.5);
});

it("comes back from GCJ-02 to WGS 84 within a millimetre", () => {
  for (const [name, lon, lat] of PLACES) {
    const back = gcj02ToWgs84(wgs84ToGcj02([lon, lat]));
    expect([name, metres(back, [lon, lat]) < 0.001]).toEqual([name, true]);
  }
});

it("maps every position of a geometry, at any depth", () => {
  const poly = [
    [
      [1, 2],
      [3, 4],
    ],
  ];
  expect(mapPositions(poly, ([x, y]) => [x * 10, y * 10])).toEqual([
    [
      [10, 20],
      [30, 40],
    ],
  ]);
  expect(mapPositions([poly, poly], ([x, y]) => [y, x])).toEqual([
    [
      [
        [2, 1],
        [4, 3],
      ],
    ],
    [
      [
        [2, 1],
        [4, 3],
      ],
    ],
  ]);
});
