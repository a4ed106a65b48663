import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { baseGeography } from '../../../scripts/generator/index.ts';
import { hexGridOver } from '../hex-bin/index.ts';
import { simulateMap } from './csr-simulation.ts';

// The real province outline and its 1 km hexes, as the API analyses them. `npm run calibrate` runs 300 maps per setting.
const PROVINCE = baseGeography().admin_areas.features.find((f) => f.properties.level === 'province') as Feature<Polygon | MultiPolygon>;
const GRID = hexGridOver(PROVINCE, { cellSizeMeters: 1000 });
const MAPS = 40;

describe('calibration on complete spatial randomness over the province', () => {
  const maps = Array.from({ length: MAPS }, (_, k) => simulateMap(GRID, PROVINCE, 1_000 + k, 300));

  it('shows a cell hot at 95 % after FDR on at most 10 % of random maps of 300 incidents', () => {
    expect(GRID.cells.features.length).toBeGreaterThan(3900);
    expect(maps.filter((m) => m.falseAlarm).length / MAPS).toBeLessThanOrEqual(0.1);
  });

  it('while the normal approximation it replaced does so on most of the same maps', () => {
    expect(maps.filter((m) => m.falseAlarmNormal).length / MAPS).toBeGreaterThan(0.4);
  });

  it('still finds a planted cluster of 20 incidents within 1 km among 300 (power)', () => {
    const planted = Array.from({ length: 10 }, (_, k) => simulateMap(GRID, PROVINCE, 5_000 + k, 300, { centre: [107.75, 14.55], radiusMeters: 1000, count: 20 }));
    expect(planted.filter((m) => m.found).length).toBeGreaterThanOrEqual(9);
  });
});
