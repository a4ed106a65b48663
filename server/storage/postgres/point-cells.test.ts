import type { Feature } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COLLECTIONS } from '../../collections/registry.ts';
import { tileOfPosition } from '../../geometry/web-mercator.ts';
import { createPrng } from '../../../tests/helpers/random-dataset.ts';
import { decodeLayer } from '../../../tests/helpers/mvt.ts';
import { createTestDatabase, describePostgres } from '../../../tests/helpers/postgres.ts';
import type { TimeRange } from '../features.ts';
import type { Storage } from '../storage.ts';
import type { TileScope } from '../vector-tiles.ts';
import { openPool, poolSql, type Sql } from './database.ts';
import { openPostgresStorage } from './index.ts';
import { tileStatement } from './vector-tile.ts';
import { findCollection } from '../../collections/registry.ts';

const OWNERS = ['viettel', 'vnpt', undefined];
const CENTRE: [number, number] = [108.0, 14.5];

function incident(random: () => number, id: number): Feature {
  const occurred = new Date(Date.UTC(2026, Math.floor(random() * 6), 1 + Math.floor(random() * 28), Math.floor(random() * 24))).toISOString();
  const owner = OWNERS[Math.floor(random() * OWNERS.length)];
  return {
    type: 'Feature', id,
    // Crowded: about 600 points over 0.2°, so many share a cell at every low zoom.
    geometry: { type: 'Point', coordinates: [CENTRE[0] + (random() - 0.5) * 0.2, CENTRE[1] + (random() - 0.5) * 0.2] },
    properties: { type: 'cable_theft', occurred_at: occurred, reported_at: occurred, source: 'patrol', status: 'reported', ...(owner ? { asset_owner: owner } : {}) },
  };
}

const site = (random: () => number, id: number): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [CENTRE[0] + (random() - 0.5) * 0.2, CENTRE[1] + (random() - 0.5) * 0.2] },
  properties: { site_code: `S${id}`, owner: random() < 0.5 ? 'viettel' : 'vnpt', technologies: ['4G'], status: 'active' },
});

const FULL: TileScope = { filters: [], redaction: null };
const VIETTEL_INCIDENTS: TileScope = { filters: [{ property: 'asset_owner', value: 'viettel' }], redaction: null };
const PERIODS: (TimeRange | undefined)[] = [
  undefined,
  { startMs: Date.parse('2026-02-01T00:00:00Z'), endMs: Date.parse('2026-04-30T23:59:59.999Z') },
  // Ragged at both ends: whole months from the counts, the rest from the points.
  { startMs: Date.parse('2026-01-15T00:00:00Z'), endMs: Date.parse('2026-05-10T12:00:00Z') },
];

