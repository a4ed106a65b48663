import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serveStatic } from '@hono/node-server/serve-static';
import { compression } from './http/compression.ts';
import { AppError } from './errors.ts';
import { ogcRoutes } from './ogc/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { analysisRoutes } from './analysis-api/routes.ts';
import { patrolPlanRoutes } from './patrol-plans/routes.ts';
import { authenticate, authorize } from './auth/middleware.ts';
import { authRoutes } from './auth/routes.ts';
import { ROUTE_RULES } from './auth/rules.ts';
import { auditRoutes } from './audit/routes.ts';
import { editingRoutes } from './editing/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { alarmRoutes } from './alarms/routes.ts';
import { eventRoutes } from './events/routes.ts';
import { hotlineRoutes } from './hotline/routes.ts';
import { keyTargetRoutes } from './key-targets/routes.ts';
import { bulletinRoutes } from './bulletins/routes.ts';
import { agencyInspectionRoutes } from './inspections/inspection-routes.ts';
import { inspectionPlanRoutes } from './inspections/plan-routes.ts';
import { inspectionRoutes } from './inspections/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { rewardRoutes } from './rewards/routes.ts';
import { inventoryRoutes } from './inventory/routes.ts';
import { cutImpactRoutes } from './network-graph/routes.ts';
import { patrolTrackRoutes } from './patrol-tracks/routes.ts';
import { tileMatrixSetRoutes, tileRoutes } from './tiles/routes.ts';
import { registerRoutes } from './register/routes.ts';
import { fieldRoutes } from './field/routes.ts';
import { deploymentArea, type AreaConfig } from './deployment/area.ts';
import { areaRoutes } from './deployment/routes.ts';
import type { AppEnv } from './http/env.ts';
import { PAGE_ROUTES } from './pages.ts';
import { refusePrototypeParameters } from './http/parameter-names.ts';
import { securityHeaders } from './http/security-headers.ts';
import { onBehalfOfCaller } from './http/caller.ts';
import type { Services } from './services.ts';

export type AppOptions = {
  /** Directory of the built web app (e.g. `dist/web`); omitted in API tests. */
  webRoot?: string;
  /** Origins whose browser pages may call the API (`NETGUARD_CORS_ORIGINS`); none by default. */
  corsOrigins?: readonly string[];
  /** The area served by `/api/area`; the deployment's (`NETGUARD_AREA`, else data/kontum) by default. */
  area?: AreaConfig;
  /** The cluster worker serving (`server/main.ts`), named in an `X-NetGuard-Worker` header so operators see which answered. */
  worker?: number;
};

/**
 * CORS for the configured origins only: other origins get no Access-Control-Allow-Origin, so their pages cannot read
 * answers. Bearer tokens only (no cookies: sessions are SameSite=Strict and stay same-origin).
 */
