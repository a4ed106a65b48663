import { describe, expect, it } from 'vitest';
import { createTestApp, getJson } from '../helpers/test-app.ts';
import { randomDataset } from '../helpers/random-dataset.ts';

type ErrorBody = { error: { code: string; message: string; details?: { parameter?: string } } };

const BAD_REQUESTS: [string, string][] = [
  ['/api/collections/roads/items?bbox=1,2,3', 'bbox'],
  ['/api/collections/roads/items?bbox=1,2,3,x', 'bbox'],
  ['/api/collections/roads/items?bbox=-200,0,0,1', 'bbox'],
  ['/api/collections/roads/items?bbox=0,-95,1,1', 'bbox'],
  ['/api/collections/roads/items?bbox=0,2,1,1', 'bbox'],
  ['/api/collections/roads/items?bbox=1,2,3,4,5', 'bbox'],
  ['/api/collections/roads/items?bbox-crs=EPSG:9216', 'bbox-crs'],
  ['/api/collections/roads/items?bbox=1,2,3,4&bbox-crs=EPSG:27700', 'bbox-crs'],
  ['/api/collections/roads/items?crs=EPSG:27700', 'crs'],
  ['/api/collections/roads/items?filter=name%20%3D', 'filter'],
  ['/api/collections/roads/items?filter=colour%3D%27red%27', 'filter'],
  ['/api/collections/roads/items?filter=name%3D%27x%27&filter-lang=ecql', 'filter-lang'],
  ['/api/collections/roads/items?filter-lang=cql2-text', 'filter-lang'],
  ['/api/collections/roads/items?filter=%7Bnot%20json&filter-lang=cql2-json', 'filter'],
  ['/api/collections/roads/items?sortby=-colour', 'sortby'],
  ['/api/collections/roads/items?properties=name,colour', 'properties'],
  ['/api/collections/roads/items?skipGeometry=yes', 'skipGeometry'],
  ['/api/collections/roads/items?limit=-1', 'limit'],
  ['/api/collections/roads/items?limit=abc', 'limit'],
  ['/api/collections/roads/items?offset=1.5', 'offset'],
  ['/api/collections/incidents/items?datetime=last-week', 'datetime'],
  ['/api/collections/incidents/items?datetime=../..', 'datetime'],
  ['/api/collections/roads/items?datetime=2024-01-01', 'datetime'],
  ['/api/collections/roads/items?colour=red', 'colour'],
  ['/api/collections/bts_sites/items?alarm_equipped=yes', 'alarm_equipped'],
  ['/api/collections/roads/items?f=xml', 'f'],
  ['/api/collections?bbox=1,2,3,4', 'bbox'],
  ['/api/collections/roads/items/1?limit=3', 'limit'],
  ['/api/conformance?f=html', 'f'],
  ['/api/search', 'q'],
  ['/api/search?q=', 'q'],
  [`/api/search?q=${'a'.repeat(101)}`, 'q'],
  ['/api/search?q=dak&limit=0', 'limit'],
  ['/api/search?q=dak&page=2', 'page'],
];

describe('bad input', async () => {
  const { app } = await createTestApp(randomDataset(51, 5));

  it.each(BAD_REQUESTS)('%s answers 400 naming %s', async (path, parameter) => {
    const { status, type, body } = await getJson<ErrorBody>(app, path);
    expect(status).toBe(400);
    expect(type).toContain('application/json');
    expect(body.error.code).toBe('InvalidParameter');
    expect(body.error.details?.parameter).toBe(parameter);
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it.each([
    '/api/collections/nope',
    '/api/collections/nope/items',
    '/api/collections/roads/items/999999',
    '/api/collections/roads/items/abc',
    '/api/no-such-route',
  ])('%s answers 404 JSON', async (path) => {
    const { status, type, body } = await getJson<ErrorBody>(app, path);
    expect(status).toBe(404);
    expect(type).toContain('application/json');
    expect(body.error.code).toBe('NotFound');
  });

  it('keeps serving after a bad request', async () => {
    await app.request('/api/collections/roads/items?bbox=nonsense');
    expect((await app.request('/api/collections/roads/items')).status).toBe(200);
  });
});
