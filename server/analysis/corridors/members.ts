import { densify, segmentIndex } from './plane.ts';
import { STEP_METERS } from './cover.ts';

/** A route runs along a piece over this much of it (a route crossing a corridor is within 100 m of it for ~200 m). */
export const ALONG_METERS = 250;

/**
 * Which routes run along which piece: each route is sampled every 20 m and each sample credited to the nearest piece
 * within `snapMeters`; a route is on a piece when at least min(250 m, half the route's length) of it lies there (a
 * crossing route near a junction is not, a short drop wholly inside is).
 * @param pieces planar lines of each piece
 * @param routes planar lines of each route
 * @returns for each piece, the indices of its routes, ascending
 */
export function routesOnPieces(pieces: readonly (readonly (readonly number[])[])[][], routes: readonly (readonly (readonly number[])[])[], snapMeters: number): number[][] {
  const index = segmentIndex(snapMeters);
  const pieceOfLine: number[] = [];
  pieces.forEach((lines, p) => lines.forEach((line) => { index.add(line); pieceOfLine.push(p); }));
  const members: number[][] = pieces.map(() => []);
  routes.forEach((route, r) => {
    const samples = densify(route, STEP_METERS);
    const total = samples[samples.length - 1].along;
    const meters = new Map<number, number>();
    samples.forEach((sample, k) => {
      const hit = index.nearest(sample.point, snapMeters);
      if (!hit) return;
      // Each sample stands for half the spacing to each neighbour.
      const share = ((samples[Math.min(k + 1, samples.length - 1)].along - samples[Math.max(k - 1, 0)].along) / 2);
      const piece = pieceOfLine[hit.line];
      meters.set(piece, (meters.get(piece) ?? 0) + share);
    });
    for (const [piece, along] of meters) if (along >= Math.min(ALONG_METERS, total / 2)) members[piece].push(r);
  });
  return members.map((list) => list.sort((a, b) => a - b));
}
