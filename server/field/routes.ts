import { Hono } from 'hono';
import { distance } from '@turf/turf';
import { z } from 'zod';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { actorName, hasRole } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { FINDING_KINDS } from '../collections/vocabulary.ts';
import { InvalidBody, InvalidParameter, NotFound } from '../errors.ts';
import { jsonObjectWithText, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { earlierAnswer, IDEMPOTENCY_HEADER, keyedAnswer, keyedWrite, once, type KeyedWrite } from '../http/idempotency.ts';
import { actorOf } from '../http/actor.ts';
import { auditRead } from '../audit/log.ts';
import { provinceOutline } from '../geometry/province.ts';
import { checkIncidentFiling, incidentFields } from '../incidents/filing.ts';
import { fileIncident } from '../incidents/service.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import { VISIT_RADIUS_METERS } from '../patrol-tracks/measure.ts';
import { MAX_PHOTO_BYTES, parsePhoto } from '../photos/photo.ts';
import type { Services } from '../services.ts';
import type { PatrolPlanStore } from '../storage/patrol-plans.ts';
import { applied, transact } from '../writes/transact.ts';
import { assignmentsOn, type Assignment } from './assignments.ts';

export const FIELD_RULES: RouteRule[] = [
  rule('GET', '/api/field/assignments', POLICE),
  rule('POST', '/api/field/visits', POLICE),
  rule('POST', '/api/field/findings', POLICE),
  rule('GET', '/api/field/plans/:id/records', SECURITY),
  rule('GET', '/api/field/findings/:id/photo', POLICE),
];


const instant = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), 'an ISO 8601 date-time');
const position = { lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), accuracyMeters: z.number().min(0).max(10_000).optional() };
const newVisit = z.object({
  planId: z.string().min(1).max(64), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), shift: z.number().int().min(1).max(3), unitName: z.string().min(1).max(200),
  stopOrder: z.number().int().min(1), arrivedAt: instant, confirmedAt: instant, dwellSeconds: z.number().int().min(0).max(86_400), ...position,
}).strict();
const newFinding = z.object({
  planId: z.string().min(1).max(64), visitId: z.uuid().optional(), kind: z.enum(FINDING_KINDS), note: z.string().trim().max(2000).optional(),
  observedAt: instant, ...position,
  photo: z.object({ mediaType: z.literal('image/jpeg'), data: z.string() }).strict().optional(),
  incident: z.object(incidentFields).strict().optional(),
}).strict();
const MAX_FINDING_BYTES = 16 * 1024 + Math.ceil(MAX_PHOTO_BYTES / 3) * 4;

/** The key every field write must carry: the phone queues each write under it, and a replay must not file twice. */
function requiredKey(keyed: KeyedWrite | null): KeyedWrite {
  if (!keyed) throw new InvalidParameter(IDEMPOTENCY_HEADER, `field writes carry an ${IDEMPOTENCY_HEADER} (a UUID made on the phone when the write was queued)`);
  return keyed;
}

/**
 * `/api/field`: the patrol field app — today's assignments from approved plans, check-ins within 150 m of a stop,
 * and findings (an incident finding is filed through the same rules as POST /api/incidents, with source `patrol`).
 * Every write is keyed by the phone's UUID, so a replayed outbox files nothing twice.
 */
