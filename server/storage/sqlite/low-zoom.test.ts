import type { Feature, MultiLineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from './database.ts';
import type { ItemQuery, TileFeature } from '../features.ts';
import { createSqliteFeatures } from './features.ts';
import { findCollection } from '../../collections/registry.ts';
import { createLowZoomStore } from './low-zoom.ts';
import { createSqliteTileReader } from './tile-sql.ts';

/** The provider, and the tile reads it builds its vector tiles from, by collection id. */
function freshStore() {
  const db = openDatabase(':memory:');
  migrate(db);
  return { db, provider: createSqliteFeatures(db), tiles: tileReads(db) };
}

function tileReads(db: ReturnType<typeof openDatabase>) {
  const reader = createSqliteTileReader(db, createLowZoomStore(db));
  return {
    thinTile: (collectionId: string, tile: { z: number; x: number; y: number }, query: ItemQuery) => reader.thinTile(findCollection(collectionId)!, tile, query),
    tileFeatures: (collectionId: string, query: ItemQuery, zoom: number) => reader.tileFeatures(findCollection(collectionId)!, query, zoom),
  };
}

const incident = (id: number, lon: number, lat: number, occurredAt: string, assetOwner: string | null = null): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { type: 'cable_theft', occurred_at: occurredAt, reported_at: occurredAt, source: 'police', status: 'reported', asset_owner: assetOwner },
});

const cable = (id: number, coordinates: Position[], tier: string, owner = 'viettel'): Feature => ({
  type: 'Feature', id, geometry: { type: 'LineString', coordinates },
  properties: { name: `Tuyến ${id}`, owner, medium: 'fibre', laying: 'aerial', tier, status: 'active' },
});

// Tile 6/51/29 holds Kon Tum; its cells are the zoom-10 tiles 816–831 × 464–479. Columns: 107.0°E → 816,
// 108.0x°E → 819, 108.5°E → 820; 14.36°N → row 470 (see tile-grid.test.ts).
const TILE = { z: 6, x: 51, y: 29 };
const POINTS = [
  incident(1, 108.01, 14.36, '2026-01-10T08:00:00Z', 'viettel'),
  incident(2, 108.02, 14.37, '2026-01-20T08:00:00Z'),
  incident(3, 108.5, 14.36, '2026-02-05T08:00:00Z', 'viettel'),
  incident(4, 107.0, 14.36, '2026-03-01T00:00:00Z'),
  incident(5, 100.0, 14.0, '2026-01-10T08:00:00Z'),
];
const everything: ItemQuery = { filters: [], limit: 0, offset: 0 };
const sorted = (cells: { id: number; count: number }[]) => [...cells].sort((a, b) => a.id - b.id);
/** The same tile binned from the points themselves: an id list is a row filter, which the aggregates cannot answer. */
const fromPoints = (tiles: ReturnType<typeof freshStore>['tiles'], query: ItemQuery = everything) =>
  sorted(tiles.thinTile('incidents', TILE, { ...query, ids: [1, 2, 3, 4, 5, 6, 7] }));

