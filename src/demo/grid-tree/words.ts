import places from "../data/places.json";
import names from "../data/names.json";
import { type Rng } from "../rng";
import { type GeoJsonPolygon } from "./rows";

/**
 * The words the demo grid tree is written with (places, roads, names: ../data/places.json and
 * names.json), and the helpers that turn the PRNG's draws into numerals, identity numbers, dates
 * and shapes as people write them.
 */

export type Pair = readonly [name: string, code: string];
const pairs = (list: string[][]): Pair[] => list.map(([name, code]) => [name, code] as const);

export const REGION_CODES: Record<string, string> = places.regionCodes;
/** Rough centres [latitude, longitude]; Mingshan's is the one the report's grids are spread around. */
export const CENTRES: Record<string, [number, number]> = Object.fromEntries(
  Object.entries(places.centres).map(([code, [lat, lng]]) => [code, [lat, lng]]),
);
export const STREET_OFFICES: Record<string, Pair[]> = Object.fromEntries(
  Object.entries(places.streetOffices).map(([code, list]) => [code, pairs(list)]),
);
export const GENERIC_STREET_OFFICES: Pair[] = pairs(places.genericStreetOffices);
export const COMMUNITY_STEMS: string[] = places.communityStems;
export const VILLAGE_STEMS: string[] = places.villageStems;
export const COMPOUND_STEMS: string[] = places.compoundStems;
export const OLD_COMPOUND_SUFFIXES: Array<readonly [string, number]> = Object.entries(
  places.oldCompoundSuffixes,
);
export const NEW_COMPOUND_SUFFIXES: string[] = places.newCompoundSuffixes;
export const WORK_UNITS: string[] = places.workUnits;
export const ROADS: string[] = places.roads;

/** Surnames with a weight (roughly their frequency in Liaoning, per mille). */
export const SURNAMES: Array<readonly [string, number]> = Object.entries(names.surnames);
/** Given names by generation: born before 1965, 1965-1989, from 1990. */
export const GIVEN: Record<"male" | "female", string[][]> = names.given;
export const PHONE_PREFIXES: string[] = names.phonePrefixes;

// ---------------------------------------------------------------------------------------------
// Identity numbers (GB 11643-1999): 6-digit region, birth date, 3-digit sequence (odd for men),
// and an ISO 7064 MOD 11-2 check character.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return "10X98765432"[sum % 11];
}

// ---------------------------------------------------------------------------------------------
// Numerals, dates and places.

const CN_DIGITS = [..."零一二三四五六七八九"];
/** 1..99 in Chinese numerals: 三, 十二, 二十. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ""}`;
}

export const pad2 = (n: number) => String(n).padStart(2, "0");
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function dateIn(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const days = Math.round((b - a) / 86400000);
  return new Date(a + rng.int(0, days) * 86400000).toISOString().slice(0, 10);
}
/** A Beijing-time timestamp on a given day, between 08:00 and 20:59. */
export function timeOn(rng: Rng, day: string): string {
  return `${day}T${pad2(rng.int(8, 20))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}+08:00`;
}
export function addYears(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
}

export function jitter(rng: Rng, [lat, lng]: [number, number], spread: number): [number, number] {
  return [lat + (rng.next() * 2 - 1) * spread, lng + (rng.next() * 2 - 1) * spread * 1.3];
}

export function polygonAround(rng: Rng, lat: number, lng: number): GeoJsonPolygon {
  const d = 0.0012 + rng.next() * 0.0015;
  const corners: Array<[number, number]> = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ];
  const ring = corners.map(([x, y]) => [
    round6(lng + x * d * 1.3 * (0.8 + 0.4 * rng.next())),
    round6(lat + y * d * (0.8 + 0.4 * rng.next())),
  ]);
  ring.push([...ring[0]]);
  return { type: "Polygon", coordinates: [ring] };
}
