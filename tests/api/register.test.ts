import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, getJson, sendJson, type Client } from '../helpers/test-app.ts';

type Case = { id: number; type: string; status: string; source: string; occurredAt: string; assetOwner: string | null; officer: string | null; dueDate: string | null; overdue: boolean; isNew: boolean; trackingCode: string | null; assetLabel: string | null; commune: string | null };
type Page = { numberMatched: number; numberReturned: number; cases: Case[] };
type Items = { numberMatched: number; features: Feature<Point, Record<string, unknown>>[] };

let clock = new Date('2026-12-01T02:00:00Z');
const dataset = await demoDataset();
const t = await createTestApp(dataset, { now: () => clock });
const page = (client: Client, query: string) => getJson<Page>(client, `/api/register/incidents?${query}`);
const items = (query: string) => getJson<Items>(t.app, `/api/collections/incidents/items?${query.includes('limit=') ? '' : 'limit=10000&'}${query}`);

describe('the incident register: filters and search', () => {
  it('matches the items endpoint for the same type, status, source, carrier, district and period', async () => {
    const filters = [
      ['type=cable_theft', 'type=cable_theft'],
      ['status=resolved&source=carrier_alarm', 'status=resolved&source=carrier_alarm'],
      ['owner=vnpt&datetime=2026-01-01/2026-06-30', 'asset_owner=vnpt&datetime=2026-01-01/2026-06-30'],
      ['district=610', 'district_code=610'],
    ];
    for (const [register, ogc] of filters) {
      const [mine, theirs] = await Promise.all([page(t.app, `${register}&limit=1`), items(ogc)]);
      expect(mine.body.numberMatched, register).toBe(theirs.body.numberMatched);
      expect(theirs.body.numberMatched, register).toBeGreaterThan(0);
    }
  });

  it('a list of codes means any of them', async () => {
    const [both, theft, cut] = await Promise.all([page(t.app, 'type=cable_theft,cable_cut&limit=1'), items('type=cable_theft'), items('type=cable_cut')]);
    expect(both.body.numberMatched).toBe(theft.body.numberMatched + cut.body.numberMatched);
  });

  it('the commune filter keeps exactly the incidents inside the commune polygon', async () => {
    const commune = dataset.admin_areas.features.find((area) => area.properties?.level === 'commune' && area.properties?.name === 'Đắk Glei')
      ?? dataset.admin_areas.features.find((area) => area.properties?.level === 'commune')!;
    const all = await items('');
    const inside = all.body.features.filter((incident) => booleanPointInPolygon(incident, commune as Feature<Polygon | MultiPolygon>)).map((incident) => Number(incident.id));
    const { body } = await page(t.app, `commune=${commune.properties!.code}&limit=500&sort=id`);
    expect(body.cases.map((row) => row.id)).toEqual(inside.sort((a, b) => a - b));
  });

  it('finds an incident by its number, and a site’s incidents by the site code', async () => {
    expect((await page(t.app, 'q=1234')).body.cases.map((row) => row.id)).toContain(1234);
    const site = dataset.bts_sites.features[0];
    const linked = await items(`asset_collection=bts_sites&asset_id=${site.id}`);
    const found = await page(t.app, `q=${site.properties!.site_code}&limit=500`);
    expect(found.body.cases.filter((row) => row.assetLabel === site.properties!.site_code).map((row) => row.id).sort())
      .toEqual(linked.body.features.map((incident) => Number(incident.id)).sort());
  });

  it('searches descriptions without diacritics: "cat cap" finds "cắt cáp"', async () => {
    const police = await sendJson<{ id: number }>(t.as('police'), 'POST', '/api/incidents', { lon: 108.0, lat: 14.35, type: 'cable_cut', occurredAt: '2026-11-30T01:00:00Z', description: 'Đối tượng cắt cáp quang gần cầu Đắk Bla' });
    const { body } = await page(t.app, 'q=cat%20cap%20quang');
    expect(body.cases.map((row) => row.id)).toContain(police.body.id);
  });

  it('sorts and pages: pages put together are the whole sorted list, with no row twice', async () => {
    const whole = await page(t.app, 'type=vandalism&sort=occurred_at&limit=500');
    const pages = await Promise.all([0, 1, 2, 3].map((index) => page(t.app, `type=vandalism&sort=occurred_at&limit=${Math.ceil(whole.body.numberMatched / 4)}&offset=${index * Math.ceil(whole.body.numberMatched / 4)}`)));
    const joined = pages.flatMap((result) => result.body.cases.map((row) => row.id));
    expect(joined).toEqual(whole.body.cases.map((row) => row.id));
    const times = whole.body.cases.map((row) => row.occurredAt);
    expect(times).toEqual([...times].sort());
  });

  it('refuses unknown codes, sorts and parameters with the parameter named, and clamps a page to 500 rows', async () => {
    for (const query of ['status=open', 'sort=name', 'colour=red', 'datetime=yesterday', 'commune=99999999']) {
      const { status, body } = await getJson<{ error: { code: string; details: { parameter: string } } }>(t.app, `/api/register/incidents?${query}`);
      expect(status, query).toBe(400);
      expect(query.startsWith(body.error.details.parameter), query).toBe(true);
    }
    expect((await page(t.app, 'limit=9999')).body.numberReturned).toBe(500);
  });
});

