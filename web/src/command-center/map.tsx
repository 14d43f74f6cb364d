import { useEffect, useMemo, useState } from "react";
import { type Api } from "../../../examples/client/src/api";
import {
  type Boundary,
  GRID_PAGE,
  type GridCase,
  GridCasesDocument,
  type GridFigures,
  MAP_MEASURES,
  MapFiguresDocument,
  type MapGrid,
  MapGridsDocument,
  type MapMeasure,
  type Page,
} from "./map-documents";
import { useLatest } from "./refresh";
import "./map.css";

/**
 * The district's grids on a map (网格地图): each grid's outline from its stored boundary (a dot at
 * its centre when it has none), shaded by its open or overdue cases now, read again after the
 * page's case events as its figures are. A grid clicked lists its cases; a case opens in the
 * page's case view. Drawn as SVG from the API's data alone: no tiles, nothing from another host.
 */

type LabelOf = (kind: string, value: string) => string;

/** The drawing's longer side in its own units; the other follows the district's shape. */
const SIDE = 1000;
const PAD = 12;
/** The radius of a grid drawn as a dot, in the drawing's units. */
const DOT = 8;
/** A grid's cases listed at a time. */
const CASES_PAGE = 20;
/** The shades from none to the most, light to dark, for each measure. */
const SHADES: Record<MapMeasure, readonly string[]> = {
  openNow: ["#f3f4f6", "#dbeafe", "#93c5fd", "#3b82f6", "#1e40af"],
  overdueNow: ["#f3f4f6", "#fee2e2", "#fca5a5", "#ef4444", "#991b1b"],
};

/** The grids in use of the caller's district, every page of them. */
async function allGrids(api: Api): Promise<MapGrid[]> {
  const grids: MapGrid[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<MapGrid> = (await api.request(MapGridsDocument, { first: GRID_PAGE, after }))
      .district.grids;
    grids.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return grids;
    after = page.pageInfo.endCursor;
  }
}

interface Shape {
  grid: MapGrid;
  /** An SVG path of the outline, or null for a dot at (x, y). */
  d: string | null;
  x: number;
  y: number;
}

/** The rings of a boundary, whatever its type. */
function ringsOf(b: Boundary | null): number[][][] {
  if (!b || !Array.isArray(b.coordinates)) return [];
  return b.type === "MultiPolygon"
    ? b.coordinates.flat()
    : b.type === "Polygon"
      ? b.coordinates
      : [];
}

/**
 * The grids projected onto the drawing: equirectangular, a degree of longitude cos(latitude) of
 * one of latitude (true to shape at the district's latitude), north up, the longer side of the
 * district fitted to `SIDE`; the drawing is as wide and as high as the district then is.
 */
function project(grids: MapGrid[]): { shapes: Shape[]; width: number; height: number } {
  if (grids.length === 0) return { shapes: [], width: SIDE, height: SIDE / 2 };
  // The bounds by a loop: a district's outlines hold far more corners than a call's arguments may.
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const g of grids)
    for (const [lng, lat] of [[g.longitude, g.latitude], ...ringsOf(g.boundary).flat()]) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = (east - west) * k;
  const spanY = north - south;
  const scale = (SIDE - 2 * PAD) / Math.max(spanX, spanY, 1e-9);
  const x = (lng: number) => PAD + (lng - west) * k * scale;
  const y = (lat: number) => PAD + (north - lat) * scale;
  const shapes = grids.map((grid) => {
    const rings = ringsOf(grid.boundary).filter((r) => r.length >= 3);
    const d =
      rings.length === 0
        ? null
        : rings
            .map(
              (r) =>
                `M${r.map(([lng, lat]) => `${x(lng).toFixed(1)},${y(lat).toFixed(1)}`).join("L")}Z`,
            )
            .join("");
    return { grid, d, x: x(grid.longitude), y: y(grid.latitude) };
  });
  return {
    shapes,
    width: Math.ceil(spanX * scale + 2 * PAD),
    height: Math.ceil(spanY * scale + 2 * PAD),
  };
}

/** The legend's steps: 0, then four classes up to the most any grid has. */
function classesOf(max: number): Array<{ from: number; to: number }> {
  if (max <= 0) return [{ from: 0, to: 0 }];
  const steps = Math.min(4, max);
  const out = [{ from: 0, to: 0 }];
  for (let i = 0; i < steps; i++)
    out.push({
      from: Math.floor((i * max) / steps) + 1,
      to: Math.floor(((i + 1) * max) / steps),
    });
  return out;
}

