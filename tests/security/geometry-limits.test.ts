import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { AREA_LIMIT, ASSET_FEATURE_LIMIT, BUFFER_INPUT_LIMIT } from '../../server/geometry/limits.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

/** A closed ring of `positions` positions on a circle of 0.05° around a point of Kon Tum city. */
const ring = (positions: number) => {
  const open = Array.from({ length: positions - 1 }, (_, i) => {
    const angle = (2 * Math.PI * i) / (positions - 1);
    return [108.0 + 0.05 * Math.cos(angle), 14.35 + 0.05 * Math.sin(angle)];
  });
  return [...open, open[0]];
};
const polygon = (positions: number) => ({ type: 'Polygon', coordinates: [ring(positions)] });
type Refusal = { error: { code: string; details: { path: string; maxPositions: number } } };

// Every endpoint taking a drawn area or line counts its positions before any geometry work (issue 13, finding 1):
// one position over the limit is refused with 413 naming the field, and nothing is stored.
describe('client geometry is bounded before it is worked on', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-11-28T08:00:00Z') });
  const proposal = (geometry: unknown) => ({
    name: 'Khu vực thử giới hạn', category: 'transmission_hub', protectionLevel: 1, justification: 'Kiểm tra giới hạn hình học',
    reviewDate: '2027-05-01', protectedAssets: [{ collection: 'bts_sites', id: 3 }], geometry,
  });
  const zones = async () => (await getJson<{ numberMatched: number }>(t.as('police'), '/api/collections/key_targets/items?limit=1')).body.numberMatched;

  it(`a key-target proposal of ${AREA_LIMIT.maxPositions + 1} positions gets 413 and stores nothing; one of ${AREA_LIMIT.maxPositions} is checked as usual`, async () => {
    const before = await zones();
    const refused = await sendJson<Refusal>(t.as('police'), 'POST', '/api/key-targets/proposals', proposal(polygon(AREA_LIMIT.maxPositions + 1)));
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({ code: 'GeometryTooComplex', details: { path: 'geometry', maxPositions: AREA_LIMIT.maxPositions } });
    expect(await zones()).toBe(before);
    expect((await sendJson(t.as('police'), 'POST', '/api/key-targets/proposals', proposal(polygon(AREA_LIMIT.maxPositions)))).status).toBe(201);
    expect(await zones()).toBe(before + 1);
  });

  it('an inventory polygon or buffered line over its limit gets 413 naming the field', async () => {
    const area = await sendJson<Refusal>(t.as('police'), 'POST', '/api/inventory', { polygon: polygon(AREA_LIMIT.maxPositions + 1) });
    expect(area.status).toBe(413);
    expect(area.body.error).toMatchObject({ code: 'GeometryTooComplex', details: { path: 'polygon' } });
    const line = { type: 'LineString', coordinates: ring(BUFFER_INPUT_LIMIT.maxPositions + 1) };
    const buffered = await sendJson<Refusal>(t.as('police'), 'POST', '/api/inventory', { buffer: { geometry: line, meters: 100 } });
    expect(buffered.status).toBe(413);
    expect(buffered.body.error).toMatchObject({ code: 'GeometryTooComplex', details: { path: 'buffer.geometry', maxPositions: BUFFER_INPUT_LIMIT.maxPositions } });
  });

  it(`a cable route of ${ASSET_FEATURE_LIMIT.maxPositions + 1} positions is refused, written alone or in an import, naming the feature; one of ${ASSET_FEATURE_LIMIT.maxPositions} is accepted`, async () => {
    // The carrier's own import template: a valid route, whose line is replaced by a zig-zag from its first position.
    const template = await getJson<{ features: { geometry: { coordinates: number[][] } }[] }>(t.as('viettel'), '/api/imports/cable_routes/template');
    const [lon, lat] = template.body.features[0].geometry.coordinates[0];
    const route = (positions: number) => ({
      ...template.body.features[0],
      geometry: { type: 'LineString', coordinates: Array.from({ length: positions }, (_, i) => [lon + i * 1e-6, lat + (i % 2) * 1e-5]) },
    });
    const routes = async () => (await getJson<{ numberMatched: number }>(t.as('viettel'), '/api/collections/cable_routes/items?limit=1')).body.numberMatched;
    const before = await routes();
    const upload = (features: unknown[], dryRun: boolean) => t.as('viettel').request(`/api/imports/cable_routes?format=geojson${dryRun ? '&dryRun=true' : ''}`, {
      method: 'POST', body: JSON.stringify({ type: 'FeatureCollection', features }), headers: { 'Content-Type': 'application/geo+json' },
    });
    const refused = await upload([route(10), route(ASSET_FEATURE_LIMIT.maxPositions + 1)], false);
    expect(refused.status).toBe(422);
    const { problems } = ((await refused.json()) as { error: { details: { problems: { index: number; path: string; message: string }[] } } }).error.details;
    expect(problems).toEqual([expect.objectContaining({ index: 1, path: 'features[1].geometry', message: expect.stringContaining(`more than ${ASSET_FEATURE_LIMIT.maxPositions} positions`) })]);
    expect((await upload([route(10), route(ASSET_FEATURE_LIMIT.maxPositions)], true)).status).toBe(200);
    const alone = await sendJson<{ error: { details: { problems: { path: string }[] } } }>(t.as('viettel'), 'POST', '/api/collections/cable_routes/items', route(ASSET_FEATURE_LIMIT.maxPositions + 1));
    expect(alone.status).toBe(400);
    expect(alone.body.error.details.problems).toEqual([expect.objectContaining({ path: 'geometry' })]);
    expect(await routes()).toBe(before);
  });

  it('an analysis area over the limit gets 413 naming the area parameter', async () => {
    // Through app.request: over a real socket Node refuses a URL this long earlier (431, its 16 KB header limit).
    const area = encodeURIComponent(JSON.stringify(polygon(AREA_LIMIT.maxPositions + 1)));
    const refused = await getJson<Refusal>(t.as('police'), `/api/analysis/hotspots?area=${area}`);
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({ code: 'GeometryTooComplex', details: { path: 'area' } });
  });
});
