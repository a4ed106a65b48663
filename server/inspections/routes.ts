import { Hono } from 'hono';
import { z } from 'zod';
import { POLICE } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { NotFound } from '../errors.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { actorOf } from '../http/actor.ts';
import type { Decision, Finding } from '../storage/inspections.ts';
import { requireInspectionScope } from './inspection-routes.ts';
import { recordInspection } from './record.ts';
import { calendarDate } from './schema.ts';

export const INSPECTION_RULES: RouteRule[] = [
  rule('POST', '/api/scrap-dealers/:id/inspections', POLICE),
  rule('GET', '/api/scrap-dealers/:id/inspections', ['admin', 'police_planner', 'dic_reviewer', 'viewer']),
];

const inspection = z.object({
  date: calendarDate, result: z.enum(['compliant', 'warning', 'violation']), notes: z.string().max(4000).optional(),
}).strict();

/**
 * A result of the first, simpler API as findings and a decision of the police, whose `resultOf` is that result again:
 * a warning is a decision to warn, a violation a serious finding not yet decided on.
 */
const RECORDED_AS: Record<z.infer<typeof inspection>['result'], { findings: Finding[]; decision: Decision }> = {
  compliant: { findings: [], decision: { kind: 'none' } },
  warning: { findings: [], decision: { kind: 'warning' } },
  violation: { findings: [{ kind: 'other', severity: 'serious' }], decision: { kind: 'none' } },
};

/**
 * `/api/scrap-dealers/:id/inspections`, the first inspection API (district police inspecting scrap dealers for cable
 * of unknown origin), kept as a view onto inspections by agency: a police inspection of the dealer, listed with the
 * dealer's inspections by every agency.
 */
export function inspectionRoutes(services: Services) {
  const { storage } = services;
  const dealerOr404 = async (raw: string) => {
    const dealer = /^\d{1,12}$/.test(raw) ? await storage.features.get('scrap_dealers', Number(raw)) : undefined;
    if (!dealer) throw new NotFound(`scrap dealer ${raw} does not exist`);
    return dealer;
  };
  return new Hono<AppEnv>()
    .post('/:id/inspections', limitBody(16 * 1024), async (c) => {
      const body = parseWith(inspection, await jsonObject(c.req.raw));
      const dealer = await dealerOr404(c.req.param('id'));
      const stored = await recordInspection(services, actorOf(c), {
        target: { collection: 'scrap_dealers', id: dealer.id }, agency: 'police', jointWith: [], date: body.date, ...RECORDED_AS[body.result],
        ...(body.notes?.trim() ? { notes: body.notes.trim().normalize('NFC') } : {}),
      }, undefined);
      return c.json({ id: stored.id, dealerId: dealer.id, date: stored.date, result: stored.result, notes: stored.notes }, 201);
    })
    .get('/:id/inspections', async (c) => {
      const scope = requireInspectionScope(c.get('principal'));
      const dealer = await dealerOr404(c.req.param('id'));
      const { inspections } = await storage.inspections.query({ collection: 'scrap_dealers', targetId: dealer.id, visibleTo: scope.visibleTo, limit: 1000, offset: 0 });
      return c.json({
        dealerId: dealer.id,
        inspections: inspections.map((found) => ({
          id: found.id, date: found.date, result: found.result, notes: found.notes, recordedBy: found.recordedBy, recordedAt: found.recordedAt,
          agency: found.agency, jointWith: found.jointWith, findings: found.findings, decision: found.decision, followUpDate: found.followUpDate,
        })),
      });
    });
}
