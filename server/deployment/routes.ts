import { Hono } from 'hono';
import { EVERYONE } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import type { AppEnv } from '../http/env.ts';
import type { AreaConfig } from './area.ts';
import { publicArea } from './public-area.ts';

// Public: the citizens' hotline names the police it reports to before anyone signs in.
export const AREA_RULES: RouteRule[] = [rule('GET', '/api/area', EVERYONE)];

/** `GET /api/area`: the deployment's names and today's organisations (`publicArea`), the same for every caller. */
export function areaRoutes(area: AreaConfig) {
  const body = publicArea(area);
  return new Hono<AppEnv>().get('/', (c) => {
    // The area changes only with a new deployment (a restart); a short cache spares the phones a round trip.
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(body);
  });
}
