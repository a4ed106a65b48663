import { booleanPointInPolygon, destination, distance, length } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signAlarm } from '../../server/alarms/signature.ts';
import { baseGeography } from '../../scripts/generator/index.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-28T08:00:00Z');
const metres = { units: 'meters' } as const;
// The hand-worked route of server/analysis/fibre-break/README.md: 3,000 m north from 108° E 14.3° N, then 4,000 m east;
// coils of 20 m at 1,000 m, 30 m at the corner and 15 m at 5,500 m; twist 1.01.
const start: Position = [108.0, 14.3];
const corner = destination(start, 3000, 0, metres).geometry.coordinates;
const end = destination(corner, 4000, 90, metres).geometry.coordinates;
const eastOfCorner = (meters: number) => destination(corner, meters, 90, metres).geometry.coordinates;

const feature = (id: number, geometry: Feature['geometry'], properties: Record<string, unknown>): Feature => ({ type: 'Feature', id, geometry, properties });
const route = (id: number, owner: string, geometry: Feature['geometry']) => feature(id, geometry, {
  name: `Tuyến thử ${id}`, owner, medium: 'fibre', laying: 'aerial', fibre_count: 24, tier: 'trunk', status: 'active', year_installed: 2020,
  length_m: 7000, slack_points: '1000:20; 3000:30; 5500:15', twist_factor: 1.01,
});
const exchange = (id: number, at: Position) => feature(id, { type: 'Point', coordinates: at }, { name: `Tổng đài ${id}`, kind: 'exchange', owner: 'viettel', status: 'active' });
const DATASET: Record<string, FeatureCollection> = {
  admin_areas: baseGeography().admin_areas,
  cable_routes: {
    type: 'FeatureCollection', features: [
      route(1, 'viettel', { type: 'LineString', coordinates: [start, corner, end] }),
      route(2, 'vnpt', { type: 'LineString', coordinates: [start, corner, end] }),
      route(3, 'viettel', { type: 'MultiLineString', coordinates: [[start, corner], [eastOfCorner(100), end]] }),
    ],
  },
  // Exchange 10 sits 40 m from the route's east end; exchange 11 is 2 km from either end.
  facilities: { type: 'FeatureCollection', features: [exchange(10, destination(end, 40, 0, metres).geometry.coordinates), exchange(11, eastOfCorner(2000))] },
};
// The real 2025 communes, read straight from the data file.
const communes = (JSON.parse(readFileSync(new URL('../../data/kontum/communes-2025.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>).features;

type Located = { incident: { id: number; geometry: { coordinates: Position }; properties: Record<string, unknown> }; fibreBreak: FeatureCollection; otherBreaks: { incidentId: number; metresApart: number }[] };

describe('a fibre monitor’s alarm locates the break on the route', async () => {
  const t = await createTestApp(DATASET, { now: () => NOW });
  const viettel = (await t.services.accounts.users()).find((user) => user.username === 'viettel')!;
  const system = await t.services.accounts.createToken(viettel.userId, 'Viettel fibre monitor');
  let stamp = 0;
  const send = async (payload: Record<string, unknown>) => {
    const body = JSON.stringify({ raisedAt: '2026-11-28T07:50:00Z', sequence: 1, ...payload });
    const timestamp = String(Math.floor(NOW.getTime() / 1000) - (stamp += 1));
    const response = await t.raw.request('/api/alarms', {
      method: 'POST', body,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${system.token}`, 'X-NetGuard-Timestamp': timestamp, 'X-NetGuard-Signature': signAlarm(system.signingSecret, timestamp, body) },
    });
    return { status: response.status, body: (await response.json()) as Located & { error: { code: string; details: { problems?: { path: string }[] } } } };
  };

  it('read from the route’s start: 5,000 m of glass is a cable cut 1,900.99 m east of the corner, searched from 4,782 to 5,020 m', async () => {
    const { status, body } = await send({ alarmId: 'OTDR-1', fibreBreak: { routeId: 1, opticalDistanceMeters: 5000 } });
    expect(status).toBe(201);
    expect(body.incident.properties).toMatchObject({ type: 'cable_cut', source: 'carrier_alarm', asset_collection: 'cable_routes', asset_id: 1, asset_owner: 'viettel' });
    expect(distance(body.incident.geometry.coordinates, eastOfCorner(1920 / 1.01), metres)).toBeLessThan(0.5);
    const segment = body.fibreBreak.features[1].properties as { startMeters: number; endMeters: number };
    expect(segment.startMeters).toBeCloseTo(4782.18, 1);
    expect(segment.endMeters).toBeCloseTo(5019.80, 1);
    expect(String(body.incident.properties.description)).toMatch(/tìm trong đoạn 238 m/);
    // The incident carries the real commune it lies in.
    const commune = communes.find((candidate) => booleanPointInPolygon(body.incident.geometry.coordinates, candidate))!;
    expect(body.incident.properties.commune_code).toBe(commune.properties!.code);
  });

  it('read from the exchange at the far end, and a second cut within hours: 1,000 m of glass lies 1,109 m from the first break, and it says so', async () => {
    const { status, body } = await send({ alarmId: 'OTDR-2', raisedAt: '2026-11-28T07:58:00Z', fibreBreak: { routeId: 1, fromFacility: 10, opticalDistanceMeters: 1000 } });
    expect(status).toBe(201);
    // From the east end no coil is passed before 1,000 m of glass (the 15 m coil is 1,500 m in): 1,000 / 1.01 = 990.10 m.
    expect(distance(body.incident.geometry.coordinates, eastOfCorner(4000 - 1000 / 1.01), metres)).toBeLessThan(0.5);
    // 7,000 − 990.10 − 4,900.99 = 1,108.91 m along the route.
    expect(body.otherBreaks).toHaveLength(1);
    expect(Math.abs(body.otherBreaks[0].metresApart - 1108.91)).toBeLessThanOrEqual(1);
    expect(String(body.incident.properties.description)).toMatch(/cùng tuyến cáp có 1 điểm đứt khác trong vòng 6 giờ/);
  });

  it('refuses, storing nothing, a reading longer than the cable’s glass, an exchange not at an end, a foreign or broken route, and two places at once', async () => {
    const before = (await t.features.counts()).incidents;
    const refused = [
      [{ alarmId: 'X-1', fibreBreak: { routeId: 1, opticalDistanceMeters: 9000 } }, 400, 'fibreBreak.opticalDistanceMeters'],
      [{ alarmId: 'X-2', fibreBreak: { routeId: 1, fromFacility: 11, opticalDistanceMeters: 1000 } }, 400, 'fibreBreak.fromFacility'],
      [{ alarmId: 'X-3', fibreBreak: { routeId: 3, opticalDistanceMeters: 1000 } }, 400, 'fibreBreak.routeId'],
      [{ alarmId: 'X-4', fibreBreak: { routeId: 99, opticalDistanceMeters: 1000 } }, 400, 'fibreBreak.routeId'],
      [{ alarmId: 'X-5', siteCode: 'VTL-KTM-001', fibreBreak: { routeId: 1, opticalDistanceMeters: 1000 } }, 400, undefined],
      [{ alarmId: 'X-6', fibreBreak: { routeId: 2, opticalDistanceMeters: 1000 } }, 403, undefined],
    ] as const;
    for (const [payload, status, path] of refused) {
      const response = await send(payload);
      expect(response.status, payload.alarmId).toBe(status);
      if (path) expect(response.body.error.details.problems?.map((problem) => problem.path), payload.alarmId).toContain(path);
    }
    expect((await t.features.counts()).incidents).toBe(before);
  });

  it('the incident keeps the search segment the alarm answered, for everyone who may read the incident; a newer reading replaces it', async () => {
    const first = await send({ alarmId: 'OTDR-SEG', raisedAt: '2026-11-28T01:00:00Z', fibreBreak: { routeId: 1, opticalDistanceMeters: 5000 } });
    expect(first.status).toBe(201);
    const id = first.body.incident.id;
    const kept = await getJson<{ incidentId: number; routeId: number; fibreBreak: FeatureCollection }>(t.as('police'), `/api/incidents/${id}/fibre-break`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ incidentId: id, routeId: 1 });
    expect(kept.body.fibreBreak).toEqual(first.body.fibreBreak);
    // The segment's stated length is the drawn line's length (turf, independently) and it lies on the break's side of the corner.
    const segment = kept.body.fibreBreak.features.find((feature) => feature.properties?.kind === 'search_segment') as Feature<LineString, { lengthMeters: number }>;
    expect(Math.abs(length(segment, { units: 'meters' }) - segment.properties.lengthMeters)).toBeLessThan(0.5);
    expect(segment.properties.lengthMeters).toBeCloseTo(5019.80 - 4782.18, 0);
    // The same scope as the incident itself: whoever may read the item reads the segment, the others get 404.
    for (const caller of ['admin', 'dic', 'viettel', 'vnpt', 'ubnd'] as const) {
      const item = (await t.as(caller).request(`/api/collections/incidents/items/${id}`)).status;
      expect((await t.as(caller).request(`/api/incidents/${id}/fibre-break`)).status, caller).toBe(item === 200 ? 200 : 404);
    }
    expect((await t.as('public').request(`/api/incidents/${id}/fibre-break`)).status).toBe(401);
    const newer = await send({ alarmId: 'OTDR-SEG', raisedAt: '2026-11-28T01:00:00Z', sequence: 2, fibreBreak: { routeId: 1, opticalDistanceMeters: 4000 } });
    expect(newer.status).toBe(200);
    expect((await getJson<{ fibreBreak: FeatureCollection }>(t.as('viettel'), `/api/incidents/${id}/fibre-break`)).body.fibreBreak).toEqual(newer.body.fibreBreak);
    expect(newer.body.fibreBreak).not.toEqual(first.body.fibreBreak);
    // The incident moved with the break: it is the segment's break point.
    const point = newer.body.fibreBreak.features.find((feature) => feature.properties?.kind === 'break')!.geometry as { coordinates: Position };
    expect(newer.body.incident.geometry.coordinates).toEqual(point.coordinates);
  });

  it('an incident not located from a fibre reading has no search segment (404)', async () => {
    const filed = await sendJson<{ id: number }>(t.as('police'), 'POST', '/api/incidents', { lon: 108.0, lat: 14.31, type: 'cable_theft', occurredAt: '2026-11-28T06:00:00Z' });
    expect(filed.status).toBe(201);
    expect((await t.as('police').request(`/api/incidents/${filed.body.id}/fibre-break`)).status).toBe(404);
  });

  it('a carrier’s coil records are checked when it edits the route', async () => {
    const patch = (slack_points: string) => sendJson<{ error: { details: { problems: { path: string; message: string }[] } } }>(t.as('viettel'), 'PATCH', '/api/collections/cable_routes/items/1', { properties: { slack_points } });
    expect((await patch('1000:20; 3000:30')).status).toBe(200);
    const malformed = await patch('1000 m, 20 m');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.problems[0]).toMatchObject({ path: 'properties.slack_points' });
    const beyond = await patch('8000:20');
    expect(beyond.body.error.details.problems[0].message).toMatch(/beyond the route's 7000 m/);
  });
});
