import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { INCIDENT_TYPES } from '../server/collections/vocabulary.ts';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import { selectionCellCounts } from '../server/analysis-api/cell-counts.ts';
import type { Selection } from '../server/analysis-api/params.ts';
import { hotspotGridFromCounts } from '../server/analysis/hotspots/index.ts';
import type { HexGridOver } from '../server/analysis/hex-bin/index.ts';
import { createRng } from '../server/analysis/prng/index.ts';

/** n seeded incidents over one year in the study area's bbox, as the store expects them. */
function incidents(n: number, box: number[]): Feature<Point>[] {
  const rng = createRng(n);
  const startMs = Date.parse('2025-11-01T00:00:00Z');
  return Array.from({ length: n }, (_, index) => ({
    type: 'Feature',
    id: index + 1,
    geometry: { type: 'Point', coordinates: [rng.range(box[0], box[2]), rng.range(box[1], box[3])] },
    properties: {
      type: rng.pick(INCIDENT_TYPES), occurred_at: new Date(startMs + Math.floor(rng.range(0, 364) * 86_400_000)).toISOString().replace('.000Z', 'Z'),
      reported_at: '2026-11-01T00:00:00Z', source: 'patrol', status: 'verified', asset_collection: null, asset_id: null, asset_owner: null,
      damage_vnd: 0, outage_minutes: 0, district_code: null, description: null,
    },
  }));
}

/**
 * End to end from the database: the store bins a year of incidents into the (cached) grid's hexes in SQL through its
 * time index and the selection's filters, then Gi* and FDR — how /api/analysis/hotspots makes its cells for a
 * province-wide selection.
 * @returns median and max ms over `runs`
 */
export async function benchFromDatabase(n: number, area: Feature<Polygon | MultiPolygon>, grid: HexGridOver, box: number[], runs: number): Promise<{ median: number; max: number; loadMs: number }> {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-bench-'));
  const storage = openSqliteStorage(join(directory, 'bench.sqlite'));
  const loadStart = performance.now();
  await storage.features.insert('incidents', incidents(n, box));
  const loadMs = performance.now() - loadStart;
  const selection: Selection = { start: '2025-11-01', end: '2026-10-31', district: null, studyArea: area, types: [], sources: [], statuses: [] };
  const time = async (): Promise<number> => {
    const start = performance.now();
    const { counts, total } = (await selectionCellCounts(storage.features, selection, grid))!;
    hotspotGridFromCounts(counts, total, grid, { cellSizeMeters: 1000, distanceBandMeters: 3000 });
    return performance.now() - start;
  };
  await time();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push(await time());
  times.sort((a, b) => a - b);
  await storage.close();
  rmSync(directory, { recursive: true, force: true });
  return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], loadMs };
}
