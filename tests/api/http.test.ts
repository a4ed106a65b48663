import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { randomDataset } from '../helpers/random-dataset.ts';

describe('HTTP behaviour GIS clients and browsers rely on', async () => {
  const t = await createTestApp(randomDataset(71, 300));
  const cors = createApp(t.services, { corsOrigins: ['https://gis.kontum.gov.vn'] });
  const bearer = { Authorization: `Bearer ${t.tokens.police}` };

  it('a trailing slash answers like the path without it', async () => {
    for (const path of ['/api', '/api/conformance', '/api/collections', '/api/collections/roads', '/api/collections/roads/items']) {
      const [plain, slashed] = await Promise.all([t.app.request(path), t.app.request(`${path}/`)]);
      expect(slashed.status, path).toBe(200);
      expect(plain.status).toBe(200);
      const strip = (body: Record<string, unknown>) => ({ ...body, timeStamp: undefined, links: undefined });
      expect(strip((await slashed.json()) as Record<string, unknown>)).toEqual(strip((await plain.json()) as Record<string, unknown>));
    }
  });

  it('compresses with Brotli or gzip when asked, to the same JSON, and says it varies by Accept-Encoding', async () => {
    const path = '/api/collections/bts_sites/items?limit=300';
    const plain = await t.app.request(path);
    const identity = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const response = await t.app.request(path, { headers: { 'Accept-Encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip' } });
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')).toContain('Accept-Encoding');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.byteLength).toBeLessThan(identity.byteLength / 3);
      const json = JSON.parse(decode(bytes).toString('utf8')) as { features: unknown[]; timeStamp: string };
      expect(json.features).toEqual((JSON.parse(identity.toString('utf8')) as { features: unknown[] }).features);
    }
    expect((await t.app.request(path, { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } })).headers.get('content-encoding')).toBeNull();
    expect((await t.app.request('/api/conformance', { headers: { 'Accept-Encoding': 'br' } })).headers.get('content-encoding')).toBe('br');
  });

  it('a compressed vector tile still revalidates: its weak ETag gets a 304', async () => {
    const path = '/api/collections/bts_sites/tiles/WebMercatorQuad/12/1926/3270';
    const first = await t.app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    const etag = first.headers.get('etag')!;
    expect((await t.app.request(path, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } })).status).toBe(304);
  });

  it('CORS: a configured origin may read answers and preflight writes; any other origin gets no CORS header', async () => {
    const allowed = await cors.request('/api/collections/roads/items', { headers: { ...bearer, Origin: 'https://gis.kontum.gov.vn' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://gis.kontum.gov.vn');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag');
    const preflight = await cors.request('/api/collections/bts_sites/items', {
      method: 'OPTIONS', headers: { Origin: 'https://gis.kontum.gov.vn', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await cors.request('/api/collections/roads/items', { headers: { ...bearer, Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await t.app.request('/api/collections/roads/items', { headers: { Origin: 'https://gis.kontum.gov.vn' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a 401 says how to authenticate: WWW-Authenticate: Bearer (invalid_token when the token was refused)', async () => {
    const anonymous = await t.as('public').request('/api/collections');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="NetGuard"');
    const refused = await t.raw.request('/api/collections', { headers: { Authorization: 'Bearer nonsense' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="NetGuard", error="invalid_token"');
  });
});
