import { TypedDocumentString } from "../../../examples/client/src/gql/graphql";

/**
 * The documents of the command center's map of the grids (map.tsx), typed by hand and sent as
 * text like the page's others (documents.ts).
 */

/** A GeoJSON geometry as the API stores a grid's boundary (WGS 84, longitude first). */
export type Boundary =
  | { type: "Polygon"; coordinates: number[][][] }
  | { type: "MultiPolygon"; coordinates: number[][][][] };

export interface MapGrid {
  id: string;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  boundary: Boundary | null;
}

/** The most the API gives in one page of a list. */
export const GRID_PAGE = 200;

/** A page of a list as the API answers it (a Relay connection). */
export interface Page<T> {
  totalCount: number;
  edges: Array<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A page of the district's grids in use, by code, with their outlines. */
export const MapGridsDocument = new TypedDocumentString<
  { district: { grids: Page<MapGrid> } },
  { first: number; after: string | null }
>(
  `query CommandCenterMapGrids($first: Int!, $after: String) {
  district {
    grids(first: $first, after: $after) {
      totalCount
      edges { node { id code name latitude longitude boundary } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`,
);

/** The measures the map can shade by: both "now", whatever the day. */
export const MAP_MEASURES = ["openNow", "overdueNow"] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export interface GridFigures {
  unitId: string;
  openNow: number;
  overdueNow: number;
}

/** Each grid's open and overdue cases now (`from`/`to` only name a period the API requires). */
export const MapFiguresDocument = new TypedDocumentString<
  { measures: GridFigures[] },
  { day: string }
>(
  `query CommandCenterMapFigures($day: String!) {
  measures(level: grid, from: $day, to: $day) { unitId openNow overdueNow }
}`,
);

export interface GridCase {
  id: string;
  number: string;
  status: string;
  overdue: boolean;
  categoryName: string;
  receivedAt: string;
}

/** A grid's cases, newest first, a page at a time. */
export const GridCasesDocument = new TypedDocumentString<
  { cases: Page<GridCase> },
  { gridId: string; first: number; after: string | null }
>(
  `query CommandCenterGridCases($gridId: ID!, $first: Int!, $after: String) {
  cases(gridId: $gridId, first: $first, after: $after) {
    totalCount
    edges { node { id number status overdue categoryName receivedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`,
);
