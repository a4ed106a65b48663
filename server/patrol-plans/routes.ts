import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { InvalidBody, InvalidParameter, NotFound } from '../errors.ts';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { jsonBody, jsonObject, limitBody } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { applied, nothing, transact } from '../writes/transact.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import { planExport } from './export.ts';
import { generatePlan } from './generate.ts';
import { parsePlanRequest } from './request.ts';
import { PLAN_STATUSES, type PatrolPlanStore, type PlanStatus, type SavedPlan } from '../storage/patrol-plans.ts';

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

export async function planOr404(plans: PatrolPlanStore, id: string): Promise<SavedPlan> {
  const saved = await plans.get(id);
  if (!saved) throw new NotFound(`patrol plan "${id}" does not exist`, { id });
  return saved;
}

/** `/api/patrol-plans`: generate (POST), list, read, change status, export as GPX, CSV or GeoJSON. */
export function patrolPlanRoutes(services: Services) {
  const { storage } = services;
  const limit = limitBody(MAX_BODY_BYTES);
  return new Hono<AppEnv>()
    .post('/', limit, async (c) => {
      const request = parsePlanRequest(await jsonBody(c.req.raw));
      const plan = await generatePlan(storage.features, services.work, request);
      const now = new Date().toISOString();
      const saved: SavedPlan = { id: randomUUID(), name: request.name.normalize('NFC'), status: 'draft', createdAt: now, updatedAt: now, startDate: request.startDate, endDate: request.endDate, body: plan as unknown as Record<string, unknown> };
      await transact(services, actorOf(c), {
        read: nothing,
        apply: async (tx) => {
          await tx.plans.save(saved);
          return applied(saved, [{ action: 'create', targetType: 'patrol_plans', targetId: saved.id, after: { name: saved.name, status: saved.status } }]);
        },
      });
      return c.json(view(saved), 201, { Location: `/api/patrol-plans/${saved.id}` });
    })
    .get('/', async (c) => {
      rejectUnknownParameters(new URL(c.req.url).searchParams, ['f']);
      return c.json({ plans: (await storage.plans.list()).map(summary) });
    })
    .get('/:id', async (c) => c.json(view(await planOr404(storage.plans, c.req.param('id')))))
    .patch('/:id', limit, async (c) => {
      const body = await jsonObject(c.req.raw);
      if (Object.keys(body).some((key) => key !== 'status')) throw new InvalidBody('the body must be { "status": … } only');
      if (!PLAN_STATUSES.includes(body.status as PlanStatus)) throw new InvalidParameter('status', `status must be one of ${PLAN_STATUSES.join(', ')}`);
      const updated = await transact(services, actorOf(c), {
        read: (tx) => planOr404(tx.plans, c.req.param('id')),
        apply: async (tx, before) => {
          const saved = (await tx.plans.setStatus(before.id, body.status as PlanStatus, new Date().toISOString()))!;
          return applied(saved, [{ action: 'update', targetType: 'patrol_plans', targetId: saved.id, before: { status: before.status }, after: { status: saved.status } }]);
        },
      });
      return c.json(view(updated));
    })
    .get('/:id/export', async (c) => {
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['format']);
      const saved = await planOr404(storage.plans, c.req.param('id'));
      const file = planExport(saved, search.get('format'));
      await auditRead(services, actorOf(c), { action: 'export', targetType: 'patrol_plans', targetId: saved.id, details: { format: search.get('format') } });
      return c.body(file.content, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    });
}
