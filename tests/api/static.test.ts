import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

describe('web app files', async () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'netguard-web-'));
  mkdirSync(join(webRoot, 'glyphs', 'Noto Sans Regular'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>NetGuard</title>');
  const script = `self.addEventListener('install', () => {});\n${'// padding\n'.repeat(400)}`;
  writeFileSync(join(webRoot, 'field-sw.js'), script);
  writeFileSync(join(webRoot, 'bao-tin.html'), '<!doctype html><title>Báo tin</title>');
  writeFileSync(join(webRoot, 'thuc-dia.html'), '<!doctype html><title>Thực địa</title>');
  writeFileSync(join(webRoot, 'glyphs', 'Noto Sans Regular', '0-255.pbf'), Buffer.from([0x0a, 0x00]));
  const { app } = await createTestApp({}, { webRoot });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  it('serves index.html at /', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('NetGuard');
  });

  it('serves glyph ranges as protobuf', async () => {
    const response = await app.request('/glyphs/Noto%20Sans%20Regular/0-255.pbf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
  });

  it('answers the hotline and the field app with their own pages, at their Vietnamese and English addresses', async () => {
    for (const path of ['/bao-tin', '/bao-tin/', '/hotline', '/hotline/KT-AAAA-AAAA']) expect(await (await app.request(path)).text()).toContain('Báo tin');
    for (const path of ['/thuc-dia', '/thuc-dia/', '/field']) expect(await (await app.request(path)).text()).toContain('Thực địa');
    expect(await (await app.request('/bao-tinh')).text()).toContain('NetGuard');
  });

  it('compresses a static script without keeping its uncompressed Content-Length (a service worker would never load)', async () => {
    const response = await app.request('/field-sw.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    const body = Buffer.from(await response.arrayBuffer());
    const length = response.headers.get('content-length');
    expect(length === null || Number(length) === body.length).toBe(true);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('falls back to index.html for client routes but not for the API', async () => {
    expect(await (await app.request('/incidents/42')).text()).toContain('NetGuard');
    expect((await app.request('/api/nothing')).status).toBe(404);
  });
});
