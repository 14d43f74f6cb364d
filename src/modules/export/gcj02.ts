/**
 * WGS 84 ↔ GCJ-02, the offset coordinate system Chinese web maps use (高德, 腾讯, 天地图's
 * GCJ layers). GCJ-02 is WGS 84 shifted by a published, deterministic function of position (a
 * few hundred metres in Liaoning) over mainland China; outside the rectangle below it is WGS 84
 * unchanged. The forward shift is the well-known closed form on the Krasovsky 1940 ellipsoid; the
 * way back has no closed form and is found by fixed-point iteration to well under a centimetre.
 */
const SEMI_MAJOR = 6378245.0;
const ECCENTRICITY_SQ = 0.006693421622965943;

/** The rough rectangle over which the offset applies (longitude, latitude in degrees). */
export function outsideChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function shiftLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** A WGS 84 position [longitude, latitude] in GCJ-02. */
export function wgs84ToGcj02([lon, lat]: readonly number[]): [number, number] {
  if (outsideChina(lon, lat)) return [lon, lat];
  const radLat = (lat / 180) * Math.PI;
  const s = Math.sin(radLat);
  const magic = 1 - ECCENTRICITY_SQ * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (shiftLat(lon - 105, lat - 35) * 180) /
    (((SEMI_MAJOR * (1 - ECCENTRICITY_SQ)) / (magic * sqrtMagic)) * Math.PI);
  const dLon =
    (shiftLon(lon - 105, lat - 35) * 180) / ((SEMI_MAJOR / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** A GCJ-02 position back in WGS 84: the position whose forward shift lands on it (to 1e-9°). */
export function gcj02ToWgs84([lon, lat]: readonly number[]): [number, number] {
  if (outsideChina(lon, lat)) return [lon, lat];
  let w: [number, number] = [lon, lat];
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02(w);
    const eLon = gLon - lon;
    const eLat = gLat - lat;
    w = [w[0] - eLon, w[1] - eLat];
    if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return w;
}

/** Every position of a GeoJSON geometry's coordinates (any depth of nesting) mapped by `f`. */
export function mapPositions(coordinates: unknown, f: (p: readonly number[]) => number[]): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (typeof coordinates[0] === "number") return f(coordinates as number[]);
  return coordinates.map((c) => mapPositions(c, f));
}
