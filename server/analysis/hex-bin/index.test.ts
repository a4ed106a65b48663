import { describe, expect, it } from 'vitest';
import { area as turfArea, bboxPolygon, circle, featureCollection, intersect, point, pointsWithinPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
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

  it('weighs border cells by the share of their area inside, as turf.intersect measures it', () => {
    const disc = circle([107.9, 14.4], 6, { units: 'kilometers', steps: 64 }) as Feature<Polygon>;
    const grid = hexGridOver(disc, { cellSizeMeters: 1000 });
    const border = grid.cells.features.filter((cell) => cell.properties.area_share < 1);
    expect(border.length).toBeGreaterThan(20);
    for (const cell of grid.cells.features) {
      const inside = intersect(featureCollection<Polygon | MultiPolygon>([cell, disc]));
      const share = inside ? turfArea(inside) / turfArea(cell) : 0;
      expect(Math.abs(cell.properties.area_share - share), `cell ${cell.properties.cell_id}`).toBeLessThan(1e-3);
    }
    const covered = grid.cells.features.reduce((sum, cell) => sum + cell.properties.area_share * turfArea(cell), 0);
    expect(Math.abs(covered / turfArea(disc) - 1)).toBeLessThan(1e-4);
  });

  it('keeps no cell that only touches the study area', () => {
    const grid = hexGridOver(bboxPolygon([107.8, 14.3, 107.95, 14.45]), { cellSizeMeters: 1000 });
    expect(grid.cells.features.every((cell) => cell.properties.area_share > 0)).toBe(true);
  });

  it('throws on a bad cell size', () => {
    expect(() => hexGridOver(area, { cellSizeMeters: 0 })).toThrow('cellSizeMeters must be positive');
  });
});
