import { bbox as turfBbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCollection } from '../../server/collections/registry.ts';
import { HOTLINE_COLLECTION, PATROL_PLANS_COLLECTION } from '../../server/collections/published.ts';
import { signIn, startServer, type RunningServer } from '../helpers/server-process.ts';

// Collection metadata must not tell a role more than its items do (issue 13, finding 8). Here every collection each
// demo role is shown, on the real server over the demo database plus hotline reports and a patrol plan (the demo
// seeds neither), is checked against a brute force: every item the role can page through, its own bbox and times.

type Item = Feature & { id: number; properties: Record<string, unknown> };
type Extent = { spatial: { bbox: number[][] }; temporal?: { interval: (string | null)[][] } };
type Info = { id: string; extent: Extent };
const ROLES = ['admin', 'police', 'dic', 'viettel', 'vnpt', 'ubnd'] as const;
const WHOLE_WORLD = [-180, -90, 180, 90];

let server: RunningServer;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  server = await startServer();
  for (const role of ROLES) cookies[role] = (await signIn(server.url, role)).cookie;
  // Citizens report where incidents happen: three demo incidents' places, inside the province, at three times.
  const places = (await (await fetch(`${server.url}/api/collections/incidents/items?limit=3&sortby=-occurred_at`, { headers: { Cookie: cookies.admin } })).json()) as { features: Item[] };
  const times = ['2026-02-03T01:00:00Z', '2026-05-20T10:30:00Z', '2026-04-11T22:15:00Z'];
  for (const [index, seenAt] of times.entries()) {
    const [lon, lat] = (places.features[index].geometry as { coordinates: number[] }).coordinates;
    const filed = await fetch(`${server.url}/api/hotline/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ lon, lat, seenAt, description: 'Thấy người lạ đào cáp' }) });
    if (filed.status !== 201) throw new Error(`hotline report: ${filed.status} ${await filed.text()}`);
  }
  const police = await signIn(server.url, 'police');
  const plan = await fetch(`${server.url}/api/patrol-plans`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: police.cookie, 'X-CSRF-Token': police.csrfToken },
    body: JSON.stringify({ name: 'Tuần tra thử', startDate: '2026-12-01', endDate: '2026-12-02', units: 2, shiftsPerDay: 1, seed: 'extents' }),
  });
  if (plan.status !== 201) throw new Error(`patrol plan: ${plan.status} ${await plan.text()}`);
}, 180_000);
afterAll(() => server?.stop());

const get = async <T>(role: string, path: string): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookies[role] } });
  return { status: response.status, body: (await response.json()) as T };
};

/** Every item of a collection the role may read, page by page as a client would take them. */
async function everyItem(role: string, id: string): Promise<Item[]> {
  const items: Item[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const { status, body } = await get<{ features: Item[]; numberMatched: number }>(role, `/api/collections/${id}/items?limit=10000&offset=${offset}`);
    expect(status, `${role} ${id} items`).toBe(200);
    items.push(...body.features);
    if (items.length >= body.numberMatched || body.features.length === 0) return items;
  }
}

/** The bbox and time interval of `items`, computed here from their geometry and temporal property. */
function bruteForce(items: Item[], temporal: string | undefined) {
  const boxes = items.filter((item) => item.geometry).map((item) => turfBbox(item));
  const bbox = boxes.length
    ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
    : WHOLE_WORLD;
  const times = temporal ? items.map((item) => item.properties[temporal]).filter((value) => value !== null && value !== undefined).map((value) => Date.parse(String(value))).sort((a, b) => a - b) : [];
  const interval = times.length ? [new Date(times[0]).toISOString(), new Date(times.at(-1)!).toISOString()] : [null, null];
  return { bbox, interval };
}

const definition = (id: string) => findCollection(id) ?? [HOTLINE_COLLECTION, PATROL_PLANS_COLLECTION].find((collection) => collection.id === id);

describe('every collection’s extent, for every role, is that of the items the role can read', () => {
  it('in the list and per collection: the bbox and time interval equal a brute force over all readable items', async () => {
    const compared: string[] = [];
    for (const role of ROLES) {
      const { body } = await get<{ collections: Info[] }>(role, '/api/collections');
      for (const info of body.collections) {
        const where = `${role} ${info.id}`;
        const def = definition(info.id);
        expect(def, where).toBeDefined();
        const items = await everyItem(role, info.id);
        const expected = bruteForce(items, def!.temporalProperty);
        info.extent.spatial.bbox[0].forEach((value, index) => expect(value, `${where} bbox[${index}]`).toBeCloseTo(expected.bbox[index], 5));
        if (def!.temporalProperty) expect(info.extent.temporal?.interval[0], `${where} interval`).toEqual(expected.interval);
        expect((await get<Info>(role, `/api/collections/${info.id}`)).body.extent, where).toEqual(info.extent);
        compared.push(`${where}:${items.length}`);
      }
    }
    // Every role saw every collection it may read, and the records published as collections had rows to compare.
    for (const id of ['admin_areas', 'roads', 'cable_routes', 'bts_sites', 'facilities', 'service_agents', 'police_stations', 'scrap_dealers']) {
      for (const role of ROLES) expect(compared.some((entry) => entry.startsWith(`${role} ${id}:`)), `${role} ${id}`).toBe(true);
    }
    const counted = new Map(compared.map((entry) => [entry.slice(0, entry.lastIndexOf(':')), Number(entry.slice(entry.lastIndexOf(':') + 1))]));
    for (const [where, atLeast] of [['police hotline_reports', 3], ['admin patrol_plans', 1], ['police patrol_plans', 1], ['viettel incidents', 1], ['vnpt key_targets', 1]] as const) {
      expect(counted.get(where) ?? 0, where).toBeGreaterThanOrEqual(atLeast);
    }
  });

  it('a collection a role may not list answers its items with 403 and its metadata with 403 or 404', async () => {
    const all = (await get<{ collections: Info[] }>('admin', '/api/collections')).body.collections.map((info) => info.id);
    for (const role of ROLES) {
      const listed = new Set((await get<{ collections: Info[] }>(role, '/api/collections')).body.collections.map((info) => info.id));
      for (const id of all.filter((candidate) => !listed.has(candidate))) {
        expect((await get(role, `/api/collections/${id}/items?limit=1`)).status, `${role} ${id}`).toBe(403);
        expect([403, 404], `${role} ${id}`).toContain((await get(role, `/api/collections/${id}`)).status);
      }
    }
  });
});
