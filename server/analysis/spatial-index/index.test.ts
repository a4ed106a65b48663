import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../clusters/synthetic-points.ts';
import { candidatesInBbox, candidatesNear, createGridIndex, padBbox } from './index.ts';

function randomPositions(count: number, seed: number, [west, south, east, north]: number[]): Position[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => [west + random() * (east - west), south + random() * (north - south)]);
}

describe('grid index', () => {
  it.each([
    { where: 'Kon Tum', box: [107.9, 14.2, 108.1, 14.4], radius: 500 },
    { where: 'high latitude', box: [20, 69, 20.5, 70], radius: 2000 },
    { where: 'the antimeridian', box: [179.9, -17, 180.1, -16.9], radius: 1000 },
  ])('finds every point a brute-force turf distance finds ($where)', ({ box, radius }) => {
    const positions = randomPositions(2000, 7, box).map(([lon, lat]) => [lon > 180 ? lon - 360 : lon, lat]);
    const index = createGridIndex(positions, radius);
    for (let i = 0; i < 200; i++) {
      const candidates = new Set(candidatesNear(index, positions[i], radius));
      const exact = positions.flatMap((p, j) => (distance(positions[i], p, { units: 'meters' }) <= radius ? [j] : []));
      expect(exact.every((j) => candidates.has(j))).toBe(true);
    }
  });

  it('returns nothing for an empty index', () => {
    expect(candidatesNear(createGridIndex([], 100), [108, 14], 100)).toEqual([]);
  });

  it('finds a single point in its own bbox', () => {
    expect(candidatesInBbox(createGridIndex([[108, 14]], 100), [108, 14, 108, 14])).toEqual([0]);
  });

  it('pads a bbox by at least the distance on every side', () => {
    const [west, south, east, north] = padBbox([108, 14, 108, 14], 1000);
    expect(distance([108, 14], [108, south], { units: 'meters' })).toBeGreaterThanOrEqual(1000);
    expect(distance([108, 14], [east, 14], { units: 'meters' })).toBeGreaterThanOrEqual(1000);
    expect(west).toBeLessThan(108);
    expect(north).toBeGreaterThan(14);
  });

  it('throws on a non-positive cellMeters, naming it first', () => {
    expect(() => createGridIndex([], 0)).toThrow(/^cellMeters must be positive/);
  });
});
