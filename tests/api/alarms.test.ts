import { afterAll, describe, expect, it } from 'vitest';
import { signAlarm } from '../../server/alarms/signature.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { nextEvent } from '../helpers/sse.ts';
import { createTestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-28T08:00:00Z');
const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

describe('carrier alarms', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => NOW });
  const viettelUser = (await t.services.accounts.users()).find((user) => user.username === 'viettel')!;
  const system = await t.services.accounts.createToken(viettelUser.userId, 'Viettel anti-theft');
  const send = (payload: unknown, options: { timestamp?: string; secret?: string; token?: string; signature?: string } = {}) => {
    const body = JSON.stringify(payload);
    const timestamp = options.timestamp ?? seconds(NOW);
    return t.raw.request('/api/alarms', {
      method: 'POST', body,
      headers: {
        'Content-Type': 'application/json', Authorization: `Bearer ${options.token ?? system.token}`, 'X-NetGuard-Timestamp': timestamp,
        'X-NetGuard-Signature': options.signature ?? signAlarm(options.secret ?? system.signingSecret, timestamp, body),
      },
    });
  };
  const alarm = (id: string, extra: Record<string, unknown> = {}) => ({ alarmId: id, siteCode: 'VTL-KTM-001', raisedAt: '2026-11-28T07:59:30Z', kind: 'door', sequence: 1, ...extra });
  const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
  afterAll(async () => { for (const reader of readers) await reader.cancel(); });

  it('a signed alarm becomes an intrusion-alarm incident at the site, owned by the carrier', async () => {
    const response = await send(alarm('A-100'));
    expect(response.status).toBe(201);
    const { incident } = (await response.json()) as { incident: { geometry: { coordinates: number[] }; properties: Record<string, unknown> } };
    expect(incident.properties).toMatchObject({ type: 'intrusion_alarm', source: 'carrier_alarm', status: 'reported', asset_owner: 'viettel', asset_id: 1 });
    expect(incident.geometry.coordinates).toEqual([108.005, 14.355]);
  });

  it('is idempotent by the alarm id: the same message signed again returns the same incident, a newer one changes it', async () => {
    const before = (await t.features.counts()).incidents;
    const first = (await (await send(alarm('A-200'))).json()) as { incident: { id: number } };
    const retry = await send(alarm('A-200'), { timestamp: seconds(new Date(NOW.getTime() + 1000)) });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { incident: { id: number } }).incident.id).toBe(first.incident.id);
    const cleared = await send(alarm('A-200', { cleared: true, sequence: 2 }));
    expect(cleared.status).toBe(200);
    expect(String((await t.features.get('incidents', first.incident.id))?.properties.description)).toMatch(/kết thúc/);
    expect((await t.features.counts()).incidents).toBe(before + 1);
  });

  it('refuses a bad signature, another secret, a stale or future timestamp, and stores nothing', async () => {
    const before = (await t.features.counts()).incidents;
    expect((await send(alarm('A-300'), { signature: 'sha256=00' })).status).toBe(401);
    expect((await send(alarm('A-300'), { secret: 'ngs_wrong' })).status).toBe(401);
    const stale = await send(alarm('A-300'), { timestamp: seconds(new Date(NOW.getTime() - 10 * 60_000)) });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('StaleTimestamp');
    expect((await send(alarm('A-300'), { timestamp: seconds(new Date(NOW.getTime() + 10 * 60_000)) })).status).toBe(401);
    expect((await t.features.counts()).incidents).toBe(before);
  });

  it('refuses an alarm on another carrier’s asset, a session instead of a token, and other roles', async () => {
    expect((await send(alarm('A-400', { siteCode: 'VNP-KTM-003' }))).status).toBe(403);
    expect((await send(alarm('A-401'), { token: t.tokens.police })).status).toBe(403);
    expect((await send({ alarmId: 'A-402', raisedAt: 'yesterday', sequence: 1 })).status).toBe(400);
    expect((await send({ alarmId: 'A-403', siteCode: 'VTL-KTM-001', raisedAt: '2026-11-28T07:59:30Z' })).status).toBe(400);
  });

  it('reaches police and the carrier within a second over SSE, and not another carrier or a viewer', async () => {
    const listen = async (username: string) => {
      const response = await t.raw.request('/api/events', { headers: { Authorization: `Bearer ${t.tokens[username]}` } });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = response.body!.getReader();
      readers.push(reader);
      expect(await nextEvent(reader, 'ready', 1000)).not.toBeNull();
      return reader;
    };
    const [police, viettel, vnpt, ubnd] = await Promise.all(['police', 'viettel', 'vnpt', 'ubnd'].map(listen));
    expect((await send(alarm('A-500'))).status).toBe(201);
    const [toPolice, toViettel, toVnpt, toUbnd] = await Promise.all([
      nextEvent(police, 'incident.alarm', 1000), nextEvent(viettel, 'incident.alarm', 1000), nextEvent(vnpt, 'incident.alarm', 1000), nextEvent(ubnd, 'incident.alarm', 1000),
    ]);
    expect(toPolice).toMatchObject({ type: 'intrusion_alarm', owner: 'viettel', asset: { collection: 'bts_sites', id: 1 } });
    expect(toViettel).toMatchObject({ owner: 'viettel' });
    expect(toVnpt).toBeNull();
    expect(toUbnd).toBeNull();
  });
});