export function fieldRoutes(services: Services) {
  const { storage } = services;
  const approvedPlan = async (plans: PatrolPlanStore, id: string) => {
    const plan = await plans.get(id);
    if (!plan) throw new InvalidBody(`patrol plan "${id}" does not exist`, { problems: [{ path: 'planId', message: 'no such plan' }] });
    if (plan.status !== 'approved') throw new InvalidBody(`patrol plan "${id}" is ${plan.status}, not approved`, { problems: [{ path: 'planId', message: `plan is ${plan.status}` }] });
    return plan;
  };
  return new Hono<AppEnv>()
    .get('/assignments', async (c) => {
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['date']);
      const date = search.get('date') ?? new Date(services.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new InvalidParameter('date', 'date must be YYYY-MM-DD');
      return c.json({ date, assignments: assignmentsOn(await storage.plans.list(), date) });
    })
    .post('/visits', limitBody(8 * 1024), async (c) => {
      const principal = c.get('principal');
      const { text, body: raw } = await jsonObjectWithText(c.req.raw);
      const keyed = requiredKey(keyedWrite(c, principal, text));
      const replay = await earlierAnswer(storage.idempotency, keyed);
      if (replay) return keyedAnswer(c, replay);
      const body = parseWith(newVisit, raw);
      if (Date.parse(body.confirmedAt) < Date.parse(body.arrivedAt)) throw new InvalidBody('confirmedAt is before arrivedAt', { problems: [{ path: 'confirmedAt', message: 'before arrival' }] });
      const at = services.now().toISOString();
      const answer = await transact(services, actorOf(c), {
        // The plan and its stop are read in the transaction that records the check-in.
        read: async (tx) => {
          const plan = await approvedPlan(tx.plans, body.planId);
          const assignment = assignmentsOn([plan], body.date).find((candidate: Assignment) => candidate.shift === body.shift && candidate.unitName === body.unitName);
          const stop = assignment?.stops.find((candidate) => candidate.order === body.stopOrder);
          if (!stop) throw new InvalidBody(`the plan has no stop ${body.stopOrder} for ${body.unitName} on ${body.date}, shift ${body.shift}`, { problems: [{ path: 'stopOrder', message: 'no such stop' }] });
          const meters = distance([stop.lon, stop.lat], [body.lon, body.lat], { units: 'meters' });
          if (meters > VISIT_RADIUS_METERS) throw new InvalidBody(`the check-in is ${Math.round(meters)} m from the stop; it must be within ${VISIT_RADIUS_METERS} m`, { problems: [{ path: 'lon', message: 'too far from the stop' }] });
          return { plan, stop, meters };
        },
        apply: (tx, { plan, stop, meters }) => once(tx, keyed, at, async () => {
          const visit = await tx.field.addVisit({
            clientId: keyed.key, planId: plan.id, date: body.date, shift: body.shift, unitName: body.unitName, stopOrder: stop.order, targetId: stop.targetId,
            targetName: stop.targetName, arrivedAt: body.arrivedAt, confirmedAt: body.confirmedAt, dwellSeconds: body.dwellSeconds, lon: body.lon, lat: body.lat,
            accuracyMeters: body.accuracyMeters ?? null, distanceMeters: Math.round(meters * 10) / 10, officer: actorName(principal), receivedAt: at,
          });
          return applied({ status: 201, body: visit }, [{ action: 'create', targetType: 'field_visits', targetId: visit.id, details: { plan: plan.id, stop: stop.order } }]);
        }),
      });
      return keyedAnswer(c, answer);
    })
    .post('/findings', limitBody(MAX_FINDING_BYTES), async (c) => {
      const principal = c.get('principal');
      const { text, body: raw } = await jsonObjectWithText(c.req.raw);
      const keyed = requiredKey(keyedWrite(c, principal, text));
      const replay = await earlierAnswer(storage.idempotency, keyed);
      if (replay) return keyedAnswer(c, replay);
      const body = parseWith(newFinding, raw);
      if (body.kind === 'cable_damaged' && !body.incident) throw new InvalidBody('damage to the network is filed as an incident: give its type', { problems: [{ path: 'incident', message: 'required for cable_damaged' }] });
      if (body.kind === 'nothing_found' && body.incident) throw new InvalidBody('"nothing found" cannot be an incident', { problems: [{ path: 'incident', message: 'not for nothing_found' }] });
      const photo = body.photo ? parsePhoto(body.photo) : null;
      const now = services.now();
      const at = now.toISOString();
      const context = { province: await provinceOutline(storage.features), now };
      const answer = await transact(services, actorOf(c), {
        read: async (tx) => {
          const plan = await approvedPlan(tx.plans, body.planId);
          const description = [body.note, `Phát hiện khi tuần tra theo kế hoạch "${plan.name}"`].filter(Boolean).join(' — ');
          const incident = body.incident ? await checkIncidentFiling(tx.features, context, principal, { ...body.incident, lon: body.lon, lat: body.lat, occurredAt: body.observedAt, description }, 'patrol') : null;
          return { plan, incident };
        },
        apply: (tx, { plan, incident }) => once(tx, keyed, at, async () => {
          const filed = incident ? await fileIncident(tx, principal, incident, now) : null;
          const finding = await tx.field.addFinding({
            clientId: keyed.key, planId: plan.id, visitClientId: body.visitId ?? null, kind: body.kind, note: body.note?.normalize('NFC') || null,
            lon: body.lon, lat: body.lat, observedAt: body.observedAt, incidentId: filed?.result.id ?? null, officer: actorName(principal), receivedAt: at,
          });
          if (photo) await tx.photos.add('field_finding', finding.id, photo, at);
          return applied({ status: 201, body: { ...finding, photo: photo ? `/api/field/findings/${finding.id}/photo` : null } }, [
            ...(filed?.audit ?? []),
            { action: 'create', targetType: 'field_findings', targetId: finding.id, details: { plan: plan.id, kind: body.kind, incident: filed?.result.id ?? null } },
          ], filed?.events ?? []);
        }),
      });
      return keyedAnswer(c, answer);
    })
    .get('/plans/:id/records', async (c) => {
      const plan = await storage.plans.get(c.req.param('id'));
      if (!plan) throw new NotFound(`patrol plan "${c.req.param('id')}" does not exist`);
      const findings = await storage.field.findings(plan.id);
      const withPhoto = await storage.photos.owners('field_finding', findings.map((finding) => finding.id));
      // The photos are the police's (as a case's are): the department reads that a finding has one, not a link it may not open.
      const mayOpen = hasRole(c.get('principal'), 'admin', 'police_planner');
      const photoOf = (id: number) => (!withPhoto.has(id) ? null : mayOpen ? `/api/field/findings/${id}/photo` : 'hidden');
      return c.json({
        planId: plan.id, visits: await storage.field.visits(plan.id),
        findings: findings.map((finding) => ({ ...finding, photo: photoOf(finding.id) })),
      });
    })
    .get('/findings/:id/photo', async (c) => {
      const id = c.req.param('id');
      const photo = /^\d{1,12}$/.test(id) ? await storage.photos.get('field_finding', Number(id)) : undefined;
      if (!photo) throw new NotFound(`finding ${id} has no photo`, { id });
      // Like the hotline's photos: who looked at a patrol's photo is on record.
      await auditRead(services, actorOf(c), { action: 'read', targetType: 'field_findings', targetId: Number(id), details: { photo: true } });
      return c.body(new Uint8Array(photo.bytes), 200, { 'Content-Type': photo.mediaType, 'Cache-Control': 'private, no-store' });
    });
}
