import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signAlarm } from '../../server/alarms/signature.ts';
import { createSecretBox } from '../../server/auth/secret-box.ts';
import { migrate, openDatabase } from '../../server/db/open.ts';
import { seedDemo } from '../../server/db/seed.ts';
import { createSqliteServices } from '../../server/services.ts';
import { createApp } from '../../server/app.ts';
import { seedDemoAccounts } from '../../server/auth/demo-accounts.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp } from '../helpers/test-app.ts';

let clock = Date.parse('2026-11-28T08:00:00Z');
const seconds = (ms: number) => String(Math.floor(ms / 1000));

describe('signed alarms cannot be replayed', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date(clock) });
  const viettel = t.services.accounts.users().find((user) => user.username === 'viettel')!;
  const system = t.services.accounts.createToken(viettel.userId, 'Viettel anti-theft');
  /** A signed request, as the carrier's system sends it: the headers can be captured and sent again. */
  const sign = (payload: Record<string, unknown>, at = clock) => {
    const body = JSON.stringify(payload);
    const timestamp = seconds(at);
    return { body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${system.token}`, 'X-NetGuard-Timestamp': timestamp, 'X-NetGuard-Signature': signAlarm(system.signingSecret, timestamp, body) } };
  };
  const send = (request: ReturnType<typeof sign>) => t.raw.request('/api/alarms', { method: 'POST', ...request });
  const alarm = (id: string, sequence: number, extra: Record<string, unknown> = {}) => ({ alarmId: id, siteCode: 'VTL-KTM-001', raisedAt: new Date(clock - 30_000).toISOString(), kind: 'door', sequence, ...extra });
  const incidentOf = async (response: Response) => ((await response.json()) as { incident: { id: number } }).incident.id;

  it('a captured "raised" replayed within the freshness window is refused and cannot turn a cleared alarm back on', async () => {
    const raised = sign(alarm('R-1', 1));
    const id = await incidentOf(await send(raised));
    expect((await send(sign(alarm('R-1', 2, { cleared: true })))).status).toBe(200);
    clock += 60_000;
    const replay = await send(raised);
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('replay');
    expect(String(t.provider.get('incidents', id)!.properties.description)).toMatch(/kết thúc/);
  });

  it('an older message re-signed with a fresh timestamp is refused with 409; a newer one is taken', async () => {
    const id = await incidentOf(await send(sign(alarm('R-2', 5))));
    const older = await send(sign(alarm('R-2', 4, { cleared: true })));
    expect(older.status).toBe(409);
    expect(((await older.json()) as { error: { details: { reason: string; sequence: number } } }).error.details).toMatchObject({ reason: 'stale', sequence: 5 });
    const reused = await send(sign(alarm('R-2', 5, { cleared: true }), clock + 1000));
    expect(reused.status).toBe(409);
    expect(String(t.provider.get('incidents', id)!.properties.description)).not.toMatch(/kết thúc/);
    expect((await send(sign(alarm('R-2', 6, { cleared: true }), clock + 2000))).status).toBe(200);
    expect(String(t.provider.get('incidents', id)!.properties.description)).toMatch(/kết thúc/);
  });

  it('simultaneous copies of one signed message make one incident and refuse the rest', async () => {
    const request = sign(alarm('R-3', 1));
    const before = t.provider.counts().incidents;
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => send(request)))).map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    expect(t.provider.counts().incidents).toBe(before + 1);
  });

  it('an alarm raised in the future beyond the clock skew is refused, within it taken', async () => {
    const future = await send(sign(alarm('R-4', 1, { raisedAt: '2099-01-01T00:00:00Z' })));
    expect(future.status).toBe(400);
    expect(((await future.json()) as { error: { details: { problems: { path: string }[] } } }).error.details.problems[0].path).toBe('raisedAt');
    expect((await send(sign(alarm('R-5', 1, { raisedAt: new Date(clock + 10 * 60_000).toISOString() })))).status).toBe(400);
    expect((await send(sign(alarm('R-6', 1, { raisedAt: new Date(clock + 60_000).toISOString() })))).status).toBe(201);
  });
});

describe('signing secrets are sealed at rest', () => {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-secrets-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('the database holds no signing secret in the clear; with another key the server cannot use them, and old plain secrets are sealed on open', async () => {
    const path = join(directory, 'netguard.sqlite');
    const key = Buffer.alloc(32, 7);
    const db = openDatabase(path);
    migrate(db);
    const services = createSqliteServices(db, undefined, undefined, createSecretBox(key));
    seedDemo(services.provider, EDITING_DATASET);
    await seedDemoAccounts(services.accounts);
    const viettel = services.accounts.users().find((user) => user.username === 'viettel')!;
    const issued = services.accounts.createToken(viettel.userId, 'Viettel anti-theft');
    expect(services.accounts.signingSecret(issued.id)).toBe(issued.signingSecret);
    db.close();

    // What a stolen copy of the file shows: no secret to sign with.
    const copy = new Database(path, { readonly: true });
    const stored = copy.prepare('SELECT signing_secret FROM api_tokens WHERE id = ?').pluck().get(issued.id) as string;
    const dump = copy.prepare("SELECT group_concat(signing_secret, '|') FROM api_tokens").pluck().get() as string;
    copy.close();
    expect(stored).not.toContain(issued.signingSecret);
    expect(dump).not.toContain(issued.signingSecret);
    expect(stored).toMatch(/^v1\./);

    // Opened with the wrong key, a sealed secret does not open: no alarm verifies with what the file holds.
    const other = openDatabase(path);
    expect(() => createSqliteServices(other, undefined, undefined, createSecretBox(Buffer.alloc(32, 8))).accounts.signingSecret(issued.id)).toThrow();
    // A database from before sealing: its plain secret is sealed when the store opens, and still verifies.
    other.prepare("UPDATE api_tokens SET signing_secret = 'ngs_plain_old' WHERE id = ?").run(issued.id);
    const reopened = createSqliteServices(other, undefined, undefined, createSecretBox(key));
    expect(other.prepare('SELECT signing_secret FROM api_tokens WHERE id = ?').pluck().get(issued.id)).toMatch(/^v1\./);
    expect(reopened.accounts.signingSecret(issued.id)).toBe('ngs_plain_old');
    const app = createApp(reopened);
    const body = JSON.stringify({ alarmId: 'S-1', siteCode: 'VTL-KTM-001', raisedAt: new Date(Date.now() - 1000).toISOString(), sequence: 1 });
    const timestamp = seconds(Date.now());
    const response = await app.request('/api/alarms', {
      method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${issued.token}`, 'X-NetGuard-Timestamp': timestamp, 'X-NetGuard-Signature': signAlarm('ngs_plain_old', timestamp, body) },
    });
    expect(response.status).toBe(201);
    other.close();
  });
});
