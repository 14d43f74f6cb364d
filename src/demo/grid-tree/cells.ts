import { type GeoJsonPolygon } from "./rows";
import { round6 } from "./words";

/**
 * The demo grids' outlines: each grid gets the part of its district closer to its centre than to
 * any other grid's (a Voronoi cell), so that the outlines tile the district without overlapping,
 * as real grids do. The district is taken as the convex hull of the centres widened by `MARGIN`
 * all round; a grid at the edge reaches that far.
 *
 * All the cells are cut from that one region, never from a shape of their own: then every corner
 * of a cell is a corner of its neighbours too (where three cells meet, or where two meet the
 * edge), computed from the same lines, so the six-decimal rounding moves it alike in each, and
 * neighbours still share their edges exactly after it.
 *
 * Distances are taken on a plane where a degree of longitude is cos(latitude) of a degree of
 * latitude, as on the ground at the district's latitude. Pure and deterministic; a few
 * milliseconds for Mingshan's 702 grids (each cell is cut only by the neighbours that can reach
 * it, found through a grid of buckets).
 */

/** How far the district reaches beyond its outermost centres, in degrees of latitude (~330 m). */
const MARGIN = 0.003;

type Point = [number, number];

/** The cells of `sites`, in their order: GeoJSON Polygons, WGS 84, counter-clockwise. */
export function cellsOf(
  sites: ReadonlyArray<{ latitude: number; longitude: number }>,
): GeoJsonPolygon[] {
  if (sites.length === 0) return [];
  const lat0 = sites.reduce((s, p) => s + p.latitude, 0) / sites.length;
  const lng0 = sites.reduce((s, p) => s + p.longitude, 0) / sites.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const pts: Point[] = sites.map((p) => [(p.longitude - lng0) * k, p.latitude - lat0]);
  const region = widenedHull(pts, MARGIN);
  const buckets = new Buckets(pts);
  return pts.map((site, i) => {
    const ring = cellOf(i, site, pts, region, buckets).map(([x, y]): Point => [
      round6(x / k + lng0),
      round6(y + lat0),
    ]);
    const distinct = ring.filter((p, j) => {
      const q = ring[(j + 1) % ring.length];
      return p[0] !== q[0] || p[1] !== q[1];
    });
    // From the westernmost corner (then the southernmost), whatever order the cuts came in.
    let first = 0;
    distinct.forEach(([x, y], j) => {
      const [fx, fy] = distinct[first];
      if (x < fx || (x === fx && y < fy)) first = j;
    });
    const start = [...distinct.slice(first), ...distinct.slice(0, first)];
    return { type: "Polygon", coordinates: [[...start, [...start[0]]]] };
  });
}

/**
 * The site's cell: the region cut by the half-plane of each neighbour that can reach it, the
 * nearer rings of buckets first (their sites cut the most, and leave the farther ones nothing).
 */
function cellOf(i: number, site: Point, pts: Point[], region: Point[], b: Buckets): Point[] {
  let poly = region;
  // Squared distances throughout: from the site to the cell's farthest corner, to a neighbour.
  let reach = farthest(poly, site);
  const [bx, by] = b.of(site);
  const near: number[] = [];
  const d2 = b.d2;
  for (let ring = 0; ring <= b.span; ring++) {
    near.length = 0;
    for (let dx = -ring; dx <= ring; dx++) {
      const step = Math.abs(dx) === ring ? 1 : 2 * ring;
      for (let dy = -ring; dy <= ring; dy += step)
        for (const j of b.at(bx + dx, by + dy)) {
          if (j === i) continue;
          d2[j] = (pts[j][0] - site[0]) ** 2 + (pts[j][1] - site[1]) ** 2;
          near.push(j);
        }
    }
    for (const j of near) {
      // A neighbour whose half-way line lies beyond the cell's farthest corner cuts nothing.
      if (d2[j] >= 4 * reach) continue;
      const next = cut(poly, site, pts[j]);
      if (next !== poly) reach = farthest((poly = next), site);
    }
    // Sites not yet seen lie at least `ring` buckets away.
    if ((ring * b.size) ** 2 >= 4 * reach) break;
  }
  return poly;
}

