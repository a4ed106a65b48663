import { describe, expect, it } from 'vitest';
import { bboxPolygon, booleanPointInPolygon, featureCollection, point } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { emergingCategory, emergingHotspots, monthSlices } from './index.ts';
import { prng } from '../hotspots/test-data.ts';
import type { GiClass } from '../getis-ord/index.ts';

// ~25 km square near Kon Tum city; 12 monthly slices in 2025
const BOX: [number, number, number, number] = [107.9, 14.3, 108.13, 14.52];
const AREA = bboxPolygon(BOX);
const HOT: [number, number] = [108.0, 14.4];
const month = (k: number): string => `2025-${String(k + 1).padStart(2, '0')}-15T10:00:00Z`;

/** Uniform background of `background` incidents per month plus `cluster(k)` incidents around HOT in month k. */
function incidents(seed: number, background: number, cluster: (k: number) => number): Feature<Point>[] {
  const rand = prng(seed);
  const out: Feature<Point>[] = [];
  for (let k = 0; k < 12; k++) {
    for (let i = 0; i < background; i++) {
      out.push(point([BOX[0] + rand() * (BOX[2] - BOX[0]), BOX[1] + rand() * (BOX[3] - BOX[1])], { occurred_at: month(k) }));
    }
    for (let i = 0; i < cluster(k); i++) {
      out.push(point([HOT[0] + (rand() - 0.5) * 0.012, HOT[1] + (rand() - 0.5) * 0.012], { occurred_at: month(k) }));
    }
  }
  return out;
}
const OPTS = { cellSizeMeters: 1000, distanceBandMeters: 2000, start: '2025-01-01', end: '2025-12-31' };
const hotCell = (r: ReturnType<typeof emergingHotspots>) =>
  r.cells.features.find((f) => booleanPointInPolygon(point(HOT), f))!.properties;

describe('emergingHotspots', () => {
  it('labels a cell hot only in the final slice new_hot', () => {
    const r = emergingHotspots(featureCollection(incidents(1, 150, (k) => (k === 11 ? 60 : 0))), AREA, OPTS);
    expect(r.slices).toEqual(Array.from({ length: 12 }, (_, k) => `2025-${String(k + 1).padStart(2, '0')}`));
    expect(hotCell(r)).toMatchObject({ category: 'new_hot', hot_slices: 1 });
  });

  it('labels a cell hot in ≥ 90 % of slices with a rising trend intensifying_hot', () => {
    // 15 incidents in the first month: under the exact test a cluster of 5 among 150 is not yet significant.
    const r = emergingHotspots(featureCollection(incidents(2, 150, (k) => 15 + 3 * k)), AREA, OPTS);
    const cell = hotCell(r);
    expect(cell.category).toBe('intensifying_hot');
    expect(cell.hot_slices).toBeGreaterThanOrEqual(11);
    expect(cell.mk_z).toBeGreaterThan(1.96);
  });

  it('labels uniform noise no_pattern everywhere', () => {
    const r = emergingHotspots(featureCollection(incidents(3, 150, () => 0)), AREA, OPTS);
    expect(r.cells.features.filter((f) => f.properties.category !== 'no_pattern')).toEqual([]);
  });

  it('returns no_pattern cells and a warning for an empty collection', () => {
    const r = emergingHotspots(featureCollection<Point>([]), AREA, OPTS);
    expect(r.cells.features.length).toBeGreaterThan(0);
    expect(r.cells.features.every((f) => f.properties.category === 'no_pattern')).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/no incidents/);
  });

  it('does not mutate its input and rejects a bad cell size', () => {
    const fc = featureCollection(incidents(4, 20, () => 0));
    const before = JSON.stringify(fc);
    emergingHotspots(fc, AREA, OPTS);
    expect(JSON.stringify(fc)).toBe(before);
    expect(() => emergingHotspots(fc, AREA, { ...OPTS, cellSizeMeters: 0 })).toThrow('cellSizeMeters must be positive');
  });
});

describe('emergingCategory (ESRI definitions)', () => {
  const c = (s: string): GiClass[] => s.split('').map((ch) => (ch === 'H' ? 1 : ch === 'C' ? -1 : 0) as GiClass);
  it.each([
    ['..........H', 0, 1, 'new_hot'],
    ['........HHH', 0, 1, 'consecutive_hot'],
    ['HHHHHHHHHHH', 3, 0.001, 'intensifying_hot'],
    ['HHHHHHHHHHH', 0.5, 0.6, 'persistent_hot'],
    ['HHHHHHHHHHH', -3, 0.001, 'diminishing_hot'],
    ['..H..H...HH', 0, 1, 'sporadic_hot'],
    ['..C..H...HH', 0, 1, 'oscillating_hot'],
    ['HHHHHHHHHHHHHHHHHHHH.'.slice(0, 11), 0, 1, 'persistent_hot'],
    ['HHHHHHHHHH.', 0, 1, 'historical_hot'],
    ['..........C', 0, 1, 'new_cold'],
    ['CCCCCCCCCCC', -3, 0.001, 'intensifying_cold'],
    ['...........', 0, 1, 'no_pattern'],
  ] as const)('%s (mk z %d, p %d) → %s', (s, z, p, expected) => {
    expect(emergingCategory(c(s), z, p)).toBe(expected);
  });
});

describe('monthSlices', () => {
  it('labels slices by first month and maps ISO times to slices', () => {
    const { labels, sliceOf } = monthSlices('2025-11-01', '2026-04-30', 2);
    expect(labels).toEqual(['2025-11', '2026-01', '2026-03']);
    expect([sliceOf('2025-12-31T23:00:00Z'), sliceOf('2026-04-30T22:00:00Z'), sliceOf('2026-05-01T00:00:00Z')]).toEqual([0, 2, -1]);
  });
});
