import { describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../../server/auth/rules.ts';
import { createTestApp, type Caller } from '../helpers/test-app.ts';

const CALLERS: readonly Caller[] = ['public', 'admin', 'police', 'dic', 'viettel', 'vnpt', 'ubnd'];
const EVERYONE = CALLERS;
const SIGNED_IN = ['admin', 'police', 'dic', 'viettel', 'vnpt', 'ubnd'] as const;
const SECURITY = ['admin', 'police', 'dic'] as const;
const POLICE = ['admin', 'police'] as const;
const DIC = ['admin', 'dic'] as const;
const CARRIERS = ['admin', 'viettel', 'vnpt'] as const;
const ADMIN = ['admin'] as const;
const FILERS = ['admin', 'police', 'viettel', 'vnpt'] as const;

/**
 * Who may call each API route, written out by hand from issue 4 — not read from the server's rules, so a rule that
 * drifts from the intent fails here. A route missing from this table fails the suite too.
 */
const EXPECTED: Record<string, readonly Caller[]> = {
  'POST /api/auth/login': EVERYONE,
  'POST /api/auth/logout': SIGNED_IN,
  'GET /api/auth/session': EVERYONE,
  'GET /api/admin/organisations': ADMIN,
  'GET /api/admin/users': ADMIN,
  'POST /api/admin/users': ADMIN,
  'GET /api/admin/tokens': ADMIN,
  'POST /api/admin/tokens': ADMIN,
  'DELETE /api/admin/tokens/:id': ADMIN,
  'GET /api': EVERYONE,
  'GET /api/api': EVERYONE,
  'GET /api/conformance': EVERYONE,
  'GET /api/collections': SIGNED_IN,
  'GET /api/collections/:collectionId': SIGNED_IN,
  'GET /api/collections/:collectionId/items': SIGNED_IN,
  'GET /api/collections/:collectionId/items/:featureId': SIGNED_IN,
  'GET /api/search': SIGNED_IN,
  'GET /api/analysis/hotspots': SECURITY,
  'GET /api/analysis/trends': SECURITY,
  'GET /api/analysis/network-risk': SECURITY,
  'GET /api/analysis/forecast': SECURITY,
  'GET /api/analysis/forecast/backtest': SECURITY,
  'POST /api/patrol-plans': POLICE,
  'GET /api/patrol-plans': SECURITY,
  'GET /api/patrol-plans/:id': SECURITY,
  'PATCH /api/patrol-plans/:id': POLICE,
  'GET /api/patrol-plans/:id/export': SECURITY,
  'GET /api/audit': DIC,
  'POST /api/collections/:collectionId/items': CARRIERS,
  'PUT /api/collections/:collectionId/items/:featureId': CARRIERS,
  'PATCH /api/collections/:collectionId/items/:featureId': CARRIERS,
  'DELETE /api/collections/:collectionId/items/:featureId': CARRIERS,
  'POST /api/imports/:collectionId': CARRIERS,
  'GET /api/imports/:collectionId/template': CARRIERS,
  'POST /api/incidents': FILERS,
  'GET /api/incidents/nearest-assets': FILERS,
  'POST /api/incidents/:id/transitions': FILERS,
  'GET /api/incidents/:id/history': SIGNED_IN,
  'GET /api/incidents/:id/fibre-break': SIGNED_IN,
  'POST /api/alarms': ['viettel', 'vnpt'],
  'GET /api/events': SIGNED_IN,
  'POST /api/hotline/reports': EVERYONE,
  'GET /api/hotline/reports/track/:code': EVERYONE,
  'GET /api/area': EVERYONE,
  'GET /api/hotline/reports': SECURITY,
  'POST /api/hotline/reports/:id/convert': POLICE,
  'POST /api/hotline/reports/:id/close': POLICE,
  'GET /api/hotline/reports/:id/photo': POLICE,
  'GET /api/field/assignments': POLICE,
  'POST /api/field/visits': POLICE,
  'POST /api/field/findings': POLICE,
  'GET /api/field/plans/:id/records': SECURITY,
  'GET /api/field/findings/:id/photo': POLICE,
  'POST /api/key-targets/proposals': POLICE,
  'PUT /api/key-targets/proposals/:id': POLICE,
  'GET /api/key-targets/review-queue': SECURITY,
  'GET /api/key-targets/:id': SECURITY,
  'POST /api/key-targets/:id/transitions': SECURITY,
  'POST /api/bulletins': POLICE,
  'GET /api/bulletins': ['admin', 'police', 'dic', 'viettel', 'vnpt'],
  'GET /api/bulletins/:id': ['admin', 'police', 'dic', 'viettel', 'vnpt'],
  'POST /api/scrap-dealers/:id/inspections': POLICE,
  'GET /api/scrap-dealers/:id/inspections': ['admin', 'police', 'dic', 'ubnd'],
  // Issue 18: security staff record, each as its own agency; reads are scoped by the handler (carriers: their agents').
  'POST /api/inspections': SECURITY,
  'GET /api/inspections': SIGNED_IN,
  'GET /api/inspections/:id': SIGNED_IN,
  // The department plans joint inspections; security staff follow them.
  'POST /api/inspection-plans': DIC,
  'GET /api/inspection-plans': SECURITY,
  'GET /api/inspection-plans/:id': SECURITY,
  'POST /api/inspection-plans/:id/items': DIC,
  'PATCH /api/inspection-plans/:id/items/:itemId': DIC,
  'DELETE /api/inspection-plans/:id/items/:itemId': DIC,
  'POST /api/inspection-plans/:id/items/:itemId/restore': DIC,
  'GET /api/collections/:collectionId/export': SIGNED_IN,
  'GET /api/reports/six-monthly': SECURITY,
  'GET /api/rewards': SECURITY,
  'POST /api/rewards': POLICE,
  'POST /api/rewards/:id/decision': DIC,
  'POST /api/inventory': SIGNED_IN,
  'POST /api/cut-impact': ['admin', 'police', 'dic', 'viettel', 'vnpt'],
  'POST /api/patrol-plans/:id/tracks': POLICE,
  'GET /api/patrol-plans/:id/tracks': SECURITY,
  'GET /api/collections/:collectionId/tiles/WebMercatorQuad/:z/:y/:x': SIGNED_IN,
  'GET /api/register/incidents': ['admin', 'police', 'dic', 'viettel', 'vnpt'],
  'GET /api/register/badges': ['admin', 'police', 'dic', 'viettel', 'vnpt'],
  'GET /api/register/officers': SECURITY,
  'GET /api/register/incidents/:id': ['admin', 'police', 'dic', 'viettel', 'vnpt'],
  'POST /api/register/incidents/:id/assignment': POLICE,
  'POST /api/register/incidents/:id/comments': ['admin', 'police', 'dic', 'viettel', 'vnpt'],
  'POST /api/register/incidents/:id/attachments': FILERS,
  'GET /api/register/incidents/:id/attachments/:attachmentId': ['admin', 'police', 'dic', 'viettel', 'vnpt'],
  'GET /api/collections/:collectionId/tiles': SIGNED_IN,
  'GET /api/collections/:collectionId/tiles/WebMercatorQuad': SIGNED_IN,
  'GET /api/collections/:collectionId/tiles/WebMercatorQuad/tilejson': SIGNED_IN,
  'GET /api/collections/:collectionId/queryables': SIGNED_IN,
  'GET /api/collections/:collectionId/schema': SIGNED_IN,
  'GET /api/collections/:collectionId/schema.xsd': SIGNED_IN,
  'GET /api/tileMatrixSets': EVERYONE,
  'GET /api/tileMatrixSets/:tileMatrixSetId': EVERYONE,
};

/** Values for path parameters: ids that exist nowhere, so an admitted write changes nothing. */
const SAMPLE: Record<string, string> = { collectionId: 'bts_sites' };
const concrete = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => SAMPLE[name] ?? '999999');