function farthest(poly: Point[], [x0, y0]: Point): number {
  let r = 0;
  for (const [x, y] of poly) r = Math.max(r, (x - x0) ** 2 + (y - y0) ** 2);
  return r;
}

/** The sides of a polygon's corners to a line, kept from one cut to the next. */
let scratch = new Float64Array(64);

/** The part of convex `poly` closer to `a` than to `o` (Sutherland–Hodgman against one line). */
function cut(poly: Point[], a: Point, o: Point): Point[] {
  const dx = o[0] - a[0];
  const dy = o[1] - a[1];
  const half = (dx * dx + dy * dy) / 2;
  if (half === 0) return poly;
  // side > 0: nearer to o. It is o's side towards a with the sign turned: one line for both cells.
  const n = poly.length;
  if (scratch.length < n) scratch = new Float64Array(2 * n);
  const side = scratch;
  let outside = 0;
  for (let j = 0; j < n; j++) {
    side[j] = (poly[j][0] - a[0]) * dx + (poly[j][1] - a[1]) * dy - half;
    if (side[j] > 0) outside++;
  }
  if (outside === 0) return poly;
  const out: Point[] = [];
  for (let j = 0; j < n; j++) {
    const p = poly[j];
    const sp = side[j];
    const k = j + 1 === n ? 0 : j + 1;
    const sq = side[k];
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const q = poly[k];
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The convex hull of the points each widened to an octagon of radius `r`, counter-clockwise. */
function widenedHull(pts: Point[], r: number): Point[] {
  const corners = convexHull(pts);
  const around: Point[] = [];
  for (const [x, y] of corners)
    for (let s = 0; s < 8; s++) {
      const t = ((s + 0.5) * Math.PI) / 4;
      around.push([x + r * Math.cos(t), y + r * Math.sin(t)]);
    }
  return convexHull(around);
}

/** Andrew's monotone chain: the hull's corners, counter-clockwise, no three in line. */
function convexHull(points: Point[]): Point[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const turn = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const chain = (list: Point[]) => {
    const h: Point[] = [];
    for (const q of list) {
      while (h.length >= 2 && turn(h[h.length - 2], h[h.length - 1], q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...chain(p), ...chain([...p].reverse())];
}

/** The sites by square bucket, two buckets a site on average. */
class Buckets {
  readonly size: number;
  /** Buckets from one side of the sites to the other: no ring reaches further. */
  readonly span: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly lists: number[][];
  /** Room for a site's squared distances to its neighbours. */
  readonly d2: Float64Array;

  constructor(pts: Point[]) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    this.x0 = Math.min(...xs);
    this.y0 = Math.min(...ys);
    const w = Math.max(...xs) - this.x0;
    const h = Math.max(...ys) - this.y0;
    this.size = Math.max(Math.sqrt((0.5 * Math.max(w * h, 1e-12)) / pts.length), 1e-6);
    this.nx = Math.floor(w / this.size) + 1;
    this.ny = Math.floor(h / this.size) + 1;
    this.span = Math.max(this.nx, this.ny);
    this.d2 = new Float64Array(pts.length);
    this.lists = Array.from({ length: this.nx * this.ny }, () => []);
    pts.forEach((p, i) => {
      const [bx, by] = this.of(p);
      this.lists[bx + by * this.nx].push(i);
    });
  }

  of([x, y]: Point): [number, number] {
    return [Math.floor((x - this.x0) / this.size), Math.floor((y - this.y0) / this.size)];
  }

  at(bx: number, by: number): readonly number[] {
    return bx < 0 || by < 0 || bx >= this.nx || by >= this.ny ? [] : this.lists[bx + by * this.nx];
  }
}
