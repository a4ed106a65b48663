/** The red team's hostile requests (issue 13), shared by the security tests and `npm run bench:abuse`. */

/** An inventory of a 50 km buffer around a zig-zag line of `vertices` positions. */
export const zigZagBuffer = (vertices: number) => ({
  buffer: { geometry: { type: 'LineString', coordinates: Array.from({ length: vertices }, (_, i) => [107.8 + i * 0.001, 14.3 + (i % 2) * 0.05]) }, meters: 50_000 },
});

/** A star-shaped line of `vertices` positions around the whole province, as WKT: a CQL2 S_DWITHIN against every cable. */
export const starLineWkt = (vertices: number) => `LINESTRING(${Array.from({ length: vertices }, (_, i) => {
  const angle = (2 * Math.PI * i) / vertices, radius = 0.6 + (i % 2) * 0.3;
  return `${(107.9 + radius * Math.cos(angle)).toFixed(4)} ${(14.6 + radius * Math.sin(angle)).toFixed(4)}`;
}).join(',')})`;
