import { Hono } from 'hono';
import { distance } from '@turf/turf';
import { z } from 'zod';
import { EVERYONE, POLICE } from '../auth/audiences.ts';
import { actorName, hasRole } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { INCIDENT_TYPES } from '../collections/vocabulary.ts';
import { AppError, Conflict, InvalidBody, InvalidParameter, NotFound, TooManyRequests } from '../errors.ts';
import { positionOutsideProvince, provinceOutline } from '../geometry/province.ts';
import { jsonObject, jsonObjectWithText, limitBody, parseWith } from '../http/body.ts';
import { earlierAnswer, keyedAnswer, keyedWrite, once } from '../http/idempotency.ts';
import { MAX_PHOTO_BYTES, parsePhoto } from '../photos/photo.ts';
import type { AppEnv } from '../http/env.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { sameOriginOnly } from '../http/same-origin.ts';
import { fileIncident, moveIncident } from '../incidents/service.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import type { Stores } from '../storage/storage.ts';
import { HOTLINE_STATUSES, type HotlineReport, type HotlineStatus } from '../storage/hotline.ts';
import { applied, nothing, transact } from '../writes/transact.ts';
import { parseLimit, rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import type { AreaConfig } from '../deployment/area.ts';
import { areaInEnglish } from '../deployment/area-text.ts';
import { newTrackingCode } from './tracking-code.ts';

export const HOTLINE_RULES: RouteRule[] = [
  rule('POST', '/api/hotline/reports', EVERYONE),
  rule('GET', '/api/hotline/reports/track/:code', EVERYONE),
  rule('GET', '/api/hotline/reports', ['admin', 'police_planner', 'dic_reviewer']),
  rule('POST', '/api/hotline/reports/:id/convert', POLICE),
  rule('POST', '/api/hotline/reports/:id/close', POLICE),
  // The reporter's photo, like the contact, is for the police who act on the report.
  rule('GET', '/api/hotline/reports/:id/photo', POLICE),
];

export const REPORTS_PER_WINDOW = 5;
const WINDOW_MS = 10 * 60 * 1000;
export const MAX_REPORT_BYTES = 8 * 1024;
/** A report with a photo: the report's 8 KB and the photo's base64 (4/3 of at most 1 MB). */
export const MAX_REQUEST_BYTES = MAX_REPORT_BYTES + Math.ceil(MAX_PHOTO_BYTES / 3) * 4;
/** Possible duplicates of a converted report: earlier incidents this close in space and time (issue 4). */
const DUPLICATE_METERS = 50, DUPLICATE_HOURS = 24;

const text = (max: number) => z.string().trim().min(1).max(max).transform((value) => value.normalize('NFC'));
const newReport = z.object({
  lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90),
  seenAt: z.string().refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), 'an ISO 8601 date-time'),
  description: text(2000), category: z.enum(INCIDENT_TYPES).optional(),
  contact: z.object({ name: z.string().trim().max(100).optional(), phone: z.string().trim().max(20).regex(/^[0-9 +().-]*$/, 'digits only').optional() }).strict().optional(),
  photo: z.object({ mediaType: z.literal('image/jpeg'), data: z.string() }).strict().optional(),
}).strict();
const conversion = z.object({ type: z.enum(INCIDENT_TYPES), duplicateOf: z.number().int().optional(), comment: z.string().max(2000).optional() }).strict();
const closing = z.object({ reason: text(500) }).strict();

/**
 * What the public sees of its report: the state, never internal notes or the contact; `helped` once the department
 * approved a reward for it (issue 18 §2) — never the amount, the decision or anything about the case.
 */
const tracked = (report: HotlineReport, helped = false) => ({ trackingCode: report.trackingCode, status: report.status, receivedAt: report.receivedAt, closingReason: report.closingReason, helped });

/**
 * The citizen hotline: anyone files a report (throttled per client address, size-limited) and follows it by its
 * tracking code; police triage the queue — convert to an incident (with possible duplicates within 50 m and 24 h)
 * or close with a reason. The reporter's contact is shown to police only.
 */
