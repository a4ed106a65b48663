import { randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { patrolPlan, type PatrolPlan } from '../analysis/patrol-plan/index.ts';
import { loadCollection } from '../analysis-api/context.ts';
import { hotspotAnalysis, parseHotspotSettings } from '../analysis-api/hotspots.ts';
import { parseSelection } from '../analysis-api/params.ts';
import { AppError, InvalidParameter, NotFound } from '../errors.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import type { FeatureProvider } from '../storage/provider.ts';
import { planExport } from './export.ts';
import { parsePlanRequest, type PlanRequest } from './request.ts';
import { PLAN_STATUSES, type PatrolPlanStore, type PlanStatus, type SavedPlan } from './store.ts';
import { planTargets } from './targets.ts';

const MAX_BODY_BYTES = 64 * 1024;

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError(400, 'InvalidBody', 'the body must be JSON');
  }
}

function generate(provider: FeatureProvider, request: PlanRequest): PatrolPlan {
  const selection = parseSelection(Object.fromEntries(Object.entries(request.selection ?? {}).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value])), provider);
  const analysis = hotspotAnalysis(provider, selection, parseHotspotSettings(new URLSearchParams()));
  const zones = loadCollection<Polygon | MultiPolygon>(provider, 'key_targets');
  const targets = planTargets(analysis.hotspots.features as Feature<Polygon | MultiPolygon, { rank: number; score: number }>[], zones.features);
  const stations = loadCollection<Point, { name: string }>(provider, 'police_stations');
  const bases = stations.features.map((station) => ({ id: `police-station-${station.id}`, name: station.properties.name, point: station.geometry.coordinates as [number, number] }));
  const roads = loadCollection<LineString | MultiLineString>(provider, 'roads') as FeatureCollection<LineString | MultiLineString>;
  return patrolPlan({ targets, bases, roads }, {
    startDate: request.startDate, endDate: request.endDate, units: request.units, shiftsPerDay: request.shiftsPerDay,
    surpriseShare: request.surpriseShare, stopsPerShift: request.stopsPerShift, dwellMinutes: request.dwellMinutes,
    seed: request.seed ?? randomBytes(16).toString('hex'),
  });
}

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
export function patrolPlanRoutes(provider: FeatureProvider, plans: PatrolPlanStore) {
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new AppError(400, 'BodyTooLarge', `the body must be at most ${MAX_BODY_BYTES} bytes`); } });
  return new Hono()
    .post('/', limit, async (c) => {
      const request = parsePlanRequest(await jsonBody(c.req.raw));
      const plan = generate(provider, request);
      const now = new Date().toISOString();
      const saved: SavedPlan = { id: randomUUID(), name: request.name, status: 'draft', createdAt: now, updatedAt: now, startDate: request.startDate, endDate: request.endDate, body: plan as unknown as Record<string, unknown> };
      plans.save(saved);
      return c.json(view(saved), 201, { Location: `/api/patrol-plans/${saved.id}` });
    })
    .get('/', (c) => {
      rejectUnknownParameters(new URL(c.req.url).searchParams, ['f']);
      return c.json({ plans: plans.list().map(summary) });
    })
    .get('/:id', (c) => c.json(view(planOr404(plans, c.req.param('id')))))
    .patch('/:id', limit, async (c) => {
      planOr404(plans, c.req.param('id'));
      const body = (await jsonBody(c.req.raw)) as { status?: unknown };
      if (typeof body !== 'object' || body === null || Object.keys(body).some((key) => key !== 'status')) throw new AppError(400, 'InvalidBody', 'the body must be { "status": … } only');
      if (!PLAN_STATUSES.includes(body.status as PlanStatus)) throw new InvalidParameter('status', `status must be one of ${PLAN_STATUSES.join(', ')}`);
      return c.json(view(plans.setStatus(c.req.param('id'), body.status as PlanStatus, new Date().toISOString())!));
    })
    .get('/:id/export', (c) => {
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['format']);
      const saved = planOr404(plans, c.req.param('id'));
      const file = planExport(saved, search.get('format'));
      return c.body(file.content, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    });
}
