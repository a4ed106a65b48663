import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_ATTEMPTS } from '../../server/auth/routes.ts';
import { REPORTS_PER_WINDOW } from '../../server/hotline/routes.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

// The real server on a fresh demo database, hit over loopback with truly parallel requests.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const signIn = (username: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('throttles hold under parallel requests', () => {
  it(`24 simultaneous guesses at one account get at most ${LOGIN_ATTEMPTS} password checks and the rest are refused unchecked`, async () => {
    // The right password is last in the batch; without counting before the check all 24 were checked and it got 200.
    const guesses = [...Array.from({ length: 23 }, (_, index) => `guess-${index}`), 'demo'];
    const statuses = (await Promise.all(guesses.map((password) => signIn('vnpt', password)))).map((response) => response.status);
    const checked = statuses.filter((status) => status !== 429);
    expect(checked.length).toBeLessThanOrEqual(LOGIN_ATTEMPTS);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(24 - LOGIN_ATTEMPTS);
    // Another account from the same address is not paused.
    expect((await signIn('viettel', 'demo')).status).toBe(200);
  });

  it(`12 simultaneous hotline reports from one address file at most ${REPORTS_PER_WINDOW}`, async () => {
    const body = JSON.stringify({ lon: 108.0052, lat: 14.3552, seenAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Thấy người lạ cắt cáp' });
    const responses = await Promise.all(Array.from({ length: 12 }, () => fetch(`${server.url}/api/hotline/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(REPORTS_PER_WINDOW);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(12 - REPORTS_PER_WINDOW);
  });
});
