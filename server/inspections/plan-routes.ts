import { Hono } from 'hono';
import { DIC, SECURITY } from '../auth/audiences.ts';
import { actorName } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import type { Problem } from '../collections/property-problems.ts';
import { AppError, Conflict, NotFound, PreconditionFailed } from '../errors.ts';
import { provinceOutline } from '../geometry/province.ts';
import { AREA_INSPECTION_LIMIT, countCoordinates, requireGeometryWithin } from '../geometry/limits.ts';
import { actorOf } from '../http/actor.ts';
import { conditionTags, tagMatches } from '../http/etag.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import type { InspectionPlan, InspectionPlanStore, InspectionTarget, PlanItemRecord } from '../storage/inspections.ts';
import { applied, transact } from '../writes/transact.ts';
import { areaProblems } from './check.ts';
import { planItemTag, presentPlan, presentPlanItem } from './plan-status.ts';
import { localToday } from './record.ts';
import { planBody, planItemBody, planItemChange, type PlanBody, type PlanItemBody } from './schema.ts';
import { resolveTarget } from './target.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export const INSPECTION_PLAN_RULES: RouteRule[] = [
  rule('POST', '/api/inspection-plans', DIC),
  rule('GET', '/api/inspection-plans', SECURITY),
  rule('GET', '/api/inspection-plans/:id', SECURITY),
  rule('POST', '/api/inspection-plans/:id/items', DIC),
  rule('PATCH', '/api/inspection-plans/:id/items/:itemId', DIC),
  rule('DELETE', '/api/inspection-plans/:id/items/:itemId', DIC),
  rule('POST', '/api/inspection-plans/:id/items/:itemId/restore', DIC),
];

/** A plan's period holds at most a year: the directive's reporting runs by half-years. */
const MAX_PERIOD_DAYS = 366;

/** Every problem with one item of a plan of period `from`–`to`, given its target as stored (undefined when it does not exist). */
export function planItemProblems(item: PlanItemBody, target: InspectionTarget | undefined, period: { from: string; to: string }, province: Feature<Polygon | MultiPolygon> | undefined, at: string): Problem[] {
  const problems: Problem[] = [];
  if (item.date < period.from || item.date > period.to) problems.push({ path: `${at}date`, message: "outside the plan's period" });
  if (new Set(item.agencies).size !== item.agencies.length) problems.push({ path: `${at}agencies`, message: 'an agency is listed twice' });
  if (!target) problems.push({ path: `${at}target`, message: 'the target does not exist' });
  else if (target.kind === 'area') problems.push(...areaProblems(target.area!, province, `${at}target.area`));
  return problems;
}

/** Every problem with a plan, given its items' targets as stored. */
export function planProblems(body: PlanBody, targets: (InspectionTarget | undefined)[], province: Feature<Polygon | MultiPolygon> | undefined): Problem[] {
  const problems: Problem[] = [];
  if (body.to < body.from) problems.push({ path: 'to', message: 'the period ends before it starts' });
  else if ((Date.parse(body.to) - Date.parse(body.from)) / 86_400_000 + 1 > MAX_PERIOD_DAYS) problems.push({ path: 'to', message: `a plan covers at most ${MAX_PERIOD_DAYS} days` });
  body.items.forEach((item, index) => problems.push(...planItemProblems(item, targets[index], body, province, `items.${index}.`)));
  return problems;
}

/** Positions of all the drawn areas of one plan together: each is checked for self-crossings in the request. */
const PLAN_AREA_POSITIONS = 4 * AREA_INSPECTION_LIMIT.maxPositions;

