import { cellsOf } from "../../src/demo/grid-tree/cells";
import { generateGridTree } from "../../src/demo/grid-tree/generate";
import { DEMO_CITIES } from "../../src/demo/cities";
import { type GeoJsonPolygon } from "../../src/demo/grid-tree/rows";

/**
 * The demo grids' outlines (src/demo/grid-tree/cells.ts): every grid of every demo district has
 * one, a closed counter-clockwise ring around its own centre, and no two overlap.
 */

type Point = [number, number];

/** Whether p lies inside the ring (even-odd rule; the samples below never fall on an edge). */
function inside(ring: number[][], [x, y]: Point): boolean {
  let yes = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) yes = !yes;
  }
  return yes;
}

/** Twice the signed area (shoelace): positive for a counter-clockwise ring. */
function area2(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++)
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

/** The convex hull of the points, a closed counter-clockwise ring (monotone chain). */
function convexHull(points: Point[]): number[][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const turn = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (pts: Point[]) => {
    const h: Point[] = [];
    for (const q of pts) {
      while (h.length >= 2 && turn(h[h.length - 2], h[h.length - 1], q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  const ring = [...half(p), ...half([...p].reverse())];
  return [...ring, ring[0]];
}

interface Cell {
  ring: number[][];
  box: [number, number, number, number];
}

function cellOf(p: GeoJsonPolygon): Cell {
  const ring = p.coordinates[0];
  const xs = ring.map((q) => q[0]);
  const ys = ring.map((q) => q[1]);
  return { ring, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
}

/** How many cells hold the point. */
function holders(cells: Cell[], p: Point): number {
  let n = 0;
  for (const c of cells)
    if (p[0] >= c.box[0] && p[0] <= c.box[2] && p[1] >= c.box[1] && p[1] <= c.box[3])
      if (inside(c.ring, p)) n++;
  return n;
}

/**
 * Points to test for overlaps: a lattice over all the cells (offset so that no point falls on a
 * rounded coordinate), and, where two cells would overlap if any, just inside each edge of each
 * cell and near each corner.
 */
function samples(cells: Cell[]): Point[] {
  const out: Point[] = [];
  const x0 = Math.min(...cells.map((c) => c.box[0]));
  const y0 = Math.min(...cells.map((c) => c.box[1]));
  const x1 = Math.max(...cells.map((c) => c.box[2]));
  const y1 = Math.max(...cells.map((c) => c.box[3]));
  const n = 150;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      out.push([x0 + ((i + 0.3183) / n) * (x1 - x0), y0 + ((j + 0.2718) / n) * (y1 - y0)]);
  for (const { ring } of cells) {
    const cx = ring.slice(1).reduce((s, q) => s + q[0], 0) / (ring.length - 1);
    const cy = ring.slice(1).reduce((s, q) => s + q[1], 0) / (ring.length - 1);
    for (let i = 0; i < ring.length - 1; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      // A tenth of a metre inside the edge's middle, and in from the corner.
      for (const [px, py] of [
        [(ax + bx) / 2, (ay + by) / 2],
        [ax, ay],
      ]) {
        const dx = cx - px;
        const dy = cy - py;
        const d = Math.hypot(dx, dy);
        out.push([px + (dx / d) * 1.3e-6, py + (dy / d) * 1.1e-6]);
      }
    }
  }
  return out;
}

function check(
  grids: ReadonlyArray<{ latitude: number; longitude: number; boundary: GeoJsonPolygon | null }>,
) {
  const cells: Cell[] = [];
  for (const g of grids) {
    const b = g.boundary!;
    expect(b.type).toBe("Polygon");
    expect(b.coordinates).toHaveLength(1);
    const ring = b.coordinates[0];
    expect(ring.length).toBeGreaterThanOrEqual(4);
    // Closed, no corner repeated, longitude and latitude in that order (WGS 84, near Benxi).
    expect(ring[ring.length - 1]).toEqual(ring[0]);
    expect(new Set(ring.slice(1).map((q) => q.join())).size).toBe(ring.length - 1);
    for (const [lng, lat] of ring) {
      expect(lng).toBeGreaterThan(120);
      expect(lng).toBeLessThan(130);
      expect(lat).toBeGreaterThan(38);
      expect(lat).toBeLessThan(44);
    }
    expect(area2(ring)).toBeGreaterThan(0);
    expect(inside(ring, [g.longitude, g.latitude])).toBe(true);
    cells.push(cellOf(b));
  }
  const overlaps = samples(cells).filter((p) => holders(cells, p) > 1);
  expect(overlaps).toEqual([]);
  // No gaps either: the cells cut one convex region, the hull of all their corners, so with no
  // overlaps their areas add up to its area, to the rounding of the corners to 6 decimals (the
  // hull of the rounded outer corners bulges by centimetres: 1.5e-5 of the area, where a gap the
  // size of a grid would be 1e-3).
  const hull = convexHull(cells.flatMap((c) => c.ring.slice(1) as Point[]));
  const sum = cells.reduce((n, c) => n + area2(c.ring), 0);
  expect(Math.abs(sum - area2(hull)) / area2(hull)).toBeLessThan(1e-4);
  return cells;
}

const districts = DEMO_CITIES.flatMap((c) => c.districts);

it.each(districts.map((d) => [d.code, d]))(
  "every grid of %s has its own cell, closed and counter-clockwise around its centre, none overlapping",
  (_code, d) => {
    let n = 0;
    const tree = generateGridTree(d, { newId: () => `id-${++n}` });
    expect(tree.grid.length).toBeGreaterThan(0);
    check(tree.grid);
  },
);

it("tiles the area: four centres of a square meet at its middle, with nothing left between them", () => {
  const sites = [
    { latitude: 41.3, longitude: 123.8 },
    { latitude: 41.3, longitude: 123.81 },
    { latitude: 41.31, longitude: 123.81 },
    { latitude: 41.31, longitude: 123.8 },
  ];
  const cells = cellsOf(sites);
  check(sites.map((s, i) => ({ ...s, boundary: cells[i] })));
  const middle = [123.805, 41.305];
  for (const c of cells) expect(c.coordinates[0]).toContainEqual(middle);
  // Points around the middle, and between any two centres, are each in exactly one cell.
  const parts = cells.map(cellOf);
  for (let a = 0; a < 16; a++) {
    const t = ((a + 0.5) * Math.PI) / 8;
    expect(holders(parts, [123.805 + 0.003 * Math.cos(t), 41.305 + 0.002 * Math.sin(t)])).toBe(1);
  }
});

it("gives one site alone the area around it", () => {
  const [cell] = cellsOf([{ latitude: 41.3, longitude: 123.8 }]);
  expect(inside(cell.coordinates[0], [123.8, 41.3])).toBe(true);
  expect(area2(cell.coordinates[0])).toBeGreaterThan(0);
});