describe('the incident register: who sees what', () => {
  it('a carrier sees only incidents on its own assets, and another carrier’s case answers as missing', async () => {
    const { body } = await page(t.as('viettel'), 'limit=500');
    expect(body.numberMatched).toBe((await items('asset_owner=viettel')).body.numberMatched);
    expect(new Set(body.cases.map((row) => row.assetOwner))).toEqual(new Set(['viettel']));
    const vnpt = (await items('asset_owner=vnpt&limit=1')).body.features[0];
    expect((await getJson(t.as('viettel'), `/api/register/incidents/${vnpt.id}`)).status).toBe(404);
    expect((await page(t.as('viettel'), `q=${vnpt.id}`)).body.cases.map((row) => row.id)).not.toContain(Number(vnpt.id));
  });

  it('the People’s Committee viewer reads no register', async () => {
    expect((await getJson(t.as('ubnd'), '/api/register/incidents')).status).toBe(403);
  });
});

describe('a case file', () => {
  it('a converted hotline report is found by its tracking code, and its case names the report', async () => {
    const filed = await sendJson<{ trackingCode: string }>(t.as('public'), 'POST', '/api/hotline/reports', { lon: 107.99, lat: 14.36, seenAt: '2026-11-30T20:00:00Z', description: 'Thấy người lạ leo cột' });
    const queue = await getJson<{ reports: { id: number; trackingCode: string }[] }>(t.as('police'), '/api/hotline/reports?status=received');
    const report = queue.body.reports.find((candidate) => candidate.trackingCode === filed.body.trackingCode)!;
    const converted = await sendJson<{ incident: { id: number } }>(t.as('police'), 'POST', `/api/hotline/reports/${report.id}/convert`, { type: 'vandalism' });
    const found = await page(t.as('dic'), `q=${filed.body.trackingCode.toLowerCase()}`);
    expect(found.body.cases.map((row) => [row.id, row.trackingCode])).toEqual([[converted.body.incident.id, filed.body.trackingCode]]);
    const file = await getJson<{ hotline: { trackingCode: string; contact: unknown } }>(t.as('dic'), `/api/register/incidents/${converted.body.incident.id}`);
    expect(file.body.hotline.trackingCode).toBe(filed.body.trackingCode);
  });

  it('lists the other incidents within 1 km, nearest first, each really within 1 km', async () => {
    const some = (await items('limit=50')).body.features[17];
    const file = await getJson<{ nearby: { id: number; meters: number }[]; asset: unknown; history: unknown[] }>(t.as('police'), `/api/register/incidents/${some.id}`);
    const meters = file.body.nearby.map((other) => other.meters);
    expect(meters).toEqual([...meters].sort((a, b) => a - b));
    expect(meters.every((value) => value <= 1000)).toBe(true);
    expect(file.body.nearby.map((other) => other.id)).not.toContain(Number(some.id));
  });

  it('police assign a case to an officer with a due date; it becomes overdue after that day, and the filters follow', async () => {
    const target = (await page(t.app, 'status=reported&limit=1')).body.cases[0];
    const assigned = await sendJson<{ officer: string; dueDate: string }>(t.as('police'), 'POST', `/api/register/incidents/${target.id}/assignment`, { officer: 'police', dueDate: '2026-12-05', note: 'Xác minh trong tuần' });
    expect(assigned.status).toBe(201);
    expect((await page(t.as('police'), 'assignee=police&limit=500')).body.cases.map((row) => row.id)).toContain(target.id);
    expect((await page(t.as('police'), 'assignee=none&limit=500&status=reported')).body.cases.map((row) => row.id)).not.toContain(target.id);
    expect((await page(t.as('police'), 'overdue=true')).body.cases.map((row) => row.id)).not.toContain(target.id);
    clock = new Date('2026-12-06T01:00:00Z');
    try {
      expect((await page(t.as('police'), 'overdue=true&limit=500')).body.cases.find((row) => row.id === target.id)?.overdue).toBe(true);
      expect((await getJson<{ overdue: number }>(t.as('police'), '/api/register/badges')).body.overdue).toBeGreaterThanOrEqual(1);
      const file = await getJson<{ assignment: { overdue: boolean }; events: { kind: string; officer: string; body: string }[] }>(t.as('police'), `/api/register/incidents/${target.id}`);
      expect(file.body.assignment.overdue).toBe(true);
      expect(file.body.events).toEqual([expect.objectContaining({ kind: 'assignment', officer: 'police', body: 'Xác minh trong tuần' })]);
    } finally {
      clock = new Date('2026-12-01T02:00:00Z');
    }
  });

  it('refuses an assignment to someone who is not a police officer, or due in the past, and the DIC may not assign', async () => {
    const target = (await page(t.app, 'status=verified&limit=1')).body.cases[0];
    expect((await sendJson(t.as('police'), 'POST', `/api/register/incidents/${target.id}/assignment`, { officer: 'viettel', dueDate: '2026-12-05' })).status).toBe(400);
    expect((await sendJson(t.as('police'), 'POST', `/api/register/incidents/${target.id}/assignment`, { officer: 'police', dueDate: '2026-11-01' })).status).toBe(400);
    expect((await sendJson(t.as('dic'), 'POST', `/api/register/incidents/${target.id}/assignment`, { officer: 'police', dueDate: '2026-12-05' })).status).toBe(403);
    expect((await getJson<{ assignment: unknown }>(t.app, `/api/register/incidents/${target.id}`)).body.assignment).toBeNull();
  });

  it('keeps comments in Unicode NFC with who wrote them, and audits them', async () => {
    const target = (await page(t.app, 'limit=1&offset=3')).body.cases[0];
    const written = await sendJson<{ body: string; actor: string }>(t.as('dic'), 'POST', `/api/register/incidents/${target.id}/comments`, { body: 'Đề nghị làm rõ thiệt hại'.normalize('NFD') });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ body: 'Đề nghị làm rõ thiệt hại'.normalize('NFC'), actor: 'dic' });
    const audit = await getJson<{ records: { action: string; targetType: string; actor: string }[] }>(t.app, '/api/audit?targetType=case_comments&limit=1');
    expect(audit.body.records[0]).toMatchObject({ action: 'create', actor: 'dic' });
  });

  it('stores a photo byte for byte and serves it back with its type; a file that is not a photo is refused and nothing is stored', async () => {
    const target = (await page(t.app, 'limit=1&offset=4')).body.cases[0];
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const upload = await t.as('police').request(`/api/register/incidents/${target.id}/attachments?source=field&caption=C%E1%BB%99t%20b%E1%BB%8B%20c%E1%BA%AFt`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: png });
    expect(upload.status).toBe(201);
    const { href, caption } = (await upload.json()) as { href: string; caption: string };
    expect(caption).toBe('Cột bị cắt');
    const served = await t.as('dic').request(href);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const html = await t.as('police').request(`/api/register/incidents/${target.id}/attachments`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: '<script>alert(1)</script>' });
    expect(html.status).toBe(415);
    const file = await getJson<{ attachments: unknown[] }>(t.app, `/api/register/incidents/${target.id}`);
    expect(file.body.attachments).toHaveLength(1);
  });

  it('a case reported after the officer first opened the register is new until the officer opens it', async () => {
    await getJson(t.as('police'), '/api/register/badges');
    clock = new Date('2026-12-01T03:00:00Z');
    try {
      const filed = await sendJson<{ id: number }>(t.as('police'), 'POST', '/api/incidents', { lon: 108.01, lat: 14.36, type: 'equipment_theft', occurredAt: '2026-12-01T02:30:00Z' });
      const before = await page(t.as('police'), 'unread=true&limit=500');
      expect(before.body.cases.find((row) => row.id === filed.body.id)?.isNew).toBe(true);
      await getJson(t.as('police'), `/api/register/incidents/${filed.body.id}`);
      expect((await page(t.as('police'), 'unread=true&limit=500')).body.cases.map((row) => row.id)).not.toContain(filed.body.id);
      // Reading is per person: the DIC has not opened it yet.
      expect((await page(t.as('dic'), `q=${filed.body.id}`)).body.cases.find((row) => row.id === filed.body.id)?.isNew).toBe(true);
    } finally {
      clock = new Date('2026-12-01T02:00:00Z');
    }
  });
});