/** 413 unless every drawn area of the body, and all of them together, stay within the limits (before anything checks their shape). */
function boundAreas(items: unknown[], at: (index: number) => string): void {
  let positions = 0;
  items.forEach((item, index) => {
    const area = (item as { target?: { area?: { coordinates?: unknown } } } | null)?.target?.area;
    if (area === undefined) return;
    requireGeometryWithin(area, `${at(index)}target.area`, AREA_INSPECTION_LIMIT);
    positions += countCoordinates(area?.coordinates).positions;
  });
  if (positions > PLAN_AREA_POSITIONS) {
    throw new AppError(413, 'GeometryTooComplex', `the plan's areas have ${positions} positions together (at most ${PLAN_AREA_POSITIONS}); split the plan`, { path: 'items', maxPositions: PLAN_AREA_POSITIONS });
  }
}

/** The plan of a path's id, or a 404. */
async function planOr404(plans: InspectionPlanStore, raw: string) {
  const plan = /^\d{1,12}$/.test(raw) ? await plans.get(Number(raw)) : undefined;
  if (!plan) throw new NotFound(`inspection plan ${raw} does not exist`);
  return plan;
}

/** The item of a path's plan and item ids (removed ones when `removed`), or a 404: an item of another plan is not this plan's. */
async function itemOr404(plans: InspectionPlanStore, rawPlan: string, rawItem: string, removed = false): Promise<{ plan: InspectionPlan; item: PlanItemRecord }> {
  const plan = await planOr404(plans, rawPlan);
  const id = /^\d{1,12}$/.test(rawItem) ? Number(rawItem) : undefined;
  const item = id === undefined ? undefined : removed ? await plans.removedItem(id) : await plans.item(id);
  if (!item || item.planId !== plan.id) throw new NotFound(removed ? `plan ${plan.id} has no removed item ${rawItem} to restore` : `plan ${plan.id} has no item ${rawItem}`);
  return { plan, item };
}

/** Agencies that have recorded their inspection against the item: they stay on it (their record points at it). */
const recordedAgencies = (item: PlanItemRecord) => [...new Set(item.recorded.map((done) => done.agency))];

/**
 * `/api/inspection-plans`: the department plans joint inspections (who, where, when) for a period, with items then or
 * later; security staff follow them.
 */
