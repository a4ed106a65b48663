import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signAlarm } from '../../server/alarms/signature.ts';
import { createSecretBox } from '../../server/auth/secret-box.ts';
import { sealPlainSigningSecrets } from '../../server/auth/accounts.ts';
import { createServices } from '../../server/services.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import { createApp } from '../../server/app.ts';
import { seedDemoAccounts } from '../../server/auth/demo-accounts.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp } from '../helpers/test-app.ts';

let clock = Date.parse('2026-11-28T08:00:00Z');
const seconds = (ms: number) => String(Math.floor(ms / 1000));

describe('signed alarms cannot be replayed', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date(clock) });
  const viettel = (await t.services.accounts.users()).find((user) => user.username === 'viettel')!;
  const system = await t.services.accounts.createToken(viettel.userId, 'Viettel anti-theft');
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
    expect(String((await t.features.get('incidents', id))!.properties.description)).toMatch(/kết thúc/);
  });

  it('an older message re-signed with a fresh timestamp is refused with 409; a newer one is taken', async () => {
    const id = await incidentOf(await send(sign(alarm('R-2', 5))));
    const older = await send(sign(alarm('R-2', 4, { cleared: true })));
    expect(older.status).toBe(409);
    expect(((await older.json()) as { error: { details: { reason: string; sequence: number } } }).error.details).toMatchObject({ reason: 'stale', sequence: 5 });
    const reused = await send(sign(alarm('R-2', 5, { cleared: true }), clock + 1000));
    expect(reused.status).toBe(409);
    expect(String((await t.features.get('incidents', id))!.properties.description)).not.toMatch(/kết thúc/);
    expect((await send(sign(alarm('R-2', 6, { cleared: true }), clock + 2000))).status).toBe(200);
    expect(String((await t.features.get('incidents', id))!.properties.description)).toMatch(/kết thúc/);
  });

  it('simultaneous copies of one signed message make one incident and refuse the rest', async () => {
    const request = sign(alarm('R-3', 1));
    const before = (await t.features.counts()).incidents;
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => send(request)))).map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await t.features.counts()).incidents).toBe(before + 1);
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
    const storage = openSqliteStorage(path);
    const services = createServices(storage, undefined, undefined, createSecretBox(key));
    await storage.features.insertDataset(EDITING_DATASET);
    await seedDemoAccounts(services.accounts);
    const viettel = (await services.accounts.users()).find((user) => user.username === 'viettel')!;
    const issued = await services.accounts.createToken(viettel.userId, 'Viettel anti-theft');
    expect(await services.accounts.signingSecret(issued.id)).toBe(issued.signingSecret);
    const stored = (await storage.accounts.signingSecret(issued.id))!.value;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(issued.signingSecret);
    await storage.close();
    // What a stolen copy of the files shows: no secret to sign with.
    expect(readdirSync(directory).some((name) => readFileSync(join(directory, name)).includes(issued.signingSecret))).toBe(false);

    // Opened with the wrong key, a sealed secret does not open: no alarm verifies with what the file holds.
    const other = openSqliteStorage(path);
    await expect(createServices(other, undefined, undefined, createSecretBox(Buffer.alloc(32, 8))).accounts.signingSecret(issued.id)).rejects.toThrow();
    // A database from before sealing: its plain secret is sealed when it is opened, and still verifies.
    await other.accounts.setSigningSecret(issued.id, 'ngs_plain_old');
    expect(await sealPlainSigningSecrets(other, createSecretBox(key))).toBe(1);
    expect((await other.accounts.signingSecret(issued.id))!.value).toMatch(/^v1\./);
    const reopened = createServices(other, undefined, undefined, createSecretBox(key));
    expect(await reopened.accounts.signingSecret(issued.id)).toBe('ngs_plain_old');
    const app = createApp(reopened);
    const body = JSON.stringify({ alarmId: 'S-1', siteCode: 'VTL-KTM-001', raisedAt: new Date(Date.now() - 1000).toISOString(), sequence: 1 });
    const timestamp = seconds(Date.now());
    const response = await app.request('/api/alarms', {
      method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${issued.token}`, 'X-NetGuard-Timestamp': timestamp, 'X-NetGuard-Signature': signAlarm('ngs_plain_old', timestamp, body) },
    });
    expect(response.status).toBe(201);
    await other.close();
  });
});
