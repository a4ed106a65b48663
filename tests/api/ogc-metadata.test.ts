import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../server/collections/registry.ts';
import { tileOfPosition } from '../../server/geometry/web-mercator.ts';
import { CONFORMANCE_CLASSES } from '../../server/ogc/envelope.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';
import { randomDataset } from '../helpers/random-dataset.ts';

type Link = { rel: string; type: string; href: string; templated?: boolean };
type Schema = { properties: Record<string, { type?: string; format?: string; enum?: string[]; items?: { enum?: string[] }; 'x-ogc-role'?: string; 'x-ogc-unit'?: string }>; required?: string[] };
const TILESETS = 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector';

describe('OGC API metadata: queryables, schemas, tiles, OpenAPI', async () => {
  const t = await createTestApp(randomDataset(81, 200));
  const path = (href: string) => href.replace('http://localhost', '');

  it('queryables are a JSON Schema of every property with its registry type, vocabulary and unit', async () => {
    const { status, type, body } = await getJson<Schema & { $schema: string }>(t.app, '/api/collections/cable_routes/queryables');
    expect([status, type]).toEqual([200, 'application/schema+json']);
    expect(body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(body.properties.owner).toMatchObject({ type: 'string', enum: ['viettel', 'vnpt', 'mobifone', 'fpt', 'vnpost'] });
    expect(body.properties.length_m).toMatchObject({ type: 'number', 'x-ogc-unit': 'm' });
    expect(body.properties.fibre_count.type).toBe('integer');
    expect(body.properties.geometry).toMatchObject({ format: 'geometry-linestring-or-multilinestring', 'x-ogc-role': 'primary-geometry' });
    const sites = (await getJson<Schema>(t.app, '/api/collections/bts_sites/queryables')).body;
    expect(sites.properties.technologies).toMatchObject({ type: 'array', items: { enum: ['2G', '3G', '4G', '5G'] } });
  });

  it('the Part 5 schema types every property whatever its values, with roles and the required list', async () => {
    const { body } = await getJson<Schema>(t.app, '/api/collections/incidents/schema');
    expect(body.properties.occurred_at).toMatchObject({ type: 'string', format: 'date-time', 'x-ogc-role': 'primary-instant' });
    expect(body.properties.damage_vnd.type).toBe('integer');
    expect(body.properties.id['x-ogc-role']).toBe('id');
    expect(body.required).toContain('type');
    const collection = (await getJson<{ links: Link[] }>(t.app, '/api/collections/incidents')).body;
    expect(collection.links.find((link) => link.rel === 'describedby')).toMatchObject({ type: 'application/schema+json' });
    expect(collection.links.find((link) => link.rel === 'http://www.opengis.net/def/rel/ogc/1.0/queryables')).toMatchObject({ type: 'application/schema+json' });
    const xsd = await t.app.request('/api/collections/roads/schema.xsd');
    expect(xsd.headers.get('content-type')).toBe('application/xml');
    expect(await xsd.text()).toContain('type="gml:MultiCurvePropertyType"');
  });

  it('collections with vector tiles link their tilesets; published records, which have none, do not', async () => {
    const { body } = await getJson<{ collections: { id: string; links: Link[]; crs: string[] }[] }>(t.app, '/api/collections');
    for (const collection of body.collections) {
      const tiled = COLLECTIONS.some((def) => def.id === collection.id);
      expect(collection.links.some((link) => link.rel === TILESETS), collection.id).toBe(tiled);
      expect(collection.crs).toContain('http://www.opengis.net/def/crs/EPSG/0/9216');
    }
  });

  it('follows collection → tileset list → tileset → tiling scheme and the tile template to a vector tile', async () => {
    const collection = (await getJson<{ links: Link[] }>(t.app, '/api/collections/bts_sites')).body;
    const list = (await getJson<{ tilesets: { links: Link[]; tileMatrixSetURI: string; dataType: string }[] }>(t.app, path(collection.links.find((link) => link.rel === TILESETS)!.href))).body;
    expect(list.tilesets).toHaveLength(1);
    expect(list.tilesets[0]).toMatchObject({ dataType: 'vector', tileMatrixSetURI: 'http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad' });
    const tileset = (await getJson<{ links: Link[]; layers: { id: string; geometryDimension: number }[] }>(t.app, path(list.tilesets[0].links.find((link) => link.rel === 'self')!.href))).body;
    expect(tileset.layers).toMatchObject([{ id: 'bts_sites', geometryDimension: 0 }]);
    const scheme = (await getJson<{ id: string; tileMatrices: { id: string; matrixWidth: number; scaleDenominator: number; cellSize: number }[] }>(t.app, path(tileset.links.find((link) => link.rel === 'http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme')!.href))).body;
    expect(scheme.id).toBe('WebMercatorQuad');
    // OGC 17-083r4 Annex D: zoom 0 is 559 082 264.03 at 0.28 mm pixels, 156 543.03 m cells; each zoom halves it.
    expect(scheme.tileMatrices[0].scaleDenominator).toBeCloseTo(559082264.0287178, 3);
    expect(scheme.tileMatrices[12]).toMatchObject({ id: '12', matrixWidth: 4096 });
    expect(scheme.tileMatrices[12].cellSize).toBeCloseTo(156543.03392804097 / 4096, 8);
    const item = tileset.links.find((link) => link.rel === 'item')!;
    expect(item).toMatchObject({ type: 'application/vnd.mapbox-vector-tile', templated: true });
    const [column, row] = tileOfPosition(108, 14.35, 8);
    const tile = await t.app.request(path(item.href.replace('{tileMatrix}', '8').replace('{tileRow}', String(row)).replace('{tileCol}', String(column))));
    expect(tile.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(Object.keys(new VectorTile(new PbfReader(new Uint8Array(await tile.arrayBuffer()))).layers)).toEqual(['bts_sites']);
  });

  it('serves TileJSON 3.0 whose template reaches the tiles', async () => {
    const { body } = await getJson<{ tilejson: string; tiles: string[]; vector_layers: { id: string; fields: Record<string, string> }[]; bounds: number[] }>(t.app, '/api/collections/cable_routes/tiles/WebMercatorQuad/tilejson');
    expect(body.tilejson).toBe('3.0.0');
    expect(body.vector_layers[0]).toMatchObject({ id: 'cable_routes', fields: { fibre_count: 'Number', owner: 'String' } });
    expect(body.bounds).toHaveLength(4);
    const tile = await t.app.request(path(body.tiles[0].replace('{z}', '8').replace('{y}', '120').replace('{x}', '204')));
    expect(tile.status).toBe(200);
  });

  it('tile metadata follows the read scope: a role that may not read incidents gets 403, the public 401', async () => {
    expect((await t.as('ubnd').request('/api/collections/incidents/tiles')).status).toBe(403);
    expect((await t.as('public').request('/api/collections/incidents/tiles/WebMercatorQuad/tilejson')).status).toBe(401);
    expect((await t.as('public').request('/api/tileMatrixSets/WebMercatorQuad')).status).toBe(200);
    expect((await t.app.request('/api/tileMatrixSets/WorldCRS84Quad')).status).toBe(404);
  });

  it('the OpenAPI document lists tiles only where they exist, writes with bodies where carriers edit, and how to authenticate', async () => {
    const doc = (await (await t.app.request('/api/api')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; security?: unknown[] }>>; components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }> } };
    expect(doc.paths['/collections/hotline_reports/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}']).toBeUndefined();
    expect(doc.paths['/collections/patrol_plans/tiles']).toBeUndefined();
    expect(doc.paths['/collections/roads/tiles/WebMercatorQuad/tilejson']).toBeDefined();
    expect(Object.keys(doc.paths['/collections/bts_sites/items'])).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/collections/bts_sites/items/{featureId}']).sort()).toEqual(['delete', 'get', 'parameters', 'patch', 'put']);
    expect(Object.keys(doc.paths['/collections/roads/items'])).toEqual(['get']);
    expect(doc.paths['/collections/bts_sites/items'].post.requestBody?.content['application/geo+json']).toBeDefined();
    expect(doc.paths['/collections/bts_sites/items/{featureId}'].patch.requestBody?.content['application/merge-patch+json']).toBeDefined();
    expect(doc.components.securitySchemes.bearerToken).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(doc.components.securitySchemes.sessionCookie).toEqual(expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'ng_session' }));
    expect(doc.components.securitySchemes.csrfHeader).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }));
  });

  it('the items parameters are the ones the OGC conformance tests and GDAL 3.6 look for', async () => {
    const doc = (await (await t.app.request('/api/api')).json()) as { paths: Record<string, { get: { parameters: { name: string; style?: string; explode?: boolean; schema: { maxItems?: number; minItems?: number; enum?: string[] } }[] } }> };
    const parameters = doc.paths['/collections/incidents/items'].get.parameters;
    const named = (name: string) => parameters.find((parameter) => parameter.name === name)!;
    expect(named('bbox')).toMatchObject({ style: 'form', explode: false, schema: { minItems: 4, maxItems: 6 } });
    expect(named('limit')).toMatchObject({ style: 'form', explode: false });
    expect(named('filter-lang').schema.enum).toContain('cql-text');
    for (const name of ['filter', 'filter-crs', 'sortby', 'properties', 'skipGeometry', 'crs', 'bbox-crs', 'datetime', 'asset_owner', 'damage_vnd']) expect(named(name), name).toBeDefined();
  });

  it('declares the conformance classes of every part it serves', async () => {
    const { body } = await getJson<{ conformsTo: string[] }>(t.app, '/api/conformance');
    expect(body.conformsTo).toEqual(CONFORMANCE_CLASSES);
    for (const part of ['ogcapi-features-2/1.0/conf/crs', 'ogcapi-features-3/1.0/conf/filter', 'cql2/1.0/conf/cql2-text', 'ogcapi-features-4/1.0/conf/create-replace-delete', 'ogcapi-features-5/1.0/conf/schemas', 'ogcapi-tiles-1/1.0/conf/tileset']) {
      expect(body.conformsTo).toContain(`http://www.opengis.net/spec/${part}`);
    }
  });

  it('answers crs with Content-Crs and coordinates in it; EPSG:4326 latitude first', async () => {
    const wgs84 = (await getJson<{ features: { geometry: { coordinates: number[] } }[] }>(t.app, '/api/collections/bts_sites/items?limit=1')).body.features[0].geometry.coordinates;
    const response = await t.app.request('/api/collections/bts_sites/items?limit=1&crs=http://www.opengis.net/def/crs/EPSG/0/4326');
    expect(response.headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/EPSG/0/4326>');
    expect(((await response.json()) as { features: { geometry: { coordinates: number[] } }[] }).features[0].geometry.coordinates).toEqual([wgs84[1], wgs84[0]]);
    const projected = (await getJson<{ features: { geometry: { coordinates: number[] } }[] }>(t.app, '/api/collections/bts_sites/items?limit=1&crs=EPSG:9216')).body.features[0].geometry.coordinates;
    expect(projected[0]).toBeGreaterThan(300_000);
    expect(projected[1]).toBeGreaterThan(1_500_000);
  });

  it('takes bbox in bbox-crs: a VN-2000 box selects what its WGS 84 equivalent selects', async () => {
    const { crsFromUri } = await import('../../server/geometry/crs.ts');
    const vn = crsFromUri('EPSG:9216')!;
    const [x0, y0] = vn.fromWgs84([107.8, 14.2]);
    const [x1, y1] = vn.fromWgs84([108.2, 14.6]);
    type Sites = { features: { id: number; geometry: { coordinates: [number, number] } }[] };
    const vnSites = (await getJson<Sites>(t.app, `/api/collections/bts_sites/items?limit=10000&bbox=${[x0, y0, x1, y1].join(',')}&bbox-crs=EPSG:9216`)).body.features;
    const inVn = vnSites.map((f) => f.id);
    const inWgs84 = (await getJson<Sites>(t.app, '/api/collections/bts_sites/items?limit=10000&bbox=107.8,14.2,108.2,14.6')).body.features.map((f) => f.id);
    const all = (await getJson<Sites>(t.app, '/api/collections/bts_sites/items?limit=10000')).body.features;
    expect(inVn.length).toBeGreaterThan(0);
    // A projected box's edges bend in degrees, by well under 0.01° here: away from the edges both select the same
    // sites, and the VN-2000 box reaches no farther than that past the WGS 84 one.
    const margin = 0.01;
    const within = ([x, y]: [number, number], pad: number) => x >= 107.8 - pad && x <= 108.2 + pad && y >= 14.2 - pad && y <= 14.6 + pad;
    const interior = all.filter((site) => within(site.geometry.coordinates, -margin)).map((site) => site.id);
    expect(interior.length).toBeGreaterThan(0);
    for (const id of interior) expect(inVn.includes(id) && inWgs84.includes(id), `site ${id}`).toBe(true);
    for (const site of vnSites) expect(within(site.geometry.coordinates, margin), `site ${site.id}`).toBe(true);
  });
});
