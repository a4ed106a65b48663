import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from './database.ts';
import { createSqliteStorage } from './index.ts';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** The migrations the storage seam added (issue 12); a database deployed before it has every other one, 017 being the case files. */
const SEAM = [16, 42, 43];

/** A database as main made it before the seam: every migration but the seam's, recorded as the runner records them. */
function databaseBeforeTheSeam() {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const file of readdirSync(MIGRATIONS).filter((name) => /^\d{3}_.+\.sql$/.test(name)).sort()) {
    const version = Number(file.slice(0, 3));
    if (SEAM.includes(version)) continue;
    db.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, '2026-11-30T00:00:00Z')").run(version, file);
  }
  return db;
}

const site = (code: string) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [108, 14.5] }, properties: { site_code: code, owner: 'vnpt', technologies: ['4G'], status: 'active' } });

describe('a database made before the storage seam', () => {
  it('upgrades in place: the case files stay, ids deleted before the upgrade stay unused, the change log numbers on', async () => {
    const db = databaseBeforeTheSeam();
    db.prepare("INSERT INTO case_readers (username, since) VALUES ('police', '2026-11-01T00:00:00Z')").run();
    // As main left it (its rows written the way its code wrote them): sites 1–4 stored and the newest two deleted; the
    // audit log names 4, an incident still links to 3.
    const point = JSON.stringify({ type: 'Point', coordinates: [108, 14.5] });
    const addSite = db.prepare("INSERT INTO bts_sites (id, site_code, owner, technologies, status, geometry, minx, miny, maxx, maxy) VALUES (?, ?, 'vnpt', '[\"4G\"]', 'active', ?, 108, 14.5, 108, 14.5)");
    for (const id of [1, 2, 3, 4]) addSite.run(id, `S${id}`, point);
    db.prepare('DELETE FROM bts_sites WHERE id IN (3, 4)').run();
    db.prepare("INSERT INTO audit_log (at, actor, role, action, target_type, target_id) VALUES ('2026-11-30T01:00:00Z', 'vnpt', 'carrier_editor', 'delete', 'bts_sites', '4')").run();
    db.prepare(`INSERT INTO incidents (id, type, occurred_at, reported_at, source, status, asset_collection, asset_id, asset_owner, geometry, minx, miny, maxx, maxy)
      VALUES (1, 'cable_cut', '2026-11-29T00:00:00Z', '2026-11-29T01:00:00Z', 'carrier_alarm', 'reported', 'bts_sites', 3, 'vnpt', ?, 108, 14.5, 108, 14.5)`).run(point);

    const lastSeen = db.prepare('SELECT max(seq) FROM tile_changes').pluck().get() as number;
    expect(migrate(db)).toEqual(SEAM);
    const storage = createSqliteStorage(db);
    expect((await storage.features.create('bts_sites', site('D'))).id).toBe(5);
    const { changes } = await storage.changes.since(lastSeen);
    expect(changes.map((change) => change.collection)).toEqual(['bts_sites']);
    expect(await storage.caseFiles.readerSince('police', '2026-12-01T00:00:00Z')).toBe('2026-11-01T00:00:00Z');
    expect(migrate(db)).toEqual([]);
  });
});