export function hotlineRoutes(services: Services, area: AreaConfig) {
  const { storage } = services;
  const filing = createRateLimiter(storage.throttles, { name: 'hotline-filing', limit: REPORTS_PER_WINDOW, windowMs: WINDOW_MS, now: () => services.now().getTime() });
  const lookups = createRateLimiter(storage.throttles, { name: 'hotline-lookup', limit: 60, windowMs: WINDOW_MS, now: () => services.now().getTime() });
  /** The report, still waiting for triage: read inside the step's transaction, so two steps at once cannot both act. */
  const open = async (tx: Stores, id: string): Promise<HotlineReport> => {
    const report = /^\d{1,12}$/.test(id) ? await tx.hotline.get(Number(id)) : undefined;
    if (!report) throw new NotFound(`hotline report ${id} does not exist`, { id });
    if (report.status !== 'received') throw new Conflict(`the report is already ${report.status}`, { status: report.status });
    return report;
  };
  /** Settles a report that must still be received; the store refuses otherwise, and so does this. */
  const settle = async (tx: Stores, report: HotlineReport, change: Parameters<Stores['hotline']['settle']>[1]) => {
    if (!(await tx.hotline.settle(report.id, change))) throw new Conflict('the report was settled by someone else first', { status: (await tx.hotline.get(report.id))?.status });
  };
  return new Hono<AppEnv>()
    .post('/reports', sameOriginOnly(), limitBody(MAX_REQUEST_BYTES), async (c) => {
      const principal = c.get('principal');
      const { text, body: raw } = await jsonObjectWithText(c.req.raw);
      const keyed = keyedWrite(c, principal, text);
      // A phone replaying a report it queued offline is not a new report: it neither counts against the limit nor files again.
      const replay = await earlierAnswer(storage.idempotency, keyed);
      if (replay) return keyedAnswer(c, replay);
      const attempt = await filing.hit(c.get('clientAddress'));
      if (!attempt.allowed) throw new TooManyRequests(`at most ${REPORTS_PER_WINDOW} reports per 10 minutes from one address`, attempt.retryAfterSeconds);
      const photoData = (raw.photo as { data?: unknown } | undefined)?.data;
      const reportBytes = Buffer.byteLength(text) - (typeof photoData === 'string' ? photoData.length : 0);
      if (reportBytes > MAX_REPORT_BYTES) throw new AppError(413, 'BodyTooLarge', `the report without its photo must be at most ${MAX_REPORT_BYTES} bytes`, { maxBytes: MAX_REPORT_BYTES });
      const body = parseWith(newReport, raw);
      const photo = body.photo ? parsePhoto(body.photo) : null;
      if (positionOutsideProvince({ type: 'Point', coordinates: [body.lon, body.lat] }, await provinceOutline(storage.features))) throw new InvalidBody(`the place is outside ${areaInEnglish(area)}`, { problems: [{ path: 'lon', message: 'outside the province' }] });
      const seen = Date.parse(body.seenAt), now = services.now().getTime();
      if (seen > now + 5 * 60_000 || seen < now - 366 * 86_400_000) throw new InvalidBody('seenAt must be within the last year and not in the future', { problems: [{ path: 'seenAt', message: 'out of range' }] });
      const at = services.now().toISOString();
      const answer = await transact(services, actorOf(c), {
        read: nothing,
        apply: (tx) => once(tx, keyed, at, async () => {
          const added = await tx.hotline.add({
            trackingCode: newTrackingCode(), lon: body.lon, lat: body.lat, seenAt: new Date(seen).toISOString(), description: body.description, category: body.category ?? null,
            contact: body.contact?.name || body.contact?.phone ? { name: body.contact.name?.normalize('NFC') || null, phone: body.contact.phone || null } : null,
            receivedAt: at, clientAddress: c.get('clientAddress'),
          });
          if (photo) await tx.photos.add('hotline_report', added.id, photo, at);
          return applied({ status: 201, body: tracked(added) }, [{ action: 'create', targetType: 'hotline_reports', targetId: added.id, details: photo ? { photoBytes: photo.bytes.length } : undefined }]);
        }),
      });
      return keyedAnswer(c, answer);
    })
    .get('/reports/:id/photo', async (c) => {
      const id = c.req.param('id');
      const photo = /^\d{1,12}$/.test(id) ? await storage.photos.get('hotline_report', Number(id)) : undefined;
      if (!photo) throw new NotFound(`hotline report ${id} has no photo`, { id });
      await auditRead(services, actorOf(c), { action: 'read', targetType: 'hotline_reports', targetId: Number(id), details: { photo: true } });
      return c.body(new Uint8Array(photo.bytes), 200, { 'Content-Type': photo.mediaType, 'Cache-Control': 'private, no-store' });
    })
    .get('/reports/track/:code', async (c) => {
      const attempt = await lookups.hit(c.get('clientAddress'));
      if (!attempt.allowed) throw new TooManyRequests('too many lookups; try again later', attempt.retryAfterSeconds);
      const report = await storage.hotline.byCode(c.req.param('code').trim().toUpperCase());
      if (!report) throw new NotFound('no report with this tracking code');
      return c.json(tracked(report, (await storage.rewards.forReport(report.id))?.status === 'approved'));
    })
    .get('/reports', async (c) => {
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['status', 'limit', 'offset']);
      const status = search.get('status') as HotlineStatus | null;
      if (status && !HOTLINE_STATUSES.includes(status)) throw new InvalidParameter('status', 'status must be received, converted or closed');
      const offset = Number(search.get('offset') ?? 0);
      if (!Number.isInteger(offset) || offset < 0) throw new InvalidParameter('offset', 'offset must be a non-negative integer');
      const { reports, numberMatched } = await storage.hotline.list(status, parseLimit(search.get('limit') ?? undefined, 500, 100), offset);
      // Contacts are for the police who may call back; the DIC sees the reports without them.
      const withContact = hasRole(c.get('principal'), 'admin', 'police_planner');
      await auditRead(services, actorOf(c), { action: 'read', targetType: 'hotline_reports', details: { status, contacts: withContact } });
      const withPhoto = await storage.photos.owners('hotline_report', reports.map((report) => report.id));
      return c.json({
        numberMatched,
        reports: reports.map((report) => ({
          ...report, contact: withContact ? report.contact : report.contact ? 'hidden' : null,
          photo: withPhoto.has(report.id) ? (withContact ? `/api/hotline/reports/${report.id}/photo` : 'hidden') : null,
        })),
      });
    })
    .post('/reports/:id/convert', limitBody(8 * 1024), async (c) => {
      const body = parseWith(conversion, await jsonObject(c.req.raw));
      const principal = c.get('principal');
      const result = await transact(services, actorOf(c), {
        read: async (tx) => {
          const report = await open(tx, c.req.param('id'));
          const seen = Date.parse(report.seenAt);
          const around = (await tx.features.query('incidents', {
            bbox: [report.lon - 0.001, report.lat - 0.001, report.lon + 0.001, report.lat + 0.001],
            datetime: { startMs: seen - DUPLICATE_HOURS * 3_600_000, endMs: seen + DUPLICATE_HOURS * 3_600_000 }, filters: [], limit: 100, offset: 0,
          })).features.filter((incident) => distance([report.lon, report.lat], (incident.geometry as { coordinates: number[] }).coordinates, { units: 'meters' }) <= DUPLICATE_METERS);
          return { report, around };
        },
        check: ({ around }) => (body.duplicateOf !== undefined && !around.some((incident) => incident.id === body.duplicateOf) ? [{ path: 'duplicateOf', message: 'not a possible duplicate' }] : []),
        refuse: (problems) => new InvalidBody(`incident ${body.duplicateOf} is not within ${DUPLICATE_METERS} m and ${DUPLICATE_HOURS} h of this report`, { problems }),
        apply: async (tx, { report, around }) => {
          const now = services.now();
          const filed = await fileIncident(tx, principal, {
            lonLat: [report.lon, report.lat], type: body.type, occurredAt: new Date(Date.parse(report.seenAt)).toISOString().replace(/\.\d{3}Z$/, 'Z'), source: 'hotline',
            description: `Tin báo ${report.trackingCode}: ${report.description}`,
          }, now);
          const moved = body.duplicateOf === undefined ? undefined
            : await moveIncident(tx, principal, filed.result.id, { to: 'duplicate', duplicateOf: body.duplicateOf, comment: body.comment ?? 'Trùng tin báo đường dây nóng' }, now);
          const incident = moved?.result ?? filed.result;
          await settle(tx, report, { status: 'converted', incidentId: incident.id, handledBy: actorName(principal), at: now.toISOString() });
          const possibleDuplicates = around.map((candidate) => ({ id: candidate.id, type: candidate.properties.type, status: candidate.properties.status, occurredAt: candidate.properties.occurred_at }));
          return applied({ incident, possibleDuplicates }, [
            ...filed.audit, ...(moved?.audit ?? []),
            { action: 'update', targetType: 'hotline_reports', targetId: report.id, before: { status: report.status }, after: { status: 'converted', incidentId: incident.id } },
          ], [...filed.events, ...(moved?.events ?? [])]);
        },
      });
      return c.json(result, 201);
    })
    .post('/reports/:id/close', limitBody(4 * 1024), async (c) => {
      const { reason } = parseWith(closing, await jsonObject(c.req.raw));
      const closed = await transact(services, actorOf(c), {
        read: (tx) => open(tx, c.req.param('id')),
        apply: async (tx, report) => {
          await settle(tx, report, { status: 'closed', closingReason: reason, handledBy: actorName(c.get('principal')), at: services.now().toISOString() });
          return applied((await tx.hotline.get(report.id))!, [{ action: 'update', targetType: 'hotline_reports', targetId: report.id, before: { status: report.status }, after: { status: 'closed', reason } }]);
        },
      });
      return c.json(tracked(closed));
    });
}
