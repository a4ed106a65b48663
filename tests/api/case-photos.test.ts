import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, getJson, sendJson, type Caller, type Client } from '../helpers/test-app.ts';

// GDAL wrote these JPEGs (tests/fixtures/photos), not NetGuard: the citizen's and the patrol's photos differ.
const CITIZEN_JPEG = readFileSync('tests/fixtures/photos/photo-40x30.jpg');
const PATROL_JPEG = readFileSync('tests/fixtures/photos/photo-60x40.jpg');

type Photo = { id: number; source: string; href: string; mediaType: string; byteSize: number; width: number; height: number; caption: string | null; uploadedBy: string; uploadedAt: string };
type CaseFile = { attachments: { href: string }[]; photos: Photo[]; hotline: { reportId: number } | null };

const t = await createTestApp(await demoDataset(), { now: () => new Date('2026-12-01T02:00:00Z') });
const police = t.as('police');

/** A citizen's hotline report with a photo, converted by the police: the case and the report. */
async function convertedReport() {
  const filed = await sendJson<{ trackingCode: string }>(t.as('public'), 'POST', '/api/hotline/reports', {
    lon: 107.99, lat: 14.36, seenAt: '2026-11-30T20:00:00Z', description: 'Thấy người lạ cắt cáp, có chụp ảnh', photo: { mediaType: 'image/jpeg', data: CITIZEN_JPEG.toString('base64') },
  });
  expect(filed.status).toBe(201);
  const queue = await getJson<{ reports: { id: number; trackingCode: string }[] }>(police, '/api/hotline/reports?status=received');
  const report = queue.body.reports.find((candidate) => candidate.trackingCode === filed.body.trackingCode)!;
  const converted = await sendJson<{ incident: { id: number } }>(police, 'POST', `/api/hotline/reports/${report.id}/convert`, { type: 'cable_cut' });
  expect(converted.status).toBe(201);
  return { caseId: converted.body.incident.id, reportId: report.id };
}

/** A patrol finding with a photo filed from the field app as an incident on a Viettel site: the case and the finding. */
async function patrolFinding() {
  const plan = await sendJson<{ id: string }>(police, 'POST', '/api/patrol-plans', { name: 'Tuần tra ảnh hiện trường', startDate: '2026-12-01', endDate: '2026-12-01', units: 1, shiftsPerDay: 1, seed: 'photos' });
  expect((await sendJson(police, 'PATCH', `/api/patrol-plans/${plan.body.id}`, { status: 'approved' })).status).toBe(200);
  const site = (await getJson<{ features: Feature<Point>[] }>(police, '/api/collections/bts_sites/items?owner=viettel&limit=1')).body.features[0];
  const [lon, lat] = site.geometry.coordinates;
  const response = await police.request('/api/field/findings', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      planId: plan.body.id, kind: 'cable_damaged', note: 'Cáp thuê bao bị cắt dưới chân trạm', observedAt: '2026-12-01T01:10:00Z', lon, lat,
      photo: { mediaType: 'image/jpeg', data: PATROL_JPEG.toString('base64') }, incident: { type: 'cable_cut', asset: { collection: 'bts_sites', id: Number(site.id) } },
    }),
  });
  expect(response.status).toBe(201);
  const finding = (await response.json()) as { id: number; incidentId: number };
  return { caseId: finding.incidentId, findingId: finding.id };
}

