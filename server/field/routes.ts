import { Hono } from 'hono';
import { distance } from '@turf/turf';
import { z } from 'zod';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { actorName } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { FINDING_KINDS } from '../collections/vocabulary.ts';
import { InvalidBody, InvalidParameter, NotFound } from '../errors.ts';
import { jsonObjectWithText, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { earlierAnswer, IDEMPOTENCY_HEADER, keyedAnswer, keyedWrite, once, type KeyedWrite } from '../http/idempotency.ts';
import { checkIncidentFiling, incidentFields } from '../incidents/filing.ts';
import { createIncident } from '../incidents/service.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import { VISIT_RADIUS_METERS } from '../patrol-tracks/measure.ts';
import { MAX_PHOTO_BYTES, parsePhoto } from '../photos/photo.ts';
import type { Services } from '../services.ts';
import { createSqliteFieldStore } from '../storage/sqlite/field-sql.ts';
import { createSqliteIdempotencyStore } from '../storage/sqlite/idempotency-sql.ts';
import { createSqlitePhotoStore } from '../storage/sqlite/photo-sql.ts';
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
  const { db, plans, audit } = services;
  const field = createSqliteFieldStore(db);
  const photos = createSqlitePhotoStore(db);
  const idempotency = createSqliteIdempotencyStore(db);
  const approvedPlan = (id: string) => {
    const plan = plans.get(id);
    if (!plan) throw new InvalidBody(`patrol plan "${id}" does not exist`, { problems: [{ path: 'planId', message: 'no such plan' }] });
    if (plan.status !== 'approved') throw new InvalidBody(`patrol plan "${id}" is ${plan.status}, not approved`, { problems: [{ path: 'planId', message: `plan is ${plan.status}` }] });
    return plan;
  };
  return new Hono<AppEnv>()
    .get('/assignments', (c) => {
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['date']);
      const date = search.get('date') ?? new Date(services.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new InvalidParameter('date', 'date must be YYYY-MM-DD');
      return c.json({ date, assignments: assignmentsOn(plans.list(), date) });
    })
    .post('/visits', limitBody(8 * 1024), async (c) => {
      const principal = c.get('principal');
      const { text, body: raw } = await jsonObjectWithText(c.req.raw);
      const keyed = requiredKey(keyedWrite(c, principal, text));
      const replay = earlierAnswer(idempotency, keyed);
      if (replay) return keyedAnswer(c, replay);
      const body = parseWith(newVisit, raw);
      const plan = approvedPlan(body.planId);
      const assignment = assignmentsOn([plan], body.date).find((candidate: Assignment) => candidate.shift === body.shift && candidate.unitName === body.unitName);
      const stop = assignment?.stops.find((candidate) => candidate.order === body.stopOrder);
      if (!stop) throw new InvalidBody(`the plan has no stop ${body.stopOrder} for ${body.unitName} on ${body.date}, shift ${body.shift}`, { problems: [{ path: 'stopOrder', message: 'no such stop' }] });
      const meters = distance([stop.lon, stop.lat], [body.lon, body.lat], { units: 'meters' });
      if (meters > VISIT_RADIUS_METERS) throw new InvalidBody(`the check-in is ${Math.round(meters)} m from the stop; it must be within ${VISIT_RADIUS_METERS} m`, { problems: [{ path: 'lon', message: 'too far from the stop' }] });
      if (Date.parse(body.confirmedAt) < Date.parse(body.arrivedAt)) throw new InvalidBody('confirmedAt is before arrivedAt', { problems: [{ path: 'confirmedAt', message: 'before arrival' }] });
      const at = services.now().toISOString();
      const answer = db.transaction(() => once(idempotency, keyed, at, () => {
        const visit = field.addVisit({
          clientId: keyed.key, planId: plan.id, date: body.date, shift: body.shift, unitName: body.unitName, stopOrder: stop.order, targetId: stop.targetId,
          targetName: stop.targetName, arrivedAt: body.arrivedAt, confirmedAt: body.confirmedAt, dwellSeconds: body.dwellSeconds, lon: body.lon, lat: body.lat,
          accuracyMeters: body.accuracyMeters ?? null, distanceMeters: Math.round(meters * 10) / 10, officer: actorName(principal), receivedAt: at,
        });
        audit.append({ principal, action: 'create', targetType: 'field_visits', targetId: visit.id, details: { plan: plan.id, stop: stop.order }, ip: c.get('clientAddress') });
        return { status: 201, body: visit };
      }))();
      return keyedAnswer(c, answer);
    })
    .post('/findings', limitBody(MAX_FINDING_BYTES), async (c) => {
      const principal = c.get('principal');
      const { text, body: raw } = await jsonObjectWithText(c.req.raw);
      const keyed = requiredKey(keyedWrite(c, principal, text));
      const replay = earlierAnswer(idempotency, keyed);
      if (replay) return keyedAnswer(c, replay);
      const body = parseWith(newFinding, raw);
      const plan = approvedPlan(body.planId);
      if (body.kind === 'cable_damaged' && !body.incident) throw new InvalidBody('damage to the network is filed as an incident: give its type', { problems: [{ path: 'incident', message: 'required for cable_damaged' }] });
      if (body.kind === 'nothing_found' && body.incident) throw new InvalidBody('"nothing found" cannot be an incident', { problems: [{ path: 'incident', message: 'not for nothing_found' }] });
      const photo = body.photo ? parsePhoto(body.photo) : null;
      const description = [body.note, `Phát hiện khi tuần tra theo kế hoạch "${plan.name}"`].filter(Boolean).join(' — ');
      const incident = body.incident ? checkIncidentFiling(services, principal, { ...body.incident, lon: body.lon, lat: body.lat, occurredAt: body.observedAt, description }, 'patrol') : null;
      const at = services.now().toISOString();
      const answer = db.transaction(() => once(idempotency, keyed, at, () => {
        const filed = incident ? createIncident(services, principal, incident) : null;
        const finding = field.addFinding({
          clientId: keyed.key, planId: plan.id, visitClientId: body.visitId ?? null, kind: body.kind, note: body.note?.normalize('NFC') || null,
          lon: body.lon, lat: body.lat, observedAt: body.observedAt, incidentId: filed?.id ?? null, officer: actorName(principal), receivedAt: at,
        });
        if (photo) photos.add('field_finding', finding.id, photo, at);
        audit.append({ principal, action: 'create', targetType: 'field_findings', targetId: finding.id, details: { plan: plan.id, kind: body.kind, incident: filed?.id ?? null }, ip: c.get('clientAddress') });
        return { status: 201, body: { ...finding, photo: photo ? `/api/field/findings/${finding.id}/photo` : null } };
      }))();
      return keyedAnswer(c, answer);
    })
    .get('/plans/:id/records', (c) => {
      const plan = plans.get(c.req.param('id'));
      if (!plan) throw new NotFound(`patrol plan "${c.req.param('id')}" does not exist`);
      const findings = field.findings(plan.id);
      const withPhoto = photos.owners('field_finding', findings.map((finding) => finding.id));
      return c.json({
        planId: plan.id, visits: field.visits(plan.id),
        findings: findings.map((finding) => ({ ...finding, photo: withPhoto.has(finding.id) ? `/api/field/findings/${finding.id}/photo` : null })),
      });
    })
    .get('/findings/:id/photo', (c) => {
      const id = c.req.param('id');
      const photo = /^\d{1,12}$/.test(id) ? photos.get('field_finding', Number(id)) : undefined;
      if (!photo) throw new NotFound(`finding ${id} has no photo`, { id });
      return c.body(new Uint8Array(photo.bytes), 200, { 'Content-Type': photo.mediaType, 'Cache-Control': 'private, no-store' });
    });
}
