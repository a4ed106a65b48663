import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { binPoints, hexGridOver } from '../analysis/hex-bin/index.ts';
import { selectIncidents } from '../analysis/selection/index.ts';
import { createRng } from '../analysis/prng/index.ts';
import { INCIDENT_SOURCES, INCIDENT_STATUSES, INCIDENT_TYPES } from '../collections/vocabulary.ts';
import { openSqliteStorage } from '../storage/sqlite/index.ts';
import type { Selection } from './params.ts';
import { selectionCellCounts } from './cell-counts.ts';

const AREA: Feature<Polygon> = {
  type: 'Feature', properties: {},
  geometry: { type: 'Polygon', coordinates: [[[107.6, 14.2], [108.2, 14.1], [108.3, 14.8], [107.9, 15.0], [107.5, 14.7], [107.6, 14.2]]] },
};

async function provinceWith(n: number) {
  const rng = createRng(7);
  const provider = openSqliteStorage(':memory:').features;
  await provider.insert('incidents', Array.from({ length: n }, (_, index) => ({
    type: 'Feature' as const, id: index + 1,
    // Some points fall outside the area and its grid, which both paths must skip alike.
    geometry: { type: 'Point' as const, coordinates: [rng.range(107.4, 108.4), rng.range(14.0, 15.1)] },
    properties: {
      type: rng.pick(INCIDENT_TYPES), source: rng.pick(INCIDENT_SOURCES), status: rng.pick(INCIDENT_STATUSES),
      occurred_at: new Date(Date.UTC(2026, 0, 1) + Math.floor(rng.range(0, 300)) * 86_400_000 + Math.floor(rng.range(0, 86_400)) * 1000).toISOString().replace('.000Z', 'Z'),
      reported_at: '2026-11-01T00:00:00Z',
    },
  })));
  return provider;
}

describe('selectionCellCounts', async () => {
  const provider = await provinceWith(20_000);
  const all = await provider.points('incidents', { properties: ['type', 'source', 'status', 'occurred_at'] });
  const base: Selection = { start: '2026-02-01', end: '2026-08-31', district: null, studyArea: AREA, types: [], sources: [], statuses: [] };

  it.each([
    ['default statuses', {}],
    ['two types and one source', { types: ['cable_theft', 'vandalism'], sources: ['patrol'] }],
    ['chosen statuses, false alarms included', { statuses: ['false_alarm', 'resolved'] }],
  ])('gives the same counts per cell as binning the selected points in JavaScript (%s)', async (_, choice) => {
    const selection = { ...base, ...choice };
    for (const cellSizeMeters of [500, 1000, 3000]) {
      const grid = hexGridOver(AREA, { cellSizeMeters });
      const selected = selectIncidents(all as never, selection);
      const fromStore = (await selectionCellCounts(provider, selection, grid))!;
      expect(fromStore.counts).toEqual(Array.from(binPoints(grid, selected)));
      expect(fromStore.total).toBe(selected.features.length);
    }
  });

  it('leaves district and drawn-area selections to the exact point-in-polygon path', async () => {
    expect(await selectionCellCounts(provider, { ...base, area: AREA }, hexGridOver(AREA, { cellSizeMeters: 1000 }))).toBeNull();
  });
});
