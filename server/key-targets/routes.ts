import { Hono } from 'hono';
import { z } from 'zod';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { KEY_TARGET_CATEGORIES } from '../collections/vocabulary.ts';
import { InvalidBody, NotFound } from '../errors.ts';
import { AREA_LIMIT, requireGeometryWithin } from '../geometry/limits.ts';
import { provinceOutline } from '../geometry/province.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import type { StoredFeature } from '../storage/features.ts';
import { editProposal, promoteDue, propose, review, reviewDetails, zoneHistory, type Proposal } from './service.ts';
import { actionsFrom, REVIEW_ACTIONS } from './workflow.ts';

export const KEY_TARGET_RULES: RouteRule[] = [
  rule('POST', '/api/key-targets/proposals', POLICE),
  rule('PUT', '/api/key-targets/proposals/:id', POLICE),
  rule('GET', '/api/key-targets/review-queue', SECURITY),
  rule('GET', '/api/key-targets/:id', SECURITY),
  rule('POST', '/api/key-targets/:id/transitions', SECURITY),
];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'a real date');
const proposal = z.object({
  name: z.string().trim().min(1).max(200), category: z.enum(KEY_TARGET_CATEGORIES), protectionLevel: z.number().int().min(1).max(3),
  justification: z.string().trim().min(1).max(4000), reviewDate: day, effectiveDate: day.nullable().optional(), legalBasis: z.string().max(300).nullable().optional(),
  protectedAssets: z.array(z.object({ collection: z.enum(['cable_routes', 'bts_sites', 'facilities']), id: z.number().int() }).strict()).max(500),
  geometry: z.unknown(),
}).strict();
const step = z.object({ action: z.enum(REVIEW_ACTIONS), comment: z.string().max(4000), effectiveDate: day.optional() }).strict();

/**
 * `/api/key-targets`: police propose zones (drawn or imported polygons) and change them while proposed or returned;
 * the DIC reviews them from a queue — approve, reject or return, always with a comment; designated zones can be
 * revoked. Every step is kept as history with who, when and why.
 */
export function keyTargetRoutes(services: Services) {
  const { storage } = services;
  const checked = async (request: Request): Promise<Proposal> => {
    const body = parseWith(proposal, await jsonObject(request));
    requireGeometryWithin(body.geometry, 'geometry', AREA_LIMIT);
    const problems = await services.work.run('zoneGeometryProblems', { geometry: body.geometry, province: await provinceOutline(storage.features) });
    for (const [index, asset] of body.protectedAssets.entries()) {
      if (!(await storage.features.get(asset.collection, asset.id))) problems.push({ path: `protectedAssets.${index}`, message: `${asset.collection}/${asset.id} does not exist` });
    }
    if (problems.length) throw new InvalidBody(`${problems[0].path}: ${problems[0].message}`, { problems });
    return { ...body, effectiveDate: body.effectiveDate ?? null, legalBasis: body.legalBasis ?? null, geometry: body.geometry as Proposal['geometry'] };
  };
  const limit = limitBody(512 * 1024);
  return new Hono<AppEnv>()
    .use(async (_, next) => {
      await promoteDue(services);
      await next();
    })
    .post('/proposals', limit, async (c) => c.json(await propose(services, actorOf(c), await checked(c.req.raw)), 201))
    .put('/proposals/:id', limit, async (c) => c.json(await editProposal(services, actorOf(c), Number(c.req.param('id')), await checked(c.req.raw))))
    .get('/review-queue', async (c) => {
      const waiting: StoredFeature[] = [];
      for (const status of ['proposed', 'returned']) waiting.push(...(await storage.features.query('key_targets', { filters: [{ property: 'status', value: status }], limit: 10_000, offset: 0 })).features);
      await auditRead(services, actorOf(c), { action: 'read', targetType: 'key_targets', details: { reviewQueue: waiting.length } });
      const features = [];
      for (const zone of waiting) features.push({ ...zone, properties: { ...zone.properties, review: await reviewDetails(services, zone.id), actions: actionsFrom(String(zone.properties.status)) } });
      return c.json({ type: 'FeatureCollection', features });
    })
    .get('/:id', async (c) => {
      const id = Number(c.req.param('id'));
      const zone = Number.isSafeInteger(id) ? await storage.features.get('key_targets', id) : undefined;
      if (!zone) throw new NotFound(`key target ${c.req.param('id')} does not exist`);
      await auditRead(services, actorOf(c), { action: 'read', targetType: 'key_targets', targetId: id, details: { history: true } });
      return c.json({ zone, review: await reviewDetails(services, id), actions: actionsFrom(String(zone.properties.status)), history: await zoneHistory(services, id) });
    })
    .post('/:id/transitions', limitBody(16 * 1024), async (c) => {
      const body = parseWith(step, await jsonObject(c.req.raw));
      return c.json(await review(services, actorOf(c), Number(c.req.param('id')), body.action, body.comment, body.effectiveDate));
    });
}
