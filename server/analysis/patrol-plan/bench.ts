import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { bench } from 'vitest';
import { createRng } from '../prng/index.ts';
import { patrolPlan, type PatrolBase, type PatrolTarget } from './index.ts';

// 60 targets jittered around the 40 commune centres, 10 bases, 10 units × 2 shifts × 30 days, real roads.
const roads = JSON.parse(readFileSync('data/kontum/roads-national-osm.geojson', 'utf8')) as FeatureCollection<LineString | MultiLineString>;
const communes = JSON.parse(readFileSync('data/kontum/commune-centres-2025.geojson', 'utf8')) as FeatureCollection<Point, { code: string; name_vi: string }>;
const rng = createRng(7);
const targets: PatrolTarget[] = Array.from({ length: 60 }, (_, i) => {
  const c = communes.features[i % communes.features.length];
  const [lon, lat] = c.geometry.coordinates;
  return { id: `t${i}`, kind: i % 4 === 0 ? 'key_target' : 'hotspot', name: `${c.properties.name_vi} #${i}`, point: [lon + rng.range(-0.02, 0.02), lat + rng.range(-0.02, 0.02)], risk: rng.range(1, 10), ...(i % 4 === 0 ? { cadenceDays: 7 } : {}) };
});
const bases: PatrolBase[] = communes.features.filter((_, i) => i % 4 === 1).map((c) => ({ id: c.properties.code, name: `Công an xã ${c.properties.name_vi}`, point: [c.geometry.coordinates[0], c.geometry.coordinates[1]] }));

bench('patrolPlan: 60 targets, 10 units, 2 shifts/day, 30 days, real roads', () => {
  patrolPlan({ targets, bases, roads }, { startDate: '2026-12-01', endDate: '2026-12-30', units: 10, shiftsPerDay: 2, seed: 'bench' });
});
