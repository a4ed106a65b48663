import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, getJson, sendJson, type Client } from '../helpers/test-app.ts';
import { problemText } from '../../web/src/i18n/error-catalogue.ts';
import { problemPlace, translateProblem } from '../../web/src/i18n/problems.ts';

// GDAL wrote this JPEG (tests/fixtures/photos), not NetGuard.
const JPEG = readFileSync('tests/fixtures/photos/photo-40x30.jpg').toString('base64');
type Stop = { order: number; targetId: string; lon: number; lat: number; windowStart: string; windowEnd: string };
type Assignment = { planId: string; date: string; shift: number; unitName: string; stops: Stop[] };
type Records = { visits: { clientId: string; stopOrder: number; distanceMeters: number }[]; findings: { id: number; clientId: string; kind: string; incidentId: number | null; photo: string | null }[] };

function write(client: Client, path: string, body: unknown, key: string | null = randomUUID()) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  return client.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
}
/** A point `meters` north of a stop (1° of latitude ≈ 111,320 m). */
const north = (stop: Stop, meters: number) => ({ lon: stop.lon, lat: stop.lat + meters / 111_320 });
const incidentCount = async (client: Client) => (await getJson<{ numberMatched: number }>(client, '/api/collections/incidents/items?limit=1')).body.numberMatched;

