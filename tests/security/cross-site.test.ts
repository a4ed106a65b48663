import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp } from '../helpers/test-app.ts';

// What a page on another site can make a visitor's browser send without a CORS preflight: a form or a no-cors fetch
// with a "simple" Content-Type, and the browser's own Origin and Sec-Fetch-Site headers.
const login = JSON.stringify({ username: 'admin', password: 'demo' });
const report = JSON.stringify({ lon: 108.0052, lat: 14.3552, seenAt: '2026-03-01T03:00:00Z', description: 'Thấy người lạ cắt cáp' });

describe('cross-site requests', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-03-01T08:00:00Z') });
  const post = (path: string, body: string, headers: Record<string, string>) => t.raw.request(`http://netguard.test${path}`, { method: 'POST', body, headers });

  it('a sign-in or hotline body sent as text/plain or a form is refused with 415, and nobody is signed in', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const signIn = await post('/api/auth/login', login, { 'Content-Type': type });
      expect(signIn.status).toBe(415);
      expect(signIn.headers.get('set-cookie')).toBeNull();
      expect(((await signIn.json()) as { error: { code: string } }).error.code).toBe('UnsupportedMediaType');
      expect((await post('/api/hotline/reports', report, { 'Content-Type': type })).status).toBe(415);
    }
    expect((await post('/api/auth/login', login, {})).status).toBe(415);
  });

  it('JSON endpoints behind a token refuse other media types too, while OGC writes take GeoJSON', async () => {
    const as = t.as('viettel');
    const proposal = await t.as('police').request('/api/incidents', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ lon: 108.0, lat: 14.35, type: 'cable_theft', occurredAt: '2026-03-01T04:00:00Z' }) });
    expect(proposal.status).toBe(415);
    const site = { type: 'Feature', geometry: { type: 'Point', coordinates: [108.01, 14.36] }, properties: { site_code: 'VTL-KTM-415', owner: 'viettel', technologies: ['4G'], status: 'active', tower_type: 'monopole', alarm_equipped: true } };
    const asText = await as.request('/api/collections/bts_sites/items', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(site) });
    expect(asText.status).toBe(415);
    const asGeoJson = await as.request('/api/collections/bts_sites/items', { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body: JSON.stringify(site) });
    expect(asGeoJson.status).toBe(201);
  });

  it('a JSON sign-in or report from another site’s page is refused by its Sec-Fetch-Site or Origin', async () => {
    const json = { 'Content-Type': 'application/json' };
    const crossSite: Record<string, string>[] = [{ 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site' }, { Origin: 'https://evil.example' }, { Origin: 'null' }];
    for (const headers of crossSite) {
      const signIn = await post('/api/auth/login', login, { ...json, ...headers });
      expect(signIn.status).toBe(403);
      expect(signIn.headers.get('set-cookie')).toBeNull();
      expect((await post('/api/hotline/reports', report, { ...json, ...headers })).status).toBe(403);
    }
    expect((await post('/api/auth/login', login, { ...json, 'Sec-Fetch-Site': 'same-origin', Origin: 'http://netguard.test' })).status).toBe(200);
    expect((await post('/api/auth/login', login, { ...json, Origin: 'http://netguard.test' })).status).toBe(200);
    expect((await post('/api/hotline/reports', report, { ...json, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    const { body } = await t.as('police').request('/api/hotline/reports').then(async (r) => ({ body: (await r.json()) as { numberMatched: number } }));
    expect(body.numberMatched).toBe(1);
  });

  it('a session write with a wrong CSRF token of the right length is refused', async () => {
    const signIn = await post('/api/auth/login', login, { 'Content-Type': 'application/json' });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const forged = csrfToken.slice(0, -1) + (csrfToken.endsWith('A') ? 'B' : 'A');
    for (const token of [forged, '', csrfToken.slice(1)]) {
      const write = await t.raw.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': token } });
      expect(write.status).toBe(403);
    }
    expect((await t.raw.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } })).status).toBe(204);
  });
});