describePostgres('point_cells on PostgreSQL (migration 006): the counts low-zoom point tiles are thinned from', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let storage: Storage;
  let sql: Sql;
  let end: () => Promise<void>;
  const random = createPrng(16);
  beforeAll(async () => {
    database = await createTestDatabase();
    storage = await openPostgresStorage(database.url, { poolSize: 2 });
    const pool = await openPool(database.url, 1);
    sql = poolSql(pool);
    end = () => pool.end();
    await storage.features.insertDataset({
      incidents: { type: 'FeatureCollection', features: Array.from({ length: 600 }, (_, index) => incident(random, index + 1)) },
      bts_sites: { type: 'FeatureCollection', features: Array.from({ length: 200 }, (_, index) => site(random, index + 1)) },
    });
  }, 60_000);
  afterAll(async () => {
    await end?.();
    await storage?.close();
    await database?.drop();
  });

  /** Rows of point_cells that a count from scratch (the migration's own fill) does not give, and rows it gives that are missing. */
  async function outOfStep(): Promise<number> {
    const fresh = await Promise.all([['incidents', 'asset_owner', true], ['bts_sites', '', false]].map(async ([collection, part, timed]) => {
      const [{ text }] = await sql.rows<{ text: string }>('SELECT netguard_point_cells_sql($1, $2, $3, $4) AS text', [collection, `SELECT * FROM ${collection}`, part, timed]);
      return `SELECT collection, z, x, y, part, month, cell, count(*)::bigint AS n, min(id) AS min_id FROM (${text}) AS e GROUP BY collection, z, x, y, part, month, cell`;
    }));
    const [{ differing }] = await sql.rows<{ differing: number }>(`WITH fresh AS (${fresh.join(' UNION ALL ')}), kept AS (SELECT * FROM point_cells WHERE collection IN ('incidents', 'bts_sites'))
      SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) AS a) + (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) AS b) AS differing`);
    return Number(differing);
  }

  /**
   * Each low-zoom tile over the points, from the counts, beside the same tile binned from the points themselves (a
   * scope listing every id reads no counts): decoded, they must hold the same features, counts and properties.
   */
  async function tilesDiffering(): Promise<string[]> {
    const ids = (await sql.rows<{ id: number }>('SELECT id FROM incidents UNION SELECT id FROM bts_sites')).map((row) => row.id);
    const problems: string[] = [];
    for (const z of [2, 6, 8, 10]) for (const [dx, dy] of [[0, 0], [0.08, 0.05], [-0.07, -0.06]]) {
      const [x, y] = tileOfPosition(CENTRE[0] + dx, CENTRE[1] + dy, z);
      const cases: [string, TileScope, TimeRange | undefined][] = [
        ...PERIODS.flatMap((datetime): [string, TileScope, TimeRange | undefined][] => [['incidents', FULL, datetime], ['incidents', VIETTEL_INCIDENTS, datetime]]),
        ['bts_sites', FULL, undefined],
      ];
      for (const [collection, scope, datetime] of cases) {
        const counted = { z, x, y, datetime, scope };
        // The request really is read from the counts.
        expect(tileStatement(findCollection(collection)!, counted).text).toContain('point_cells');
        const decode = async (bytes: Uint8Array) => JSON.stringify(decodeLayer(bytes, collection).map(({ id, properties }) => [id, properties]).sort());
        const [fromCounts, fromPoints] = await Promise.all([
          storage.features.vectorTile(collection, counted).then(decode),
          storage.features.vectorTile(collection, { ...counted, scope: { ...scope, ids } }).then(decode),
        ]);
        if (fromCounts !== fromPoints) problems.push(`${collection} ${z}/${x}/${y} ${JSON.stringify(scope.filters)} ${JSON.stringify(datetime)}: ${fromCounts} vs ${fromPoints}`);
        if (fromPoints === '[]' && z < 10 && dx === 0) problems.push(`${collection} ${z}/${x}/${y}: an empty tile proves nothing`);
      }
    }
    return problems;
  }

  it('are filled for every Point collection and kept by triggers on each of them', async () => {
    const points = COLLECTIONS.filter((collection) => collection.geometry === 'Point').map((collection) => collection.id).sort();
    const triggered = await sql.rows<{ table: string; n: number }>(
      "SELECT tgrelid::regclass::text AS table, count(*)::int AS n FROM pg_trigger WHERE tgname LIKE '%\\_cells\\_%' AND NOT tgisinternal GROUP BY 1 ORDER BY 1");
    expect(triggered).toEqual(points.map((table) => ({ table, n: 3 })));
    expect(await outOfStep()).toBe(0);
    expect(await tilesDiffering()).toEqual([]);
  });

  it('stay in step through creates, moves, changes of month and owner, deletes of a cell’s lowest id, and give the tiles binning the points gives', async () => {
    const features = storage.features;
    const stored = async (id: number) => (await features.get('incidents', id))!;
    // Lowest ids of crowded cells: id 1 and 2 are the lowest of theirs at every zoom.
    const moved = await stored(1);
    await features.replace('incidents', 1, { ...moved, geometry: { type: 'Point', coordinates: [CENTRE[0] + 0.09, CENTRE[1] - 0.09] } });
    const later = await stored(2);
    await features.replace('incidents', 2, { ...later, properties: { ...later.properties, occurred_at: '2026-06-30T23:00:00Z' } });
    const owned = await stored(3);
    await features.replace('incidents', 3, { ...owned, properties: { ...owned.properties, asset_owner: owned.properties.asset_owner === 'viettel' ? 'vnpt' : 'viettel' } });
    // A change that moves nothing, and one that drops the owner.
    const status = await stored(4);
    await features.replace('incidents', 4, { ...status, properties: { ...status.properties, status: 'verified' } });
    const unowned = await stored(5);
    await features.replace('incidents', 5, { ...unowned, properties: { ...unowned.properties, asset_owner: null } });
    expect(await outOfStep()).toBe(0);
    for (const id of [6, 7, 8, 9, 10, 40, 41, 42]) await features.remove('incidents', id);
    await features.remove('bts_sites', 1);
    const site1 = await features.get('bts_sites', 2);
    await features.replace('bts_sites', 2, { ...site1!, geometry: { type: 'Point', coordinates: [CENTRE[0] - 0.095, CENTRE[1] + 0.095] } });
    expect(await outOfStep()).toBe(0);
    await features.createAll('incidents', Array.from({ length: 30 }, (_, index) => incident(random, 10_000 + index)));
    await storage.transaction(async (stores) => {
      for (const id of [11, 12, 13]) await stores.features.remove('incidents', id);
      await stores.features.insert('incidents', [incident(random, 20_000)]);
    });
    expect(await outOfStep()).toBe(0);
    expect(await tilesDiffering()).toEqual([]);
  }, 120_000);
});
