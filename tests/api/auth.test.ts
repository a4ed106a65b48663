import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGIN_ATTEMPTS } from '../../server/auth/routes.ts';
import { createTestApp, getJson, sendJson, type TestApp } from '../helpers/test-app.ts';

async function login(t: TestApp, username: string, password: string) {
  const response = await t.raw.request('/api/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.get('set-cookie') ?? '';
  return { response, cookie, session: cookie.split(';')[0], body: (await response.json()) as { csrfToken?: string; user?: { role: string }; error?: { code: string } } };
}

describe('signing in', async () => {
  let clock = Date.parse('2026-11-28T08:00:00Z');
  const t = await createTestApp({}, { now: () => new Date(clock) });

  it('a demo account signs in with a session cookie that scripts cannot read and other sites cannot send', async () => {
    const { response, cookie, body } = await login(t, 'police', 'demo');
    expect(response.status).toBe(200);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(body.user?.role).toBe('police_planner');
    expect(body.csrfToken).toBeTruthy();
  });

  it('the session reads data, and a write with the cookie needs the CSRF header', async () => {
    const { session, body } = await login(t, 'admin', 'demo');
    expect((await t.raw.request('/api/collections', { headers: { Cookie: session } })).status).toBe(200);
    const write = (headers: Record<string, string>) =>
      t.raw.request('/api/admin/tokens', { method: 'POST', headers: { Cookie: session, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username: 'vnpt', name: 'alarm system' }) });
    const refused = await write({});
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('csrf');
    expect((await write({ 'X-CSRF-Token': body.csrfToken! })).status).toBe(201);
  });

  it('signing out ends the session', async () => {
    const { session, body } = await login(t, 'dic', 'demo');
    expect((await t.raw.request('/api/auth/logout', { method: 'POST', headers: { Cookie: session, 'X-CSRF-Token': body.csrfToken! } })).status).toBe(204);
    expect((await t.raw.request('/api/collections', { headers: { Cookie: session } })).status).toBe(401);
  });

  it('a wrong password is refused without saying which part was wrong', async () => {
    const wrongPassword = await login(t, 'viettel', 'nope');
    const noSuchUser = await login(t, 'nobody', 'demo');
    expect(wrongPassword.response.status).toBe(401);
    expect(noSuchUser.body).toEqual(wrongPassword.body);
  });

  it(`pauses sign-in after ${LOGIN_ATTEMPTS} failures, even with the right password, until the window passes`, async () => {
    for (let attempt = 0; attempt < LOGIN_ATTEMPTS; attempt += 1) expect((await login(t, 'vnpt', 'guess')).response.status).toBe(401);
    const paused = await login(t, 'vnpt', 'demo');
    expect(paused.response.status).toBe(429);
    expect(Number(paused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    clock += 16 * 60 * 1000;
    expect((await login(t, 'vnpt', 'demo')).response.status).toBe(200);
  });

  it('records sign-ins and failures in the audit log', async () => {
    const { body } = await getJson<{ records: { action: string }[] }>(t.app, '/api/audit?actor=public&action=login_failed');
    expect(body.records.length).toBeGreaterThan(0);
  });
});

describe('API tokens', async () => {
  const t = await createTestApp();

  it('an admin issues a token that acts as its user, and revoking it stops it at once', async () => {
    const issued = await sendJson<{ id: number; token: string; signingSecret: string }>(t.app, 'POST', '/api/admin/tokens', { username: 'viettel', name: 'Hệ thống báo động' });
    expect(issued.status).toBe(201);
    const asToken = { headers: { Authorization: `Bearer ${issued.body.token}` } };
    expect((await getJson<{ user: { role: string } }>({ request: async (path) => t.raw.request(path, asToken) }, '/api/auth/session')).body.user.role).toBe('carrier_editor');
    expect((await t.app.request(`/api/admin/tokens/${issued.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.raw.request('/api/collections', asToken)).status).toBe(401);
  });

  it('stores only a hash of the token: the database files never hold it', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'netguard-token-'));
    const databasePath = join(directory, 'tokens.sqlite');
    try {
      const onDisk = await createTestApp({}, { databasePath });
      const issued = await sendJson<{ token: string }>(onDisk.app, 'POST', '/api/admin/tokens', { username: 'police', name: 'QGIS' });
      expect(issued.status).toBe(201);
      await onDisk.services.storage.close();
      const files = readdirSync(directory).map((name) => readFileSync(join(directory, name)));
      expect(files.some((bytes) => bytes.includes('QGIS'))).toBe(true);
      expect(files.some((bytes) => bytes.includes(issued.body.token))).toBe(false);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('a malformed or unknown bearer token is a 401, not the public', async () => {
    expect((await t.raw.request('/api', { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await t.raw.request('/api', { headers: { Authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('only admins manage users and tokens', async () => {
    expect((await t.as('police').request('/api/admin/users')).status).toBe(403);
    const created = await sendJson<{ user: { username: string; role: string } }>(t.app, 'POST', '/api/admin/users', {
      username: 'ca-dakglei', displayName: 'Công an huyện Đắk Glei', password: 'a-long-password', role: 'police_planner', organisation: 'police-kontum',
    });
    expect(created.status).toBe(201);
    const duplicate = await sendJson(t.app, 'POST', '/api/admin/users', {
      username: 'ca-dakglei', displayName: 'x', password: 'a-long-password', role: 'viewer', organisation: 'police-kontum',
    });
    expect(duplicate.status).toBe(409);
    const carrierless = await sendJson(t.app, 'POST', '/api/admin/users', {
      username: 'fake-carrier', displayName: 'x', password: 'a-long-password', role: 'carrier_editor', organisation: 'dic-kontum',
    });
    expect(carrierless.status).toBe(400);
  });
});