describe('the field app\'s API', async () => {
  const t = await createTestApp(await demoDataset(), { now: () => new Date('2026-12-01T02:00:00Z') });
  const police = t.as('police');
  const { body: plan } = await sendJson<{ id: string }>(police, 'POST', '/api/patrol-plans', { name: 'Tuần tra tháng 12', startDate: '2026-12-01', endDate: '2026-12-02', units: 2, shiftsPerDay: 1, seed: 'field' });
  const today = async () => (await getJson<{ date: string; assignments: Assignment[] }>(police, '/api/field/assignments')).body;

  it('assigns nothing from a draft plan, and each unit\'s shift of today once the plan is approved', async () => {
    expect((await today()).assignments.filter((assignment) => assignment.planId === plan.id)).toEqual([]);
    expect((await sendJson(police, 'PATCH', `/api/patrol-plans/${plan.id}`, { status: 'approved' })).status).toBe(200);
    const { date, assignments } = await today();
    expect(date).toBe('2026-12-01');
    const mine = assignments.filter((assignment) => assignment.planId === plan.id);
    expect(mine.length).toBeGreaterThan(0);
    for (const assignment of mine) {
      expect(assignment.date).toBe('2026-12-01');
      for (const stop of assignment.stops) expect(Date.parse(stop.windowEnd)).toBeGreaterThan(Date.parse(stop.windowStart));
    }
    expect((await getJson(police, '/api/field/assignments?date=1-12-2026')).status).toBe(400);
  });

  const visit = async (stop: Stop, assignment: Assignment, at: { lon: number; lat: number }) => ({
    planId: assignment.planId, date: assignment.date, shift: assignment.shift, unitName: assignment.unitName, stopOrder: stop.order,
    arrivedAt: '2026-12-01T01:00:00Z', confirmedAt: '2026-12-01T01:16:00Z', dwellSeconds: 960, accuracyMeters: 8, ...at,
  });

  it('accepts a check-in within 150 m of its stop once, however often the phone replays it', async () => {
    const [assignment] = (await today()).assignments.filter((candidate) => candidate.planId === plan.id);
    const stop = assignment.stops[0];
    const key = randomUUID();
    const body = await visit(stop, assignment, north(stop, 120));
    const answers = await Promise.all([1, 2, 3].map(() => write(police, '/api/field/visits', body, key)));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(answers.filter((answer) => answer.headers.get('idempotency-key-replayed') === 'true')).toHaveLength(2);
    const { visits } = (await getJson<Records>(t.as('dic'), `/api/field/plans/${plan.id}/records`)).body;
    expect(visits.filter((stored) => stored.clientId === key)).toHaveLength(1);
    expect(visits.find((stored) => stored.clientId === key)!.distanceMeters).toBeCloseTo(120, -1);
  });

  it('refuses a check-in 200 m from the stop, one without a key, one reusing a key, and one on a stop the shift does not have', async () => {
    const [assignment] = (await today()).assignments.filter((candidate) => candidate.planId === plan.id);
    const stop = assignment.stops[0];
    const before = (await getJson<Records>(police, `/api/field/plans/${plan.id}/records`)).body.visits.length;
    const far = await write(police, '/api/field/visits', await visit(stop, assignment, north(stop, 200)));
    expect(far.status).toBe(400);
    expect((await far.json()).error.message).toMatch(/within 150 m/);
    expect((await write(police, '/api/field/visits', await visit(stop, assignment, north(stop, 10)), null)).status).toBe(400);
    const key = randomUUID();
    expect((await write(police, '/api/field/visits', await visit(stop, assignment, north(stop, 10)), key)).status).toBe(201);
    expect((await write(police, '/api/field/visits', await visit(stop, assignment, north(stop, 20)), key)).status).toBe(409);
    expect((await write(police, '/api/field/visits', { ...(await visit(stop, assignment, north(stop, 10))), stopOrder: 99 })).status).toBe(400);
    expect((await write(t.as('dic'), '/api/field/visits', await visit(stop, assignment, north(stop, 10)))).status).toBe(403);
    expect((await getJson<Records>(police, `/api/field/plans/${plan.id}/records`)).body.visits.length).toBe(before + 1);
  });

  it('files a damaged-cable finding as a patrol incident once, with its photo for police', async () => {
    const [assignment] = (await today()).assignments.filter((candidate) => candidate.planId === plan.id);
    const stop = assignment.stops[0];
    const before = await incidentCount(police);
    const key = randomUUID();
    const body = { planId: plan.id, kind: 'cable_damaged', note: 'Cáp treo bị cắt 20 m', observedAt: '2026-12-01T01:10:00Z', ...north(stop, 30),
      photo: { mediaType: 'image/jpeg', data: JPEG }, incident: { type: 'cable_cut' } };
    const answers = await Promise.all([1, 2].map(() => write(police, '/api/field/findings', body, key)));
    const [first, second] = await Promise.all(answers.map((answer) => answer.json()));
    expect(first.incidentId).toBeGreaterThan(0);
    expect(second.incidentId).toBe(first.incidentId);
    expect(await incidentCount(police)).toBe(before + 1);
    const incident = (await getJson<{ properties: Record<string, unknown> }>(police, `/api/collections/incidents/items/${first.incidentId}`)).body;
    expect(incident.properties).toMatchObject({ source: 'patrol', type: 'cable_cut', status: 'reported', occurred_at: '2026-12-01T01:10:00Z' });
    expect(String(incident.properties.description)).toContain('Cáp treo bị cắt 20 m');
    const photo = await police.request(first.photo);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await photo.arrayBuffer()).toString('base64')).toBe(JPEG);
    expect((await t.as('dic').request(first.photo)).status).toBe(403);
    // The department's read of the plan's records says the finding has a photo, without a link that would answer 403.
    const read = async (caller: typeof police) => (await getJson<Records>(caller, `/api/field/plans/${plan.id}/records`)).body.findings.find((finding) => finding.id === first.id)!;
    expect((await read(t.as('dic'))).photo).toBe('hidden');
    expect((await read(police)).photo).toBe(first.photo);
  });

  it('applies the rules of POST /api/incidents to an incident finding, and stores nothing it refuses', async () => {
    const before = await incidentCount(police);
    const findings = (await getJson<Records>(police, `/api/field/plans/${plan.id}/records`)).body.findings.length;
    const base = { planId: plan.id, observedAt: '2026-12-01T01:10:00Z', lon: 108.0, lat: 14.35 };
    expect((await write(police, '/api/field/findings', { ...base, kind: 'cable_damaged', lon: 106.7, lat: 10.8, incident: { type: 'cable_cut' } })).status).toBe(400);
    expect((await write(police, '/api/field/findings', { ...base, kind: 'cable_damaged', observedAt: '2027-01-01T00:00:00Z', incident: { type: 'cable_cut' } })).status).toBe(400);
    expect((await write(police, '/api/field/findings', { ...base, kind: 'cable_damaged', incident: { type: 'cable_cut', asset: { collection: 'bts_sites', id: 999999 } } })).status).toBe(400);
    expect((await write(police, '/api/field/findings', { ...base, kind: 'cable_damaged' })).status).toBe(400);
    expect((await write(police, '/api/field/findings', { ...base, kind: 'nothing_found', incident: { type: 'other' } })).status).toBe(400);
    expect(await incidentCount(police)).toBe(before);
    expect((await getJson<Records>(police, `/api/field/plans/${plan.id}/records`)).body.findings.length).toBe(findings);
    const quiet = await write(police, '/api/field/findings', { ...base, kind: 'suspicious_vehicle', note: 'Xe tải nhỏ không biển số' });
    expect(quiet.status).toBe(201);
    expect((await quiet.json()).incidentId).toBeNull();
    expect(await incidentCount(police)).toBe(before);
  });

  it('stores a patrol track replayed under one key once, measured like an uploaded GPX', async () => {
    const [assignment] = (await today()).assignments.filter((candidate) => candidate.planId === plan.id);
    const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="NetGuard field app" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>${
      assignment.stops.map((stop, index) => `<trkpt lat="${stop.lat}" lon="${stop.lon}"><time>2026-12-01T0${index}:00:00Z</time></trkpt>`).join('')}</trkseg></trk></gpx>`;
    const key = randomUUID();
    const send = () => police.request(`/api/patrol-plans/${plan.id}/tracks`, { method: 'POST', body: gpx, headers: { 'Content-Type': 'application/gpx+xml', 'Idempotency-Key': key } });
    const [first, again] = [await send(), await send()];
    expect(first.status).toBe(201);
    expect(again.headers.get('idempotency-key-replayed')).toBe('true');
    const measure = (await first.json()) as { visitedStops: { targetId: string }[] };
    expect(measure.visitedStops.length).toBeGreaterThanOrEqual(assignment.stops.length);
    const { body } = await getJson<{ tracks: unknown[] }>(police, `/api/patrol-plans/${plan.id}/tracks`);
    expect(body.tracks).toHaveLength(1);
  });

  it('refuses a check-in sent as text/plain (415), storing nothing', async () => {
    const [assignment] = (await today()).assignments.filter((candidate) => candidate.planId === plan.id);
    const before = (await getJson<Records>(police, `/api/field/plans/${plan.id}/records`)).body.visits.length;
    const sent = await police.request('/api/field/visits', { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(await visit(assignment.stops[0], assignment, north(assignment.stops[0], 10))) });
    expect(sent.status).toBe(415);
    expect((await getJson<Records>(police, `/api/field/plans/${plan.id}/records`)).body.visits.length).toBe(before);
  });

  it('says why it refuses a check-in or a finding in words the app has in Vietnamese, naming the field (the officer reads them in the outbox)', async () => {
    const [assignment] = (await today()).assignments.filter((candidate) => candidate.planId === plan.id);
    const stop = assignment.stops[0];
    const near = await visit(stop, assignment, north(stop, 10));
    const finding = { planId: plan.id, observedAt: '2026-12-01T01:10:00Z', lon: 108.0, lat: 14.35 };
    const refusals = [
      await write(police, '/api/field/visits', { ...near, planId: 'no-such-plan' }),
      await write(police, '/api/field/visits', await visit(stop, assignment, north(stop, 200))),
      await write(police, '/api/field/visits', { ...near, stopOrder: 99 }),
      await write(police, '/api/field/visits', { ...near, confirmedAt: '2026-12-01T00:59:00Z' }),
      await write(police, '/api/field/findings', { ...finding, kind: 'cable_damaged' }),
      await write(police, '/api/field/findings', { ...finding, kind: 'nothing_found', incident: { type: 'other' } }),
    ];
    // A plan set back to draft takes no check-ins until it is approved again.
    expect((await sendJson(police, 'PATCH', `/api/patrol-plans/${plan.id}`, { status: 'draft' })).status).toBe(200);
    refusals.push(await write(police, '/api/field/visits', near));
    expect((await sendJson(police, 'PATCH', `/api/patrol-plans/${plan.id}`, { status: 'approved' })).status).toBe(200);
    const problems = (await Promise.all(refusals.map(async (refusal) => {
      expect(refusal.status).toBe(400);
      return ((await refusal.json()) as { error: { details: { problems: { path: string; message: string }[] } } }).error.details.problems;
    }))).flat();
    expect(new Set(problems.map((problem) => problem.message)).size).toBe(7);
    for (const problem of problems) {
      expect(translateProblem(problem.message, 'vi'), problem.message).not.toBeNull();
      expect(translateProblem(problem.message, 'vi'), problem.message).not.toBe(problem.message);
      expect(problemPlace(problem.path, 'vi'), problem.path).not.toBe('');
    }
  });

  it('answers a replay with its first answer after the plan was archived, and refuses new check-ins on it', async () => {
    // The phone's check-in was stored but the answer never reached it; the planner archives the plan before the replay.
    // (Last in this file: it archives the plan the others use.)
    const archived = plan;
    const [assignment] = (await today()).assignments.filter((candidate) => candidate.planId === archived.id);
    const stop = assignment.stops[0];
    const key = randomUUID();
    const body = await visit(stop, assignment, north(stop, 30));
    const first = await write(police, '/api/field/visits', body, key);
    expect(first.status).toBe(201);
    expect((await sendJson(police, 'PATCH', `/api/patrol-plans/${archived.id}`, { status: 'archived' })).status).toBe(200);
    const replay = await write(police, '/api/field/visits', body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-key-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());
    const fresh = await write(police, '/api/field/visits', await visit(stop, assignment, north(stop, 10)));
    expect(fresh.status).toBe(400);
    const refused = (await fresh.json()) as { error: { message: string; details: { problems: { path: string; message: string }[] } } };
    expect(refused.error.message).toMatch(/archived, not approved/);
    expect(refused.error.details.problems.map((problem) => problemText(problem, 'vi'))).toEqual(['kế hoạch tuần tra: đã kết thúc (được lưu trữ), không nhận thêm ghi nhận']);
    expect((await getJson<Records>(police, `/api/field/plans/${archived.id}/records`)).body.visits.filter((stored) => stored.clientId === key)).toHaveLength(1);
  });
});
