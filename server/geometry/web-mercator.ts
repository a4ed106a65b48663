/** Web Mercator's latitude limit: the square world of the WebMercatorQuad tile matrix set. */
export const MAX_LATITUDE = 85.0511287798066;

/** Longitude/latitude bounds of a WebMercatorQuad tile: [west, south, east, north]. */
export function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (column: number) => (column / n) * 360 - 180;
  const lat = (row: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** Column and row of the zoom-z tile holding a position; positions beyond the matrix clamp to its edge tiles. */
export function tileOfPosition(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const clamped = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(clamped) + 1 / Math.cos(clamped)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/** The bounds grown by `fraction` of their size on every side (features just outside still draw their edges). */
export function padded([w, s, e, n]: [number, number, number, number], fraction: number): [number, number, number, number] {
  const dx = (e - w) * fraction, dy = (n - s) * fraction;
  return [w - dx, Math.max(-85.06, s - dy), e + dx, Math.min(85.06, n + dy)];
}