describe('low-zoom point aggregates', () => {
  it('thin a tile to the lowest id per cell with its count, for any period', () => {
    const { provider, tiles } = freshStore();
    provider.insert('incidents', POINTS);
    expect(sorted(tiles.thinTile('incidents', TILE, everything))).toEqual([{ id: 1, count: 2 }, { id: 3, count: 1 }, { id: 4, count: 1 }]);
    expect(fromPoints(tiles)).toEqual([{ id: 1, count: 2 }, { id: 3, count: 1 }, { id: 4, count: 1 }]);
    // Ragged start: 15 January to the end of February — the whole February from the aggregates, January's end from the points.
    const ragged = { ...everything, datetime: { startMs: Date.parse('2026-01-15T00:00:00Z'), endMs: Date.parse('2026-02-28T23:59:59.999Z') } };
    expect(sorted(tiles.thinTile('incidents', TILE, ragged))).toEqual([{ id: 2, count: 1 }, { id: 3, count: 1 }]);
    expect(fromPoints(tiles, ragged)).toEqual([{ id: 2, count: 1 }, { id: 3, count: 1 }]);
    // The last second of March is outside the range when it ends one second early; 1 March 00:00 is inside.
    const march = { ...everything, datetime: { startMs: Date.parse('2026-03-01T00:00:00Z'), endMs: Date.parse('2026-03-31T23:59:59Z') } };
    expect(sorted(tiles.thinTile('incidents', TILE, march))).toEqual([{ id: 4, count: 1 }]);
    // A carrier's scope filters on asset_owner, which the counts are kept by; any other filter is binned from the points.
    const viettel = { ...everything, filters: [{ property: 'asset_owner', value: 'viettel' }] };
    expect(sorted(tiles.thinTile('incidents', TILE, viettel))).toEqual([{ id: 1, count: 1 }, { id: 3, count: 1 }]);
    expect(fromPoints(tiles, viettel)).toEqual([{ id: 1, count: 1 }, { id: 3, count: 1 }]);
    expect(sorted(tiles.thinTile('incidents', TILE, { ...everything, filters: [{ property: 'type', value: 'cable_theft' }] }))).toEqual([{ id: 1, count: 2 }, { id: 3, count: 1 }, { id: 4, count: 1 }]);
  });

  it('keep each carrier’s lowest id apart from the others’ in a shared cell', () => {
    const { provider, tiles } = freshStore();
    provider.insert('incidents', [...POINTS, incident(7, 108.03, 14.36, '2026-01-11T08:00:00Z', 'viettel')]);
    const viettel = { ...everything, filters: [{ property: 'asset_owner', value: 'viettel' }] };
    provider.remove('incidents', 1);
    // Cell 819 now holds 2 (no owner) and 7 (Viettel): Viettel's tile shows 7, everyone's shows 2.
    expect(sorted(tiles.thinTile('incidents', TILE, viettel))).toEqual([{ id: 3, count: 1 }, { id: 7, count: 1 }]);
    expect(sorted(tiles.thinTile('incidents', TILE, everything))).toEqual([{ id: 2, count: 2 }, { id: 3, count: 1 }, { id: 4, count: 1 }]);
    expect(fromPoints(tiles, viettel)).toEqual([{ id: 3, count: 1 }, { id: 7, count: 1 }]);
  });

  it('stay equal to the points through creations, moves and deletions, the lowest id included', () => {
    const { provider, tiles } = freshStore();
    provider.insert('incidents', POINTS);
    provider.remove('incidents', 1);
    expect(sorted(tiles.thinTile('incidents', TILE, everything))).toEqual([{ id: 2, count: 1 }, { id: 3, count: 1 }, { id: 4, count: 1 }]);
    provider.replace('incidents', 2, incident(2, 108.5, 14.37, '2026-02-20T08:00:00Z'));
    expect(sorted(tiles.thinTile('incidents', TILE, everything))).toEqual([{ id: 2, count: 2 }, { id: 4, count: 1 }]);
    const created = provider.create('incidents', incident(0, 108.01, 14.36, '2026-01-10T08:00:00Z'));
    expect(created.id).toBe(6);
    expect(sorted(tiles.thinTile('incidents', TILE, everything))).toEqual([{ id: 2, count: 2 }, { id: 4, count: 1 }, { id: 6, count: 1 }]);
    expect(fromPoints(tiles)).toEqual(sorted(tiles.thinTile('incidents', TILE, everything)));
    for (const id of [2, 3, 4, 5, 6]) provider.remove('incidents', id);
    expect(tiles.thinTile('incidents', TILE, everything)).toEqual([]);
  });

  it('are rebuilt when a database stored before them is opened', () => {
    const { db, provider, tiles } = freshStore();
    provider.insert('incidents', POINTS);
    provider.insert('cable_routes', [cable(1, [[108, 14.3], [108.2, 14.4]], 'backbone')]);
    const before = sorted(tiles.thinTile('incidents', TILE, everything));
    db.exec('DELETE FROM point_cells; DELETE FROM line_generalised; DELETE FROM line_generalised_rtree;');
    createSqliteFeatures(db);
    const reopened = tileReads(db);
    expect(sorted(reopened.thinTile('incidents', TILE, everything))).toEqual(before);
    expect(reopened.tileFeatures('cable_routes', { bbox: [104, 11, 110, 17], filters: [], limit: 100, offset: 0 }, 9).map((feature) => feature.properties.line_count)).toEqual([1]);
  });
});

