import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';
import { ERROR_TEXT } from '../../web/src/i18n/error-catalogue.ts';
import { translateProblem } from '../../web/src/i18n/problems.ts';
import { translateAnalysis } from '../../web/src/i18n/analysis-text.ts';
import { patrolPlan } from '../../server/analysis/patrol-plan/index.ts';

const serverFiles = (directory: string): string[] => readdirSync(directory).flatMap((name) => {
  const path = join(directory, name);
  return statSync(path).isDirectory() ? serverFiles(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
});

type Problem = { path: string; message: string };
type Refusal = { error: { code: string; details?: { problems?: Problem[] } } };

/** A problem message is translated when the catalogue knows it and the Vietnamese is not the English left as it was. */
function expectTranslated(messages: readonly string[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    const vi = translateProblem(message, 'vi');
    expect(vi, message).not.toBeNull();
    expect(vi, message).not.toBe(message);
  }
}

describe('every message the server can show a user has a Vietnamese text in the web app', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-11-28T08:00:00Z') });

  it('every error code the server answers with (read from its source) has a text in both languages', () => {
    const codes = new Set<string>();
    for (const file of serverFiles('server')) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:new AppError\(\d{3}, |super\(\d{3}, |code: )'([A-Z][A-Za-z]+)'/g)) codes.add(match[1]);
    }
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) {
      expect(ERROR_TEXT[code], code).toBeDefined();
      expect(ERROR_TEXT[code][0], code).not.toBe(ERROR_TEXT[code][1]);
    }
  });

  // The first job of this file starts the work pool's threads: slow on shared cores.
  it('an import that breaks every rule gets every problem back in Vietnamese', async () => {
    const features = [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [106.7, 10.8] }, properties: { site_code: 'A', owner: 'viettel', technologies: ['4G'], status: 'active' } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[108, 14.3], [108.01, 14.31]] }, properties: { site_code: 'B', owner: 'viettel', technologies: ['4G'], status: 'active' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14.3] }, properties: { owner: 'viettel', technologies: ['6G'], status: 'broken', tower_height_m: 'tall', colour: 'red', alarm_equipped: 'maybe' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [108.01, 14.31] }, properties: { site_code: 'D', owner: 'vnpt', technologies: ['4G'], status: 'active' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [500, 14.3] }, properties: {} },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [108.02, 14.32] }, properties: { site_code: 'E', owner: 'viettel', technologies: ['4G'], status: 'active' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [108.03, 14.33] }, properties: { site_code: 'E', owner: 'viettel', technologies: ['4G'], status: 'active' } },
      { type: 'Point' },
    ];
    const answers = await Promise.all([
      t.as('viettel').request('/api/imports/bts_sites?format=geojson', { method: 'POST', body: JSON.stringify({ type: 'FeatureCollection', features }) }),
      t.as('viettel').request('/api/imports/bts_sites?format=geojson', { method: 'POST', body: '{ not json' }),
      t.as('viettel').request('/api/imports/bts_sites?format=csv', { method: 'POST', body: 'site_code,owner\nX,viettel\n' }),
      t.as('viettel').request('/api/imports/cable_routes?format=csv', { method: 'POST', body: 'lat,lon\n14.3,108\n' }),
      t.as('viettel').request('/api/imports/bts_sites?format=kml', { method: 'POST', body: '<html></html>' }),
      t.as('viettel').request('/api/imports/bts_sites?format=geojson', { method: 'POST', body: JSON.stringify({ type: 'FeatureCollection', features: [] }) }),
    ]);
    const messages = (await Promise.all(answers.map(async (answer) => ((await answer.json()) as Refusal).error.details?.problems ?? []))).flat().map((problem) => problem.message);
    expectTranslated([...new Set(messages)]);
  }, 60_000);

  it('refused bodies (zod checks and the workflows’ own) get their problems in Vietnamese', async () => {
    const refusals = await Promise.all([
      sendJson<Refusal>(t.as('police'), 'POST', '/api/incidents', { lon: 'east', lat: 14.3, type: 'alien', occurredAt: 'yesterday', colour: 1 }),
      sendJson<Refusal>(t.as('police'), 'POST', '/api/incidents', { lon: 106.7, lat: 10.8, type: 'cable_cut', occurredAt: '2026-11-27T00:00:00Z' }),
      sendJson<Refusal>(t.as('police'), 'POST', '/api/incidents', { lon: 108.0, lat: 14.3, type: 'cable_cut', occurredAt: '2027-01-01T00:00:00Z' }),
      sendJson<Refusal>(t.as('police'), 'POST', '/api/key-targets/proposals', { name: '', category: 'exchange', protectionLevel: 9, justification: 'x', reviewDate: '2027-13-45', protectedAssets: [{ collection: 'bts_sites', id: 999 }], geometry: { type: 'Polygon', coordinates: [[[108, 14.3], [108.1, 14.3], [108, 14.3]]] } }),
      sendJson<Refusal>(t.as('police'), 'POST', '/api/register/incidents/100/assignment', { officer: 'viettel', dueDate: '2026-12-01' }),
      sendJson<Refusal>(t.as('police'), 'POST', '/api/patrol-plans', { name: 'x', startDate: '2026-12-10', endDate: '2026-12-01', units: 1, shiftsPerDay: 1 }),
    ]);
    const messages = refusals.flatMap((refusal) => refusal.body.error.details?.problems ?? []).map((problem) => problem.message);
    expectTranslated([...new Set(messages)]);
  });

  it('the analyses’ method lines, null hypotheses, warnings and the plan’s coverage model have Vietnamese texts; a database without police stations refuses to plan', async () => {
    type Hotspots = { distanceBand: { reason: string }; significance: { description: string }; warnings: string[]; message: string | null };
    const answers = await Promise.all(['', '&distanceBandMeters=3000', '&exposure=cable_km', '&exposure=sites'].map((extra) =>
      getJson<Hotspots>(t.as('police'), `/api/analysis/hotspots?start=2026-01-01&end=2026-06-30${extra}`)));
    const lines = answers.flatMap(({ body }) => [body.distanceBand.reason, body.significance.description, ...body.warnings, ...(body.message ? [body.message] : [])]);
    const forecast = await getJson<{ message: string | null; forecast: { method: { description: string } } }>(t.as('police'), '/api/analysis/forecast');
    lines.push(forecast.body.forecast.method.description, ...(forecast.body.message ? [forecast.body.message] : []));
    // This database has no police station to start from: a clear refusal, with its own text in the app.
    const refused = await sendJson<{ error: { code: string } }>(t.as('police'), 'POST', '/api/patrol-plans',
      { name: 'Kế hoạch', startDate: '2026-12-01', endDate: '2026-12-03', units: 1, shiftsPerDay: 1 });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'NoPatrolBases']);
    const empty = patrolPlan({ targets: [], bases: [{ id: 'base', name: 'Công an tỉnh', point: [108.0, 14.35] }], roads: { type: 'FeatureCollection', features: [] } },
      { startDate: '2026-12-01', endDate: '2026-12-03', units: 1, shiftsPerDay: 1, seed: 'x' });
    lines.push(empty.coverage.model.description, empty.message!);
    expect(new Set(answers.map(({ body }) => body.significance.description)).size).toBe(3);
    for (const line of lines) {
      expect(translateAnalysis(line, 'vi'), line).not.toBeNull();
      expect(translateAnalysis(line, 'vi'), line).not.toBe(line);
    }
  });
});