function shadeOf(value: number, classes: Array<{ from: number; to: number }>, measure: MapMeasure) {
  const i = classes.findIndex((c) => value >= c.from && value <= c.to);
  const steps = SHADES[measure];
  // With fewer classes than shades, the classes take the darker ones.
  return steps[i <= 0 ? 0 : steps.length - classes.length + i];
}

export function GridMap({
  api,
  day,
  settled,
  label,
  open,
  describe,
}: {
  api: Api;
  day: string;
  /** The page's count of case events and reconnections, settled (refresh.ts): each change is a reason to read the figures again. */
  settled: number;
  label: LabelOf;
  /** Opens a case in the page's case view. */
  open: (caseId: string) => void;
  describe: (err: unknown) => string;
}) {
  const [grids, setGrids] = useState<MapGrid[] | null>(null);
  const [figures, setFigures] = useState<Map<string, GridFigures> | null>(null);
  const [measure, setMeasure] = useState<MapMeasure>("openNow");
  const [chosen, setChosen] = useState<string | null>(null);
  const [gridsProblem, setGridsProblem] = useState<string | null>(null);
  const [figuresProblem, setFiguresProblem] = useState<string | null>(null);
  const problem = gridsProblem ?? figuresProblem;

  // The grids, once; tried again with the next burst of events while they could not be read.
  useEffect(() => {
    if (grids) return;
    let stale = false;
    allGrids(api).then(
      (all) => !stale && (setGrids(all), setGridsProblem(null)),
      (e: unknown) => !stale && setGridsProblem(describe(e)),
    );
    return () => {
      stale = true;
    };
  }, [api, describe, settled, grids]);

  // The figures, at once and then once per burst of events; the latest answer or failure wins.
  const latest = useLatest();
  useEffect(() => {
    const seq = latest.ask();
    api.request(MapFiguresDocument, { day }).then(
      ({ measures }) => {
        if (!latest.fresh(seq)) return;
        setFigures(new Map(measures.map((m) => [m.unitId, m])));
        setFiguresProblem(null);
      },
      (e: unknown) => latest.fresh(seq) && setFiguresProblem(describe(e)),
    );
  }, [api, day, settled, describe, latest]);

  const drawing = useMemo(() => (grids ? project(grids) : null), [grids]);
  const valueOf = (id: string) => figures?.get(id)?.[measure] ?? 0;
  const max = grids ? Math.max(0, ...grids.map((g) => valueOf(g.id))) : 0;
  const classes = classesOf(max);
  const chosenGrid = grids?.find((g) => g.id === chosen) ?? null;

  return (
    <section className="card grid-map" aria-label="网格地图">
      <h2>
        网格地图
        {MAP_MEASURES.map((m) => (
          <button
            key={m}
            type="button"
            className={m === measure ? "active" : ""}
            aria-pressed={m === measure}
            onClick={() => setMeasure(m)}
          >
            {label("Measure", m)}
          </button>
        ))}
      </h2>
      {problem && <p className="error">{problem}</p>}
      {!drawing ? (
        <p className="quiet">正在加载…</p>
      ) : (
        <div className="map-body">
          <div className="map-frame">
            <svg
              viewBox={`0 0 ${drawing.width} ${drawing.height}`}
              role="img"
              aria-label={`网格地图：按${label("Measure", measure)}着色`}
              data-testid="grid-map"
              data-measure={measure}
            >
              {drawing.shapes.map(({ grid, d, x, y }) => {
                const f = figures?.get(grid.id);
                const props = {
                  className: `grid-shape${grid.id === chosen ? " chosen" : ""}`,
                  fill: shadeOf(valueOf(grid.id), classes, measure),
                  "data-grid": grid.id,
                  "data-open": f?.openNow ?? "",
                  "data-overdue": f?.overdueNow ?? "",
                  onClick: () => setChosen(grid.id),
                };
                const title = (
                  <title>
                    {`${grid.name}（${grid.code}）\n${label("Measure", "openNow")}：${f?.openNow ?? "—"}\n${label("Measure", "overdueNow")}：${f?.overdueNow ?? "—"}`}
                  </title>
                );
                return d ? (
                  <path key={grid.id} d={d} fillRule="evenodd" {...props}>
                    {title}
                  </path>
                ) : (
                  <circle key={grid.id} cx={x} cy={y} r={DOT} {...props}>
                    {title}
                  </circle>
                );
              })}
            </svg>
            <Legend classes={classes} measure={measure} label={label} />
          </div>
          {chosenGrid && (
            <GridCases
              key={chosenGrid.id}
              api={api}
              grid={chosenGrid}
              figures={figures?.get(chosenGrid.id)}
              settled={settled}
              label={label}
              open={open}
              describe={describe}
              close={() => setChosen(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}

function Legend({
  classes,
  measure,
  label,
}: {
  classes: Array<{ from: number; to: number }>;
  measure: MapMeasure;
  label: LabelOf;
}) {
  return (
    <ul className="map-legend" data-testid="map-legend" aria-label="图例">
      <li className="quiet">{label("Measure", measure)}</li>
      {classes.map((c) => (
        <li key={c.from}>
          <span className="swatch" style={{ background: shadeOf(c.from, classes, measure) }} />
          {c.from === c.to ? c.from : `${c.from}–${c.to}`}
        </li>
      ))}
    </ul>
  );
}

/** The first `pages` pages of a grid's cases, newest first. */
async function gridCases(api: Api, gridId: string, pages: number) {
  const cases: GridCase[] = [];
  let after: string | null = null;
  let total = 0;
  let more = true;
  for (let p = 0; p < pages && more; p++) {
    const page: Page<GridCase> = (
      await api.request(GridCasesDocument, { gridId, first: CASES_PAGE, after })
    ).cases;
    total = page.totalCount;
    cases.push(...page.edges.map((e) => e.node));
    more = page.pageInfo.hasNextPage;
    after = page.pageInfo.endCursor;
  }
  return { total, cases, more };
}

/**
 * A grid's cases, newest first, a page at a time (更多 adds one); after a burst of case events, as
 * many pages as are shown are read again from the first.
 */
function GridCases({
  api,
  grid,
  figures,
  settled,
  label,
  open,
  describe,
  close,
}: {
  api: Api;
  grid: MapGrid;
  figures: GridFigures | undefined;
  settled: number;
  label: LabelOf;
  open: (caseId: string) => void;
  describe: (err: unknown) => string;
  close: () => void;
}) {
  const [pages, setPages] = useState(1);
  const [list, setList] = useState<{ total: number; cases: GridCase[]; more: boolean } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useLatest();

  // Every read asks for all the pages wanted, from the first: the latest read is then the whole
  // list, whether it follows 更多 or a burst of events (a read of the next page alone could be
  // overtaken by a refresh that did not know of it).
  useEffect(() => {
    const seq = latest.ask();
    gridCases(api, grid.id, pages).then(
      (l) => latest.fresh(seq) && (setList(l), setProblem(null)),
      (e: unknown) => latest.fresh(seq) && setProblem(describe(e)),
    );
  }, [api, grid.id, pages, settled, describe, latest]);

  return (
    <div className="map-cases" data-testid="map-cases" data-grid={grid.id}>
      <h3>
        {grid.name}
        <button type="button" onClick={close}>
          关闭
        </button>
      </h3>
      <p className="quiet">
        {label("Measure", "openNow")} {figures?.openNow ?? "—"} · {label("Measure", "overdueNow")}{" "}
        {figures?.overdueNow ?? "—"} · 案件共{" "}
        <span data-testid="map-cases-total">{list?.total ?? "—"}</span> 件
      </p>
      {problem && <p className="error">{problem}</p>}
      {list && list.cases.length === 0 && <p className="quiet">暂无案件</p>}
      <ol>
        {list?.cases.map((c) => (
          <li key={c.id} data-case={c.id}>
            <button type="button" className="feed-number" onClick={() => open(c.id)}>
              {c.number}
            </button>
            <span>{c.categoryName}</span>
            <span className="feed-status">{label("CaseStatus", c.status)}</span>
            {c.overdue && <span className="overdue">{label("Measure", "overdueNow")}</span>}
          </li>
        ))}
      </ol>
      {list?.more && (
        <button type="button" onClick={() => setPages((n) => n + 1)}>
          更多
        </button>
      )}
    </div>
  );
}