export function inspectionPlanRoutes(services: Services) {
  const { storage, now } = services;
  return new Hono<AppEnv>()
    .post('/', limitBody(512 * 1024), async (c) => {
      const raw = await jsonObject(c.req.raw);
      boundAreas(Array.isArray(raw.items) ? raw.items.slice(0, 200) : [], (index) => `items.${index}.`);
      const body = parseWith(planBody, raw);
      const province = await provinceOutline(storage.features);
      const principal = c.get('principal');
      const created = await transact(services, actorOf(c), {
        read: async (tx) => {
          const targets: (InspectionTarget | undefined)[] = [];
          for (const item of body.items) targets.push(await resolveTarget(tx.features, item.target));
          return targets;
        },
        check: (targets) => planProblems(body, targets, province),
        apply: async (tx, targets) => {
          const plan = await tx.inspectionPlans.create(
            { title: body.title, from: body.from, to: body.to, notes: body.notes ?? null, createdBy: actorName(principal), createdAt: now().toISOString() },
            body.items.map((item, index) => ({ target: targets[index]!, agencies: item.agencies, date: item.date, notes: item.notes ?? null })),
          );
          return applied(plan, [{ action: 'create', targetType: 'inspection_plans', targetId: plan.id, after: plan }]);
        },
      });
      return c.json(presentPlan(created, localToday(now())), 201);
    })
    .post('/:id/items', limitBody(64 * 1024), async (c) => {
      const raw = await jsonObject(c.req.raw);
      boundAreas([raw], () => '');
      const body = parseWith(planItemBody, raw);
      const province = await provinceOutline(storage.features);
      const added = await transact(services, actorOf(c), {
        read: async (tx) => {
          const plan = await planOr404(tx.inspectionPlans, c.req.param('id'));
          return { plan, target: await resolveTarget(tx.features, body.target) };
        },
        check: ({ plan, target }) => planItemProblems(body, target, plan, province, ''),
        apply: async (tx, { plan, target }) => {
          const item = await tx.inspectionPlans.addItem(plan.id, { target: target!, agencies: body.agencies, date: body.date, notes: body.notes ?? null });
          return applied(item, [{ action: 'create', targetType: 'inspection_plan_items', targetId: item.id, after: item }]);
        },
      });
      return c.json(presentPlanItem(added, localToday(now())), 201);
    })
    .patch('/:id/items/:itemId', limitBody(16 * 1024), async (c) => {
      const change = parseWith(planItemChange, await jsonObject(c.req.raw));
      const expected = conditionTags(c.req.header('If-Match'));
      const changed = await transact(services, actorOf(c), {
        read: async (tx) => {
          const found = await itemOr404(tx.inspectionPlans, c.req.param('id'), c.req.param('itemId'));
          const current = planItemTag(found.item);
          if (expected && !tagMatches(expected, current)) throw new PreconditionFailed(`item ${found.item.id} was changed by someone else since you opened it`, { etag: current });
          return found;
        },
        check: ({ plan, item }) => {
          const next = { agencies: change.agencies ?? item.agencies, date: change.date ?? item.date };
          const problems: Problem[] = [];
          if (next.date < plan.from || next.date > plan.to) problems.push({ path: 'date', message: "outside the plan's period" });
          if (new Set(next.agencies).size !== next.agencies.length) problems.push({ path: 'agencies', message: 'an agency is listed twice' });
          const dropped = recordedAgencies(item).filter((agency) => !next.agencies.includes(agency));
          if (dropped.length > 0) problems.push({ path: 'agencies', message: `${dropped.join(', ')} already recorded an inspection against this item and stay on it` });
          return problems;
        },
        apply: async (tx, { item }) => {
          const after = await tx.inspectionPlans.updateItem(item.id, {
            agencies: change.agencies ?? item.agencies, date: change.date ?? item.date, notes: change.notes === undefined ? item.notes : change.notes,
          });
          return applied(after, [{ action: 'update', targetType: 'inspection_plan_items', targetId: item.id, before: item, after }]);
        },
      });
      const answer = presentPlanItem(changed, localToday(now()));
      c.header('ETag', answer.etag);
      return c.json(answer);
    })
    // A removal is kept, so it can be undone (`…/restore`); an item an agency has already carried out stays.
    .delete('/:id/items/:itemId', async (c) => {
      await transact(services, actorOf(c), {
        read: async (tx) => {
          const found = await itemOr404(tx.inspectionPlans, c.req.param('id'), c.req.param('itemId'));
          const done = recordedAgencies(found.item);
          if (done.length > 0) throw new Conflict(`${done.join(', ')} already recorded an inspection against item ${found.item.id}; it stays in the plan`, { recorded: found.item.recorded });
          return found;
        },
        apply: async (tx, { item }) => {
          await tx.inspectionPlans.removeItem(item.id, now().toISOString());
          return applied(null, [{ action: 'delete', targetType: 'inspection_plan_items', targetId: item.id, before: item }]);
        },
      });
      return c.body(null, 204);
    })
    .post('/:id/items/:itemId/restore', async (c) => {
      const restored = await transact(services, actorOf(c), {
        read: (tx) => itemOr404(tx.inspectionPlans, c.req.param('id'), c.req.param('itemId'), true),
        apply: async (tx, { item }) => {
          const after = await tx.inspectionPlans.restoreItem(item.id);
          return applied(after, [{ action: 'create', targetType: 'inspection_plan_items', targetId: item.id, after, details: { restored: true } }]);
        },
      });
      return c.json(presentPlanItem(restored, localToday(now())), 201);
    })
    .get('/', async (c) => {
      const today = localToday(now());
      return c.json({ plans: (await storage.inspectionPlans.list()).map((plan) => presentPlan(plan, today)) });
    })
    .get('/:id', async (c) => {
      return c.json(presentPlan(await planOr404(storage.inspectionPlans, c.req.param('id')), localToday(now())));
    });
}
