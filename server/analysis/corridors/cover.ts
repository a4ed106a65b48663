import { densify, segmentIndex, sliceAlong } from './plane.ts';

/** Sample spacing along routes when testing which parts are already in a corridor, metres. */
export const STEP_METERS = 20;

/**
 * Corridor lines from routes (planar, metres): routes are taken longest first, and each part of a route farther than
 * `snapMeters` from every corridor line drawn so far becomes a new corridor line, so parallel routes of any owner in
 * the same verge (and a route's own second pass) fold into one line. A new line starts and ends on the corridor it
 * leaves and joins (the foot of the perpendicular from the last point still within reach), so corridors stay joined.
 * @returns corridor lines, each at least two positions
 */
export function coverRoutes(routes: readonly (readonly (readonly number[])[])[], snapMeters: number): [number, number][][] {
  const index = segmentIndex(snapMeters);
  const order = routes.map((line, i) => ({ line, i, length: densify(line, Number.POSITIVE_INFINITY).at(-1)!.along }))
    .sort((a, b) => b.length - a.length || a.i - b.i);
  for (const { line } of order) {
    const samples = densify(line, STEP_METERS);
    const cover = samples.map((s) => index.nearest(s.point, snapMeters));
    let k = 0;
    while (k < samples.length) {
      if (cover[k]) { k++; continue; }
      let end = k;
      while (end + 1 < samples.length && !cover[end + 1]) end++;
      const first = Math.max(0, k - 1), last = Math.min(samples.length - 1, end + 1);
      if (samples[end].along - samples[k].along >= STEP_METERS || first !== k || last !== end) {
        const run = sliceAlong(line, samples[first].along, samples[last].along);
        const before = cover[first] ? [cover[first]!.point] : [];
        const after = cover[last] && last !== first ? [cover[last]!.point] : [];
        const coordinates = dedupe([...before, ...run, ...after]);
        if (coordinates.length >= 2) index.add(coordinates);
      }
      k = end + 1;
    }
  }
  return index.lines as [number, number][][];
}

function dedupe(line: [number, number][]): [number, number][] {
  return line.filter((p, i) => i === 0 || Math.hypot(p[0] - line[i - 1][0], p[1] - line[i - 1][1]) > 1e-6);
}
