import { Hono } from 'hono';
import { SECURITY, SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { AGENCIES, type Agency } from '../collections/vocabulary.ts';
import { Forbidden, InvalidParameter, NotFound } from '../errors.ts';
import { provinceOutline } from '../geometry/province.ts';
import { AREA_INSPECTION_LIMIT, requireGeometryWithin } from '../geometry/limits.ts';
import { actorOf } from '../http/actor.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { parseLimit, parseNonNegativeInteger, rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { inspectionScope, scopeAdmitsTarget, type InspectionScope } from './agencies.ts';
import { recordInspection } from './record.ts';
import { calendarDate, inspectionBody, TARGET_COLLECTIONS } from './schema.ts';
import type { Principal } from '../auth/principal.ts';

export const AGENCY_INSPECTION_RULES: RouteRule[] = [
  rule('POST', '/api/inspections', SECURITY),
  rule('GET', '/api/inspections', SIGNED_IN),
  rule('GET', '/api/inspections/:id', SIGNED_IN),
];

/** The caller's inspection scope, or a 403 (a role that reads no inspection at all). */
export function requireInspectionScope(principal: Principal): InspectionScope {
  const scope = inspectionScope(principal);
  if (!scope) throw new Forbidden('your role may not read inspections', { scope: 'inspections' });
  return scope;
}

const dateParameter = (name: string, raw: string | undefined) => {
  if (raw === undefined) return undefined;
  if (!calendarDate.safeParse(raw).success) throw new InvalidParameter(name, `${name} must be a date YYYY-MM-DD`);
  return raw;
};

/**
 * `/api/inspections`: inspections by agency of agents, dealers, sites and areas (issue 18). Security staff record
 * them, each as its own agency (`agenciesOf`); every read applies `inspectionScope`.
 */
export function agencyInspectionRoutes(services: Services) {
  const { storage } = services;
  return new Hono<AppEnv>()
    .post('/', limitBody(256 * 1024), async (c) => {
      const raw = await jsonObject(c.req.raw);
      // Bounded before anything looks at the shape: checking a polygon for self-crossings is quadratic in its positions.
      const area = (raw.target as { area?: unknown } | undefined)?.area;
      if (area !== undefined) requireGeometryWithin(area, 'target.area', AREA_INSPECTION_LIMIT);
      const body = parseWith(inspectionBody, raw);
      const stored = await recordInspection(services, actorOf(c), body, await provinceOutline(storage.features));
      return c.json(stored, 201);
    })
    .get('/', async (c) => {
      const scope = requireInspectionScope(c.get('principal'));
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['collection', 'id', 'agency', 'from', 'to', 'limit', 'offset']);
      const collection = search.get('collection') ?? undefined;
      if (collection !== undefined && !(TARGET_COLLECTIONS as readonly string[]).includes(collection)) throw new InvalidParameter('collection', `collection must be one of ${TARGET_COLLECTIONS.join(', ')}`);
      const agency = search.get('agency') ?? undefined;
      if (agency !== undefined && !(AGENCIES as readonly string[]).includes(agency)) throw new InvalidParameter('agency', `agency must be one of ${AGENCIES.join(', ')}`);
      const idRaw = search.get('id');
      const limit = parseLimit(search.get('limit') ?? undefined, 1000), offset = parseNonNegativeInteger('offset', search.get('offset') ?? '0');
      const page = await storage.inspections.query({
        collection, targetId: idRaw === null ? undefined : parseNonNegativeInteger('id', idRaw), agency: agency as Agency | undefined,
        from: dateParameter('from', search.get('from') ?? undefined), to: dateParameter('to', search.get('to') ?? undefined),
        visibleTo: scope.visibleTo, limit, offset,
      });
      return c.json({ ...page, numberReturned: page.inspections.length });
    })
    .get('/:id', async (c) => {
      const scope = requireInspectionScope(c.get('principal'));
      const raw = c.req.param('id');
      const found = /^\d{1,12}$/.test(raw) ? await storage.inspections.get(Number(raw)) : undefined;
      // Out of scope answers as absent, so a carrier cannot learn which other inspections exist.
      if (!found || !scopeAdmitsTarget(scope, found.target)) throw new NotFound(`inspection ${raw} does not exist`);
      return c.json(found);
    });
}
