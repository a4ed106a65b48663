import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../server/photos/photo.ts';
import { REPORTS_PER_WINDOW } from '../../server/hotline/routes.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, type Client } from '../helpers/test-app.ts';

// A JPEG written by GDAL (tests/fixtures/photos), not by NetGuard.
const JPEG = readFileSync('tests/fixtures/photos/photo-40x30.jpg');
const report = (extra: Record<string, unknown> = {}) => ({ lon: 108.0052, lat: 14.3552, seenAt: '2026-03-01T03:00:00Z', description: 'Cáp bị cắt gần cầu', ...extra });
const fresh = () => createTestApp(EDITING_DATASET, { now: () => new Date('2026-03-01T08:00:00Z') });

function post(client: Client, body: unknown, key?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  return client.request('/api/hotline/reports', { method: 'POST', headers, body: JSON.stringify(body) });
}
type Queue = { numberMatched: number; reports: { id: number; trackingCode: string; photo: string | null }[] };

describe('hotline reports sent from a phone that was offline', () => {
  it('files a replayed report once and answers the replay with the same tracking code', async () => {
    const t = await fresh();
    const key = randomUUID();
    const first = await post(t.as('public'), report(), key);
    const again = await post(t.as('public'), report(), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-key-replayed')).toBe('true');
    expect((await again.json()).trackingCode).toBe((await first.json()).trackingCode);
    expect((await getJson<Queue>(t.as('police'), '/api/hotline/reports')).body.numberMatched).toBe(1);
  });

  it('files concurrent replays of one report once', async () => {
    const t = await fresh();
    const key = randomUUID();
    const answers = await Promise.all([0, 1, 2].map(() => post(t.as('public'), report(), key)));
    const codes = new Set(await Promise.all(answers.map(async (answer) => (await answer.json()).trackingCode)));
    expect(codes.size).toBe(1);
    expect((await getJson<Queue>(t.as('police'), '/api/hotline/reports')).body.numberMatched).toBe(1);
  });

  it('does not count replays against the per-address limit', async () => {
    const t = await fresh();
    const key = randomUUID();
    for (let index = 0; index < REPORTS_PER_WINDOW + 3; index += 1) expect((await post(t.as('public'), report(), key)).status).toBe(201);
    expect((await getJson<Queue>(t.as('police'), '/api/hotline/reports')).body.numberMatched).toBe(1);
  });

  it('refuses the same key on a different report, and a key that is not a UUID, filing nothing', async () => {
    const t = await fresh();
    const key = randomUUID();
    expect((await post(t.as('public'), report(), key)).status).toBe(201);
    const reused = await post(t.as('public'), report({ description: 'Khác' }), key);
    expect(reused.status).toBe(409);
    expect((await reused.json()).error.code).toBe('Conflict');
    expect((await post(t.as('public'), report(), 'abc')).status).toBe(400);
    expect((await getJson<Queue>(t.as('police'), '/api/hotline/reports')).body.numberMatched).toBe(1);
  });
});

describe('a photo with a hotline report', () => {
  it('is stored with the report and served to police only', async () => {
    const t = await fresh();
    expect((await post(t.as('public'), report({ photo: { mediaType: 'image/jpeg', data: JPEG.toString('base64') } }))).status).toBe(201);
    const [queued] = (await getJson<Queue>(t.as('police'), '/api/hotline/reports')).body.reports;
    expect(queued.photo).toBe(`/api/hotline/reports/${queued.id}/photo`);
    const photo = await t.as('police').request(queued.photo!);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await photo.arrayBuffer()).equals(JPEG)).toBe(true);
    expect((await getJson<Queue>(t.as('dic'), '/api/hotline/reports')).body.reports[0].photo).toBe('hidden');
    for (const caller of ['dic', 'viettel', 'ubnd'] as const) expect((await t.as(caller).request(queued.photo!)).status).toBe(403);
    expect((await t.as('public').request(queued.photo!)).status).toBe(401);
  });

  it('refuses a photo over 1 MB or one that is not a JPEG, storing no report', async () => {
    const t = await fresh();
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX_PHOTO_BYTES - JPEG.length + 1)]).toString('base64');
    const tooBig = await post(t.as('public'), report({ photo: { mediaType: 'image/jpeg', data: big } }));
    expect(tooBig.status).toBe(400);
    expect((await tooBig.json()).error.details.problems[0].path).toBe('photo');
    expect((await post(t.as('public'), report({ photo: { mediaType: 'image/jpeg', data: Buffer.from('GIF89a').toString('base64') } }))).status).toBe(400);
    expect((await post(t.as('public'), report({ photo: { mediaType: 'image/png', data: JPEG.toString('base64') } }))).status).toBe(400);
    expect((await getJson<Queue>(t.as('police'), '/api/hotline/reports')).body.numberMatched).toBe(0);
  });
});
