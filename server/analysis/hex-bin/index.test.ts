import { describe, expect, it } from 'vitest';
import { bboxPolygon, featureCollection, point, pointsWithinPolygon } from '@turf/turf';
import { binPoints, hexGridOver } from './index.ts';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const area = bboxPolygon([107.8, 14.3, 107.95, 14.45]);

describe('hexGridOver / binPoints', () => {
  it('gives the same counts as turf pointsWithinPolygon on 3,000 random points', () => {
    const grid = hexGridOver(area, { cellSizeMeters: 1000 });
    const rand = prng(42);
    const pts = featureCollection(Array.from({ length: 3000 }, () => point([107.8 + rand() * 0.15, 14.3 + rand() * 0.15])));
    const fast = binPoints(grid, pts);
    const slow = grid.cells.features.map((c) => pointsWithinPolygon(pts, c).features.length);
    expect(Array.from(fast)).toEqual(slow);
    expect(slow.reduce((a, b) => a + b, 0)).toBe(3000); // padding: no point is left uncovered
  });

  it('leaves out cells outside the study area', () => {
    const grid = hexGridOver(area, { cellSizeMeters: 1000 });
    const [first] = grid.cells.features;
    expect(first.properties.cell_id).toBe(0);
    expect(grid.cells.features.length).toBeLessThan(400);
  });

  it('throws on a bad cell size', () => {
    expect(() => hexGridOver(area, { cellSizeMeters: 0 })).toThrow('cellSizeMeters must be positive');
  });
});