describe('low-zoom generalised lines', () => {
  // A line with 0.001° (≈ 110 m) wiggles: below half a screen pixel at zoom 8 (≈ 0.0014°), above it at zoom 10 (≈ 0.0003°).
  const wiggly: Position[] = [[108, 14.3], [108.05, 14.301], [108.1, 14.3], [108.15, 14.301], [108.2, 14.3]];
  const lines = [
    cable(1, wiggly, 'backbone'),
    cable(2, [[108.2, 14.3], [108.3, 14.5]], 'backbone'),
    cable(3, [[108, 14.3], [108.05, 14.35]], 'trunk', 'vnpt'),
    cable(4, [[108.01, 14.31], [108.02, 14.32]], 'access'),
  ];
  const bbox: [number, number, number, number] = [104, 11, 110, 17];
  const at = (tiles: ReturnType<typeof freshStore>['tiles'], zoom: number): TileFeature[] =>
    tiles.tileFeatures('cable_routes', { bbox, filters: [], limit: 100, offset: 0 }, zoom);
  const summary = (features: TileFeature[]) => features.map((feature) => ({ id: feature.id, ...feature.properties })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it('draw each tier from its zoom, merged by properties below zoom 11, one feature a line from there', () => {
    const { provider, tiles } = freshStore();
    provider.insert('cable_routes', lines);
    expect(summary(at(tiles, 6))).toEqual([{ id: undefined, owner: 'viettel', tier: 'backbone', status: 'active', line_count: 2 }]);
    expect(summary(at(tiles, 8))).toEqual([
      { id: undefined, owner: 'viettel', tier: 'backbone', status: 'active', line_count: 2 },
      { id: undefined, owner: 'vnpt', tier: 'trunk', status: 'active', line_count: 1 },
    ]);
    expect(summary(at(tiles, 10))).toEqual([
      { id: undefined, owner: 'viettel', tier: 'access', status: 'active', line_count: 1 },
      { id: undefined, owner: 'viettel', tier: 'backbone', status: 'active', line_count: 2 },
      { id: undefined, owner: 'vnpt', tier: 'trunk', status: 'active', line_count: 1 },
    ]);
    // From LOW_ZOOMS on, every line on its own with every property, as stored.
    expect(at(tiles, 11).map((feature) => feature.id)).toEqual([1, 2, 3, 4]);
    expect(at(tiles, 11)[0].properties.name).toBe('Tuyến 1');
  });

  it('simplify below half a screen pixel: the wiggles go at country zooms and stay from zoom 9', () => {
    const { provider, tiles } = freshStore();
    provider.insert('cable_routes', lines);
    const merged = at(tiles, 6)[0].geometry as { coordinates: Position[][] };
    expect(merged.coordinates).toContainEqual([[108, 14.3], [108.2, 14.3]]);
    expect((at(tiles, 9)[0].geometry as MultiLineString).coordinates).toContainEqual(wiggly);
  });

  it('follow edits: a changed tier moves a line between groups, a deletion drops it', () => {
    const { provider, tiles } = freshStore();
    provider.insert('cable_routes', lines);
    provider.replace('cable_routes', 3, cable(3, [[108, 14.3], [108.05, 14.35]], 'backbone', 'vnpt'));
    provider.remove('cable_routes', 1);
    expect(summary(at(tiles, 6))).toEqual([
      { id: undefined, owner: 'viettel', tier: 'backbone', status: 'active', line_count: 1 },
      { id: undefined, owner: 'vnpt', tier: 'backbone', status: 'active', line_count: 1 },
    ]);
  });
});