const caseOf = (client: Client, id: number) => getJson<CaseFile>(client, `/api/register/incidents/${id}`);
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('a case page shows the photos its case rests on', async () => {
  const hotline = await convertedReport();
  const patrol = await patrolFinding();

  it('the police see the citizen’s photo of the converted report, byte for byte, beside the uploaded files', async () => {
    const { status, body } = await caseOf(police, hotline.caseId);
    expect(status).toBe(200);
    expect(body.photos).toEqual([expect.objectContaining({ source: 'hotline', id: hotline.reportId, mediaType: 'image/jpeg', byteSize: CITIZEN_JPEG.length, width: 40, height: 30 })]);
    const photo = await police.request(body.photos[0].href);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await bytesOf(photo)).equals(CITIZEN_JPEG)).toBe(true);
    expect(body.attachments).toEqual([]);
  });

  it('the police see the patrol finding’s photo with the officer’s note, byte for byte', async () => {
    const { body } = await caseOf(police, patrol.caseId);
    expect(body.photos).toEqual([expect.objectContaining({ source: 'patrol', id: patrol.findingId, caption: 'Cáp thuê bao bị cắt dưới chân trạm', uploadedBy: 'police', uploadedAt: '2026-12-01T01:10:00Z', width: 60, height: 40, byteSize: PATROL_JPEG.length })]);
    expect((await bytesOf(await police.request(body.photos[0].href))).equals(PATROL_JPEG)).toBe(true);
    expect(body.hotline).toBeNull();
    // Who looked at it is on record, as for the citizens' photos.
    for (const [targetType, targetId] of [['field_findings', patrol.findingId], ['hotline_reports', hotline.reportId]] as const) {
      const { records } = await t.services.storage.audit.list({ actor: 'police', actions: ['read'], targetType, targetId: String(targetId), limit: 10, offset: 0 });
      expect(records.some((record) => record.details?.photo === true), targetType).toBe(true);
    }
  });

  it('an admin sees them too; a case with neither has none', async () => {
    expect((await caseOf(t.app, patrol.caseId)).body.photos).toHaveLength(1);
    const other = (await getJson<{ cases: { id: number; source: string }[] }>(police, '/api/register/incidents?source=carrier_alarm&limit=1')).body.cases[0];
    expect((await caseOf(police, other.id)).body.photos).toEqual([]);
  });
});

describe('citizens’ and patrols’ photos stay with the police', async () => {
  const hotline = await convertedReport();
  const patrol = await patrolFinding();
  const hrefs = [`/api/hotline/reports/${hotline.reportId}/photo`, `/api/field/findings/${patrol.findingId}/photo`];

  it('the carrier whose site the patrol case is on reads the case, but gets no photo in it and none from the photo links', async () => {
    const viettel = t.as('viettel');
    const file = await caseOf(viettel, patrol.caseId);
    expect(file.status).toBe(200);
    expect(file.body.photos).toEqual([]);
    expect(JSON.stringify(file.body)).not.toMatch(/\/photo\b/);
    for (const href of hrefs) expect((await viettel.request(href)).status, href).toBe(403);
    // The hotline case is on no carrier's asset: it is not theirs to read at all.
    expect((await caseOf(viettel, hotline.caseId)).status).toBe(404);
    expect((await viettel.request('/api/hotline/reports')).status).toBe(403);
    expect((await viettel.request(`/api/field/plans/x/records`)).status).toBe(403);
  });

  it('the DIC reads both cases without the photos, and is refused the photos themselves', async () => {
    const dic = t.as('dic');
    for (const id of [hotline.caseId, patrol.caseId]) {
      const file = await caseOf(dic, id);
      expect(file.status).toBe(200);
      expect(file.body.photos).toEqual([]);
      expect(JSON.stringify(file.body)).not.toMatch(/\/photo\b/);
    }
    for (const href of hrefs) expect((await dic.request(href)).status, href).toBe(403);
    const queue = await getJson<{ reports: { id: number; photo: string | null }[] }>(dic, '/api/hotline/reports');
    expect(queue.body.reports.find((report) => report.id === hotline.reportId)?.photo).toBe('hidden');
  });

  it('the People’s Committee viewer and the public get nothing from any path', async () => {
    for (const caller of ['ubnd', 'public'] satisfies Caller[]) {
      const client = t.as(caller);
      for (const path of [...hrefs, `/api/register/incidents/${hotline.caseId}`, `/api/register/incidents/${patrol.caseId}`, '/api/hotline/reports']) {
        const response = await client.request(path);
        expect([401, 403], `${caller} ${path}`).toContain(response.status);
        expect((await response.text()).includes('image/jpeg'), `${caller} ${path}`).toBe(false);
      }
    }
  });
});
