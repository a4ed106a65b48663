import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openAndSeed } from '../../bootstrap.ts';
import { DEFAULT_AREA_DIRECTORY, readAreaConfig, type AreaConfig } from '../../deployment/area.ts';
import type { Services } from '../../services.ts';
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

/** Today's names of the shipped area's bodies, read from its area.json as a deployer wrote them. */
const SHIPPED = JSON.parse(readFileSync(join(DEFAULT_AREA_DIRECTORY, 'area.json'), 'utf8')) as { organisations: Record<'department' | 'police' | 'committee', { name: string }> };
const BODY_CODES = { department: 'dic-kontum', police: 'police-kontum', committee: 'ubnd-kontum' } as const;

/** A database file as the code before migration 044 made it: every other migration, and the old seed's department account. */
function databaseBeforeTheAreaBodies(path: string) {
  const db = openDatabase(path);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const file of readdirSync(MIGRATIONS).filter((name) => /^\d{3}_.+\.sql$/.test(name)).sort()) {
    const version = Number(file.slice(0, 3));
    if (version === 44 || version === 45) continue;
    db.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, '2026-11-30T00:00:00Z')").run(version, file);
  }
  const department = db.prepare("SELECT id FROM organisations WHERE code = 'dic-kontum'").pluck().get();
  db.prepare("INSERT INTO users (username, display_name, password_hash, role, organisation_id, created_at) VALUES ('dic', 'Chuyên viên Sở TT&TT', 'x', 'dic_reviewer', ?, '2026-11-30T00:00:00Z')").run(department);
  expect(db.prepare("SELECT name FROM organisations WHERE code = 'dic-kontum'").pluck().get()).toBe('Sở Thông tin và Truyền thông tỉnh Kon Tum');
  db.close();
}

async function namesIn(services: Services) {
  const organisations = new Map((await services.storage.accounts.organisations()).map((organisation) => [organisation.code, organisation.name]));
  const dic = (await services.accounts.users()).find((user) => user.username === 'dic')!;
  return { bodies: Object.fromEntries(Object.entries(BODY_CODES).map(([body, code]) => [body, organisations.get(code)])), dic: { displayName: dic.displayName, organisation: dic.organisationName } };
}

describe('the province’s bodies named as area.json names them today (migration 044)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-bodies-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const today = {
    bodies: { department: SHIPPED.organisations.department.name, police: SHIPPED.organisations.police.name, committee: SHIPPED.organisations.committee.name },
    dic: { displayName: 'Chuyên viên Sở KH&CN', organisation: SHIPPED.organisations.department.name },
  };

  it('a fresh demo database and one seeded before the 2025 names, upgraded in place, show the same names: the area’s', async () => {
    const fresh = (await openAndSeed(join(directory, 'fresh.sqlite'), { demo: () => ({}) })).services;
    databaseBeforeTheAreaBodies(join(directory, 'old.sqlite'));
    const upgraded = (await openAndSeed(join(directory, 'old.sqlite'))).services;
    for (const services of [fresh, upgraded]) {
      const names = await namesIn(services);
      expect(names).toEqual(today);
      expect(JSON.stringify(names)).not.toMatch(/Kon Tum|Thông tin và Truyền thông|TT&TT/);
      expect(Object.values(names.bodies).every((name) => name === name!.normalize('NFC'))).toBe(true);
    }
    await Promise.all([fresh.storage.close(), upgraded.storage.close()]);
  });

  it('follows the deployment’s area.json, not a name written in the code: another area’s bodies, and back', async () => {
    const path = join(directory, 'other.sqlite');
    databaseBeforeTheAreaBodies(path);
    const shipped = readAreaConfig(DEFAULT_AREA_DIRECTORY);
    const other: AreaConfig = { ...shipped, organisations: {
      department: { ...shipped.organisations.department, name: 'Sở Khoa học và Công nghệ tỉnh Gia Lai'.normalize('NFD') },
      police: { ...shipped.organisations.police, name: 'Công an tỉnh Gia Lai' },
      committee: { ...shipped.organisations.committee, name: 'Ủy ban nhân dân tỉnh Gia Lai' },
    } };
    const first = (await openAndSeed(path, { area: other })).services;
    expect((await namesIn(first)).bodies).toEqual({ department: 'Sở Khoa học và Công nghệ tỉnh Gia Lai'.normalize('NFC'), police: 'Công an tỉnh Gia Lai', committee: 'Ủy ban nhân dân tỉnh Gia Lai' });
    await first.storage.close();
    const again = (await openAndSeed(path)).services;
    expect(await namesIn(again)).toEqual(today);
    await again.storage.close();
  });
});
