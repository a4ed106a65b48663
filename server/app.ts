import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { AppError } from './errors.ts';
import { ogcRoutes } from './ogc/routes.ts';
import { searchRoutes } from './search/routes.ts';
import type { FeatureProvider } from './storage/provider.ts';
import { analysisRoutes } from './analysis-api/routes.ts';
import { patrolPlanRoutes } from './patrol-plans/routes.ts';
import type { PatrolPlanStore } from './patrol-plans/store.ts';

export type AppOptions = {
  provider: FeatureProvider;
  plans: PatrolPlanStore;
  /** Directory of the built web app (e.g. `dist/web`); omitted in API tests. */
  webRoot?: string;
};

/**
 * Builds the NetGuard Hono app: the OGC API and search under `/api`, the web app (when `webRoot` is given) elsewhere.
 * Does not listen; `server/main.ts` does.
 */
export function createApp({ provider, plans, webRoot }: AppOptions) {
  const app = new Hono();
  app.route('/api/search', searchRoutes(provider));
  app.route('/api/analysis', analysisRoutes(provider));
  app.route('/api/patrol-plans', patrolPlanRoutes(provider, plans));
  app.route('/api', ogcRoutes(provider));
  app.all('/api/*', (c) => c.json({ error: { code: 'NotFound', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));
  if (webRoot) {
    // MapLibre glyph ranges: serveStatic labels .pbf application/octet-stream, so relabel what it found.
    app.use('/glyphs/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Content-Type', 'application/x-protobuf');
    });
    app.use('*', serveStatic({ root: webRoot }));
    // Client-side routes fall back to the app shell.
    app.get('*', serveStatic({ root: webRoot, path: 'index.html' }));
  }
  app.notFound((c) => c.json({ error: { code: 'NotFound', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((error, c) => {
    if (error instanceof AppError) {
      const body = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
      return c.json({ error: body }, error.status);
    }
    console.error(error);
    return c.json({ error: { code: 'InternalError', message: 'internal server error' } }, 500);
  });
  return app;
}