type Refusal = { error?: { code?: string; details?: { scope?: string } } };

describe('authorization matrix', async () => {
  const t = await createTestApp();
  const routes = [...new Map(
    t.raw.routes.filter((route) => route.path.startsWith('/api') && route.method !== 'ALL').map((route) => [`${route.method} ${route.path}`, route]),
  ).keys()];

  it('every API route has a rule on the server and an expectation here, and neither names a route that does not exist', () => {
    const ruled = ROUTE_RULES.map((rule) => `${rule.method} ${rule.path}`);
    expect(routes.filter((route) => !ruled.includes(route))).toEqual([]);
    expect(routes.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !routes.includes(key))).toEqual([]);
    expect(ruled.filter((key) => !routes.includes(key))).toEqual([]);
  });

  const cases = Object.entries(EXPECTED).flatMap(([key, allowed]) => CALLERS.map((caller) => [key, caller, allowed.includes(caller)] as const));

  it.each(cases)('%s as %s → admitted: %s', async (key, caller, admitted) => {
    const [method, path] = key.split(' ');
    const write = method !== 'GET';
    const response = await t.as(caller).request(concrete(path), write ? { method, headers: { 'Content-Type': 'application/json' }, body: '{}' } : { method });
    const body = response.headers.get('content-type')?.includes('json') ? ((await response.json()) as Refusal) : {};
    await response.body?.cancel().catch(() => {});
    const refusedByRule = (response.status === 401 || response.status === 403) && body.error?.details?.scope === 'route';
    expect(refusedByRule ? 'refused' : 'admitted').toBe(admitted ? 'admitted' : 'refused');
    if (!admitted) expect(response.status).toBe(caller === 'public' ? 401 : 403);
  });
});