function corsFor(origins: readonly string[]) {
  return cors({
    origin: (origin) => (origins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match', 'Accept', 'Accept-Language'],
    exposeHeaders: ['ETag', 'Location', 'Content-Crs', 'Content-Disposition', 'WWW-Authenticate'],
    maxAge: 600,
  });
}

/**
 * Builds the NetGuard Hono app: every `/api` route behind authentication and its access rule (`server/auth/rules.ts`),
 * the web app (when `webRoot` is given) elsewhere. Does not listen; `server/main.ts` does.
 */
export function createApp(services: Services, { webRoot, corsOrigins = [], area = deploymentArea(), worker }: AppOptions = {}) {
  // Not strict: `/api/collections/` answers like `/api/collections` (OWSLib asks for `…/api/`).
  const app = new Hono<AppEnv>({ strict: false });
  app.use('*', securityHeaders());
  if (worker !== undefined) {
    app.use('*', async (c, next) => {
      await next();
      c.res.headers.set('X-NetGuard-Worker', String(worker));
    });
  }
  app.use('*', compression());
  // Before authentication: a preflight carries no credentials and must not be refused.
  if (corsOrigins.length > 0) app.use('/api/*', corsFor(corsOrigins));
  app.use('/api/*', refusePrototypeParameters());
  app.use('/api/*', authenticate(services.accounts));
  app.use('/api/*', onBehalfOfCaller());
  app.use('/api/*', authorize(ROUTE_RULES));
  app.route('/api', authRoutes(services));
  app.route('/api/search', searchRoutes(services));
  app.route('/api/analysis', analysisRoutes(services));
  app.route('/api/patrol-plans', patrolTrackRoutes(services));
  app.route('/api/patrol-plans', patrolPlanRoutes(services));
  app.route('/api/audit', auditRoutes(services));
  app.route('/api/imports', importRoutes(services, area));
  app.route('/api/incidents', incidentRoutes(services));
  app.route('/api/alarms', alarmRoutes(services));
  app.route('/api/events', eventRoutes(services));
  app.route('/api/hotline', hotlineRoutes(services, area));
  app.route('/api/key-targets', keyTargetRoutes(services));
  app.route('/api/bulletins', bulletinRoutes(services));
  app.route('/api/scrap-dealers', inspectionRoutes(services));
  app.route('/api/inspections', agencyInspectionRoutes(services));
  app.route('/api/inspection-plans', inspectionPlanRoutes(services));
  app.route('/api/collections', exportRoutes(services));
  app.route('/api/collections', tileRoutes(services));
  app.route('/api', tileMatrixSetRoutes());
  app.route('/api/reports', reportRoutes(services));
  app.route('/api/rewards', rewardRoutes(services));
  app.route('/api/inventory', inventoryRoutes(services));
  app.route('/api/cut-impact', cutImpactRoutes(services));
  app.route('/api/register', registerRoutes(services));
  app.route('/api/field', fieldRoutes(services));
  app.route('/api/area', areaRoutes(area));
  app.route('/', editingRoutes(services));
  app.route('/api', ogcRoutes(services, area));
  app.all('/api/*', (c) => c.json({ error: { code: 'NotFound', message: `no route for ${c.req.method} ${c.req.path}`, details: {} } }, 404));
  if (webRoot) {
    // MapLibre glyph ranges: serveStatic labels .pbf application/octet-stream, so relabel what it found.
    app.use('/glyphs/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Content-Type', 'application/x-protobuf');
    });
    for (const { file, prefixes } of PAGE_ROUTES) {
      for (const prefix of prefixes) app.get(`${prefix}/*`, serveStatic({ root: webRoot, path: file })).get(prefix, serveStatic({ root: webRoot, path: file }));
    }
    app.use('*', serveStatic({ root: webRoot }));
    // Client-side routes fall back to the app shell; a file that is not there (a name with an extension: a missing
    // asset or glyph range, `..%2fpackage.json`, `favicon.svg%00`) is a 404, not the shell under the file's type.
    app.get('*', async (c, next) => (/\.[^/]*$/.test(c.req.path) ? next() : serveStatic({ root: webRoot, path: 'index.html' })(c, next)));
  }
  app.notFound((c) => c.json({ error: { code: 'NotFound', message: `no route for ${c.req.method} ${c.req.path}`, details: {} } }, 404));
  app.onError((error, c) => {
    if (error instanceof AppError) {
      // Always all three members (GUIDE: `{ error: { code, message, details } }`), so clients need not test for details.
      const body = { code: error.code, message: error.message, details: error.details ?? {} };
      if ((error.status === 429 || error.status === 503) && typeof error.details?.retryAfterSeconds === 'number') c.header('Retry-After', String(error.details.retryAfterSeconds));
      // RFC 6750 §3: a 401 names the scheme to authenticate with; a token that was sent but refused is invalid_token.
      // A 412 names the version that is current, so the client can fetch it or retry against it.
      if (error.status === 412 && typeof error.details?.etag === 'string') c.header('ETag', error.details.etag);
      if (error.status === 401) c.header('WWW-Authenticate', c.req.header('Authorization') ? 'Bearer realm="NetGuard", error="invalid_token"' : 'Bearer realm="NetGuard"');
      return c.json({ error: body }, error.status);
    }
    console.error(error);
    return c.json({ error: { code: 'InternalError', message: 'internal server error', details: {} } }, 500);
  });
  return app;
}
