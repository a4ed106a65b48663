import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { InvalidBody, InvalidParameter, NotFound } from '../errors.ts';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { jsonBody, jsonObject, limitBody } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import { planExport } from './export.ts';
import { generatePlan } from './generate.ts';
import { parsePlanRequest } from './request.ts';
import { PLAN_STATUSES, type PatrolPlanStore, type PlanStatus, type SavedPlan } from './store.ts';

const MAX_BODY_BYTES = 64 * 1024;

/** Police plan patrols; the DIC reads them for its coordination and report. */
export const PATROL_PLAN_RULES: RouteRule[] = [
  rule('POST', '/api/patrol-plans', POLICE),
  rule('GET', '/api/patrol-plans', SECURITY),
  rule('GET', '/api/patrol-plans/:id', SECURITY),
  rule('PATCH', '/api/patrol-plans/:id', POLICE),
  rule('GET', '/api/patrol-plans/:id/export', SECURITY),
];

const view = (saved: SavedPlan) => ({ id: saved.id, name: saved.name, status: saved.status, createdAt: saved.createdAt, updatedAt: saved.updatedAt, ...saved.body });
const summary = (saved: SavedPlan) => ({
  id: saved.id, name: saved.name, status: saved.status, createdAt: saved.createdAt, startDate: saved.startDate, endDate: saved.endDate,
  units: (saved.body.parameters as { units?: number } | undefined)?.units ?? null, coverage: saved.body.coverage ?? null,
});

function planOr404(plans: PatrolPlanStore, id: string): SavedPlan {
  const saved = plans.get(id);
  if (!saved) throw new NotFound(`patrol plan "${id}" does not exist`, { id });
  return saved;
}

/** `/api/patrol-plans`: generate (POST), list, read, change status, export as GPX, CSV or GeoJSON. */
export function patrolPlanRoutes({ db, provider, plans, audit, work }: Services) {
  const limit = limitBody(MAX_BODY_BYTES);
  return new Hono<AppEnv>()
    .post('/', limit, async (c) => {
      const request = parsePlanRequest(await jsonBody(c.req.raw));
      const plan = await generatePlan(provider, work, request);
      const now = new Date().toISOString();
      const saved: SavedPlan = { id: randomUUID(), name: request.name, status: 'draft', createdAt: now, updatedAt: now, startDate: request.startDate, endDate: request.endDate, body: plan as unknown as Record<string, unknown> };
      db.transaction(() => {
        plans.save(saved);
        audit.append({ principal: c.get('principal'), action: 'create', targetType: 'patrol_plans', targetId: saved.id, after: { name: saved.name, status: saved.status }, ip: c.get('clientAddress') });
      })();
      return c.json(view(saved), 201, { Location: `/api/patrol-plans/${saved.id}` });
    })
    .get('/', (c) => {
      rejectUnknownParameters(new URL(c.req.url).searchParams, ['f']);
      return c.json({ plans: plans.list().map(summary) });
    })
    .get('/:id', (c) => c.json(view(planOr404(plans, c.req.param('id')))))
    .patch('/:id', limit, async (c) => {
      const before = planOr404(plans, c.req.param('id'));
      const body = await jsonObject(c.req.raw);
      if (Object.keys(body).some((key) => key !== 'status')) throw new InvalidBody('the body must be { "status": … } only');
      if (!PLAN_STATUSES.includes(body.status as PlanStatus)) throw new InvalidParameter('status', `status must be one of ${PLAN_STATUSES.join(', ')}`);
      const updated = db.transaction(() => {
        const saved = plans.setStatus(before.id, body.status as PlanStatus, new Date().toISOString())!;
        audit.append({ principal: c.get('principal'), action: 'update', targetType: 'patrol_plans', targetId: saved.id, before: { status: before.status }, after: { status: saved.status }, ip: c.get('clientAddress') });
        return saved;
      })();
      return c.json(view(updated));
    })
    .get('/:id/export', (c) => {
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['format']);
      const saved = planOr404(plans, c.req.param('id'));
      const file = planExport(saved, search.get('format'));
      audit.append({ principal: c.get('principal'), action: 'export', targetType: 'patrol_plans', targetId: saved.id, details: { format: search.get('format') }, ip: c.get('clientAddress') });
      return c.body(file.content, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    });
}
