import type { Feature } from 'geojson';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { findCollection } from '../../collections/registry.ts';
import { Conflict } from '../../errors.ts';
import { createTestDatabase, describePostgres, emptyTestDatabase } from '../../../tests/helpers/postgres.ts';
import type { Storage } from '../storage.ts';
import { openPool, poolSql, statementName, type Sql } from './database.ts';
import { itemsStatement } from './features.ts';
import { openPostgresStorage, TILE_APPLICATION_NAME } from './index.ts';
import { tileStatement } from './vector-tile.ts';

const incident = (id: number, occurredAt: string, coordinates: [number, number] = [108, 14.5]): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates },
  properties: { type: 'cable_theft', occurred_at: occurredAt, reported_at: occurredAt, source: 'patrol', status: 'reported' },
});
const range = (start: string, end: string) => ({ startMs: Date.parse(start), endMs: Date.parse(end) });

/** The tables a plan reads (Seq/Index/Bitmap scans name their relation). */
function scannedTables(plan: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Relation Name'] === 'string') found.add(node['Relation Name']);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((plan as [{ Plan: Record<string, unknown> }])[0].Plan);
  return [...found].sort();
}

describePostgres('incidents partitioned by month (PostgreSQL migration 005)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let storage: Storage;
  let sql: Sql;
  let end: () => Promise<void>;
  beforeAll(async () => {
    database = await createTestDatabase();
    storage = await openPostgresStorage(database.url, { poolSize: 2 });
    const pool = await openPool(database.url, 1);
    sql = poolSql(pool);
    end = () => pool.end();
  });
  afterAll(async () => {
    await end?.();
    await storage?.close();
    await database?.drop();
  });
  beforeEach(() => emptyTestDatabase(database.url));

  const partitionOf = async (id: number) => (await sql.rows<{ name: string }>('SELECT tableoid::regclass::text AS name FROM incidents WHERE id = $1', [id]))[0]?.name;

  it('puts each incident in the table of its month, made when a write first lands in that month', async () => {
    await storage.features.insert('incidents', [incident(1, '1998-03-31T23:59:59Z'), incident(2, '1998-04-01T00:00:00Z')]);
    expect([await partitionOf(1), await partitionOf(2)]).toEqual(['incidents_1998_03', 'incidents_1998_04']);
    const created = await storage.features.create('incidents', incident(0, '1998-05-15T08:00:00+07:00'));
    expect(await partitionOf(created.id as number)).toBe('incidents_1998_05');
  });

  it('reads only the months a period query covers (EXPLAIN of the items statement)', async () => {
    await storage.features.insert('incidents', [incident(1, '1998-03-10T00:00:00Z'), incident(2, '1998-04-10T00:00:00Z'), incident(3, '1998-05-10T00:00:00Z')]);
    const explain = async (datetime: { startMs: number; endMs: number }) => {
      const statement = itemsStatement(findCollection('incidents')!, { bbox: [107, 14, 109, 15], datetime, filters: [], limit: 1000, offset: 0 });
      return scannedTables((await sql.rows<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values))[0]['QUERY PLAN']);
    };
    expect(await explain(range('1998-04-01T00:00:00Z', '1998-04-30T23:59:59Z'))).toEqual(['incidents_1998_04']);
    expect(await explain(range('1998-03-20T00:00:00Z', '1998-04-05T00:00:00Z'))).toEqual(['incidents_1998_03', 'incidents_1998_04']);
    // The answer is the same as without partitions: the incident of April alone.
    expect((await storage.features.query('incidents', { datetime: range('1998-04-01T00:00:00Z', '1998-04-30T23:59:59Z'), filters: [], limit: 10, offset: 0 })).features.map((feature) => feature.id)).toEqual([2]);
  });

  it('keeps an incident moved to another month: the same id, found there, logged in the change log, counted once', async () => {
    await storage.features.insert('incidents', [incident(7, '1998-03-10T00:00:00Z', [108, 14.5])]);
    const before = await storage.changes.latest();
    const replaced = await storage.features.replace('incidents', 7, incident(7, '1998-06-02T00:00:00Z', [108.2, 14.6]));
    expect(replaced?.properties.occurred_at).toBe('1998-06-02T00:00:00Z');
    expect(await partitionOf(7)).toBe('incidents_1998_06');
    expect((await storage.features.counts()).incidents).toBe(1);
    expect((await storage.features.query('incidents', { datetime: range('1998-06-01T00:00:00Z', '1998-06-30T00:00:00Z'), filters: [], limit: 10, offset: 0 })).features.map((feature) => feature.id)).toEqual([7]);
    const { changes } = await storage.changes.since(before);
    expect(changes.map(({ collection, minx, miny }) => [collection, minx, miny])).toEqual([['incidents', 108, 14.5], ['incidents', 108.2, 14.6]]);
    // The id stays taken after the move, in any month.
    await expect(storage.features.insert('incidents', [incident(7, '1999-01-01T00:00:00Z')])).rejects.toThrow(Conflict);
    expect((await storage.features.create('incidents', incident(0, '1998-06-03T00:00:00Z'))).id).toBe(8);
  });

  it('moves SQL updates across months too, and keeps ids unique across partitions', async () => {
    await storage.features.insert('incidents', [incident(1, '1998-03-10T00:00:00Z'), incident(2, '1998-04-10T00:00:00Z')]);
    await sql.rows("SELECT netguard_incident_months(ARRAY[$1::bigint])", [Date.parse('1998-04-20T00:00:00Z')]);
    const before = await storage.changes.latest();
    await sql.rows("UPDATE incidents SET temporal_ms = $1, occurred_at = '1998-04-20T00:00:00Z' WHERE id = 1", [Date.parse('1998-04-20T00:00:00Z')]);
    expect(await partitionOf(1)).toBe('incidents_1998_04');
    expect((await storage.changes.since(before)).changes).toHaveLength(1);
    await expect(storage.features.insert('incidents', [incident(2, '1998-09-01T00:00:00Z')])).rejects.toThrow(Conflict);
    expect((await sql.rows<{ n: number }>('SELECT count(*)::int AS n FROM incident_ids'))[0].n).toBe(2);
  });

  it('catches a row written where no month partition exists in the DEFAULT partition, and moves it into its month when that is made', async () => {
    // A write that bypasses the store (an administrator's INSERT) into a month without a table.
    await sql.rows(`INSERT INTO incidents (id, type, occurred_at, reported_at, source, status, geometry, geom, minx, miny, maxx, maxy, temporal_ms)
      VALUES (5, 'cable_cut', '1997-02-03T00:00:00Z', '1997-02-03T00:00:00Z', 'police', 'reported', '{"type":"Point","coordinates":[108,14.5]}',
              ST_SetSRID(ST_MakePoint(108, 14.5), 4326), 108, 14.5, 108, 14.5, $1)`, [Date.parse('1997-02-03T00:00:00Z')]);
    expect(await partitionOf(5)).toBe('incidents_default');
    await storage.features.insert('incidents', [incident(6, '1997-02-20T00:00:00Z')]);
    expect([await partitionOf(5), await partitionOf(6)]).toEqual(['incidents_1997_02', 'incidents_1997_02']);
    expect((await storage.features.get('incidents', 5))?.properties.type).toBe('cable_cut');
  });

  it('answers a prepared items query right after a new month is attached (its cached plan is replanned)', async () => {
    await storage.features.insert('incidents', [incident(1, '1998-03-10T00:00:00Z')]);
    const box = { bbox: [107, 14, 109, 15] as [number, number, number, number], filters: [], limit: 10, offset: 0 };
    // More runs than PostgreSQL's five custom plans, so the connection holds a generic plan of the statement.
    for (let run = 0; run < 7; run += 1) expect((await storage.features.query('incidents', box)).features.map((feature) => feature.id)).toEqual([1]);
    await storage.features.insert('incidents', [incident(2, '1996-07-01T00:00:00Z')]);
    expect((await storage.features.query('incidents', box)).features.map((feature) => feature.id)).toEqual([1, 2]);
    expect((await storage.features.query('incidents', { ...box, bbox: [107, 14, 107.5, 14.2] })).features).toEqual([]);
    expect((await storage.features.get('incidents', 2))?.properties.occurred_at).toBe('1996-07-01T00:00:00Z');
  });

  it('runs the store’s statements without JIT, and a generic plan of a prepared period query still reads only its months', async () => {
    await storage.features.insert('incidents', [incident(1, '1998-03-10T00:00:00Z'), incident(2, '1998-04-10T00:00:00Z'), incident(3, '1998-05-10T00:00:00Z')]);
    // `sql` is a pool of one connection: the setting, the statement and the catalogue query below share it.
    expect((await sql.rows<{ jit: string }>("SELECT current_setting('jit') AS jit"))[0].jit).toBe('off');
    // PostgreSQL moves a statement to a generic plan after five runs when it costs no more; forced here, at once.
    await sql.rows('SET plan_cache_mode = force_generic_plan');
    const statement = itemsStatement(findCollection('incidents')!, { datetime: range('1998-04-01T00:00:00Z', '1998-04-30T23:59:59Z'), filters: [], limit: 10, offset: 0 });
    expect((await sql.rows<{ id: number }>(statement.text, statement.values)).map((row) => row.id)).toEqual([2]);
    const [plans] = await sql.rows<{ generic_plans: number }>('SELECT generic_plans FROM pg_prepared_statements WHERE statement = $1', [statement.text]);
    expect(plans.generic_plans).toBe(1);
    // The same prepared statement explained as it runs: the months outside the period are removed at executor start.
    const name = statementName(statement.text, statement.values)!;
    // EXPLAIN takes no bound parameters: the values (the period's bounds, the limit and offset) are numbers, inlined.
    expect(statement.values.every((value) => typeof value === 'number')).toBe(true);
    const [explained] = await sql.rows<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}(${statement.values.join(', ')})`);
    expect(scannedTables(explained['QUERY PLAN'])).toEqual(['incidents_1998_04']);
    await sql.rows('RESET plan_cache_mode');
  });

  it('builds tiles on the tile pool, whose connections plan a tile statement once, and its generic plan reads only the period’s months', async () => {
    await storage.features.insert('incidents', [incident(1, '1998-03-10T00:00:00Z'), incident(2, '1998-04-10T00:00:00Z'), incident(3, '1998-05-10T00:00:00Z')]);
    const request = { z: 14, x: 13107, y: 7524, datetime: range('1998-04-01T00:00:00Z', '1998-04-30T23:59:59Z'), scope: { filters: [], redaction: null } };
    const statement = tileStatement(findCollection('incidents')!, request);
    await storage.features.vectorTile('incidents', request);
    // The store's tile pool ran it: its connection's last statement, under the pool's own name.
    const backends = await sql.rows<{ query: string }>(
      "SELECT query FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [TILE_APPLICATION_NAME]);
    expect(backends.map((backend) => backend.query)).toContain(statement.text);
    // A pool opened as the tile pool is: plan_cache_mode forced to generic plans, so the first run plans generically.
    const pool = await openPool(database.url, 1, 'tile pool test', { genericPlans: true });
    try {
      const tiles = poolSql(pool);
      expect((await tiles.rows<{ mode: string }>("SELECT current_setting('plan_cache_mode') AS mode"))[0].mode).toBe('force_generic_plan');
      await tiles.rows(statement.text, statement.params);
      const [plans] = await tiles.rows<{ generic_plans: number; custom_plans: number }>('SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1', [statement.text]);
      expect(plans).toEqual({ generic_plans: 1, custom_plans: 0 });
      const name = statementName(statement.text, statement.params)!;
      const literals = statement.params.map((value) => (typeof value === 'number' ? String(value) : `'${String(value)}'`));
      const [explained] = await tiles.rows<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}(${literals.join(', ')})`);
      expect(scannedTables(explained['QUERY PLAN'])).toEqual(['incidents_1998_04']);
    } finally {
      await pool.end();
    }
  });
});