describe('exports of the filtered register', () => {
  const query = 'type=cable_cut&datetime=2026-01-01/2026-06-30&sort=id';

  it('CSV: a BOM, the headers in the reader’s language, one row per matching case', async () => {
    const [list, vi, en] = await Promise.all([
      page(t.app, `${query}&limit=500`), t.app.request(`/api/register/incidents?${query}&format=csv`), t.app.request(`/api/register/incidents?${query}&format=csv&lang=en`),
    ]);
    expect(vi.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await vi.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0].startsWith('Số vụ việc,Loại,Trạng thái')).toBe(true);
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(list.body.cases.map((row) => row.id));
    expect(lines[1]).toContain('Đứt cáp');
    expect((await en.text()).split('\r\n')[0].startsWith('Incident no.,Type,Status')).toBe(true);
  });

  it('XLSX: GDAL’s spreadsheet driver reads the same cases, with Vietnamese labels', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const [list, response] = await Promise.all([page(t.app, `${query}&limit=500`), t.app.request(`/api/register/incidents?${query}&format=xlsx`)]);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const directory = mkdtempSync(join(tmpdir(), 'register-xlsx-'));
    try {
      const file = join(directory, 'so-vu-viec.xlsx');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const csv = execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', file], { env: { ...process.env, OGR_XLSX_HEADERS: 'FORCE' } }).toString();
      const [header, ...rows] = csv.trim().split(/\r?\n/);
      expect(header.split(',').slice(0, 3)).toEqual(['Số vụ việc', 'Loại', 'Trạng thái']);
      const cells = rows.map((row) => row.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
      expect(cells.map((row) => Number(row[0]))).toEqual(list.body.cases.map((row) => row.id));
      expect(cells[0][1]).toBe('Đứt cáp');
      // A real date cell, in Vietnam's wall-clock time.
      const local = new Date(Date.parse(list.body.cases[0].occurredAt) + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ').replaceAll('-', '/');
      expect(cells[0][4]).toBe(local);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('the audit log of these cases', () => {
  it('lists only changes when asked for several actions, and a date means that whole day in Vietnam time', async () => {
    type Log = { numberMatched: number; records: { action: string; at: string; targetId: string | null }[] };
    const changes = await getJson<Log>(t.as('dic'), '/api/audit?action=create,update,transition&limit=1000');
    expect(changes.body.numberMatched).toBeGreaterThan(0);
    expect(new Set(changes.body.records.map((record) => record.action))).not.toContain('read');
    // 20:00 UTC on 1 December is 03:00 on 2 December in Vietnam: that day's entry, not the 1st's.
    const target = (await page(t.app, 'limit=1&offset=5')).body.cases[0];
    clock = new Date('2026-12-01T20:00:00Z');
    let late: string;
    try {
      late = String((await sendJson<{ id: number }>(t.as('dic'), 'POST', `/api/register/incidents/${target.id}/comments`, { body: 'Ghi chú ban đêm' })).body.id);
    } finally {
      clock = new Date('2026-12-01T02:00:00Z');
    }
    const day = (date: string) => getJson<Log>(t.as('dic'), `/api/audit?from=${date}&to=${date}&targetType=case_comments&limit=1000`);
    const first = await day('2026-12-01');
    expect(first.body.records.length).toBeGreaterThan(0);
    expect(first.body.records.every((record) => record.at >= '2026-11-30T17:00:00.000Z' && record.at <= '2026-12-01T16:59:59.999Z')).toBe(true);
    expect(first.body.records.map((record) => record.targetId)).not.toContain(late);
    expect((await day('2026-12-02')).body.records.map((record) => record.targetId)).toEqual([late]);
    expect((await getJson<Log>(t.as('dic'), '/api/audit?from=2026-12-07')).body.numberMatched).toBe(0);
    expect((await getJson(t.as('dic'), '/api/audit?action=create,shout')).status).toBe(400);
  });
});

describe('the incident register where a commune has no incidents', () => {
  it('a commune without incidents lists none, not every incident', async () => {
    // The demo without the incidents of its commune with the fewest: a quiet commune, as most are in a real year.
    const communes = dataset.admin_areas.features.filter((area) => area.properties?.level === 'commune').map((commune) => ({
      code: commune.properties!.code as string,
      inside: new Set(dataset.incidents.features.filter((incident) => booleanPointInPolygon(incident as Feature<Point>, commune as Feature<Polygon | MultiPolygon>))),
    }));
    const quiet = communes.reduce((least, commune) => (commune.inside.size < least.inside.size ? commune : least));
    expect(quiet.inside.size).toBeGreaterThan(0);
    const own = await createTestApp({ ...dataset, incidents: { ...dataset.incidents, features: dataset.incidents.features.filter((incident) => !quiet.inside.has(incident)) } }, { now: () => clock });
    const { status, body } = await page(own.app, `commune=${quiet.code}&limit=500`);
    expect(status).toBe(200);
    expect(body.cases).toEqual([]);
    expect(body.numberMatched).toBe(0);
    // Another commune still lists its own.
    const other = communes.find((commune) => commune.code !== quiet.code)!;
    expect((await page(own.app, `commune=${other.code}&limit=1`)).body.numberMatched).toBe(other.inside.size);
  });
});
