import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { readScope } from '../auth/access.ts';
import { actorName, type Principal } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { auditRead } from '../audit/log.ts';
import type { Problem } from '../collections/property-problems.ts';
import { Forbidden, InvalidBody, InvalidParameter, NotFound } from '../errors.ts';
import { actorOf } from '../http/actor.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { incidentMessage, readableIncident } from '../incidents/service.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import type { AttachmentSource, CaseActor } from '../storage/case-files.ts';
import type { StoredFeature } from '../storage/features.ts';
import type { Stores } from '../storage/storage.ts';
import { applied, nothing, transact, type Applied } from '../writes/transact.ts';
import { caseFile, vietnamDay } from './case-file.ts';
import { registerCsv, registerXlsx } from './export.ts';
import { parseRegisterParameters } from './params.ts';
import { placeIndex } from './places.ts';
import { photoType, MAX_PHOTO_BYTES } from './photos.ts';

/** Who reads incidents: security staff in full, carriers those on their own assets (the incidents read scope). */
const READERS = ['admin', 'police_planner', 'dic_reviewer', 'carrier_editor'] as const;
const UPLOADERS = ['admin', 'police_planner', 'carrier_editor'] as const;

export const REGISTER_RULES: RouteRule[] = [
  rule('GET', '/api/register/incidents', READERS),
  rule('GET', '/api/register/badges', READERS),
  rule('GET', '/api/register/officers', SECURITY),
  rule('GET', '/api/register/incidents/:id', READERS),
  rule('POST', '/api/register/incidents/:id/assignment', POLICE),
  rule('POST', '/api/register/incidents/:id/comments', READERS),
  rule('POST', '/api/register/incidents/:id/attachments', UPLOADERS),
  rule('GET', '/api/register/incidents/:id/attachments/:attachmentId', READERS),
];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'a real date');
const assignmentBody = z.object({ officer: z.string().min(1).max(100), dueDate: day, note: z.string().trim().max(2000).optional() }).strict();
const commentBody = z.object({ body: z.string().trim().min(1).max(4000) }).strict();

const caseActor = (principal: Principal): CaseActor => ({ username: actorName(principal), role: principal.kind === 'user' ? principal.role : null });
/** The live event of a case that changed, for everyone who may read the incident. */
const caseUpdated = (incident: StoredFeature) => ({ ...incidentMessage('case.updated', incident), data: { id: incident.id } });
const caseId = (raw: string): number => (/^\d{1,12}$/.test(raw) ? Number(raw) : NaN);

/**
 * `/api/register`: the incident register. A filtered, searched, sorted page of cases (or the whole filtered list as
 * CSV or XLSX), the header's badges, and each case file: history, assignment, comments, photos, linked asset and
 * nearby incidents. Everything reads under the incidents read scope; every read and write goes to the audit log.
 */
export function registerRoutes(services: Services) {
  const { storage } = services;
  const reader = async (principal: Principal) => ({ username: actorName(principal), since: await storage.caseFiles.readerSince(actorName(principal), services.now().toISOString()) });
  const scopeOf = async (principal: Principal) => {
    const scope = await readScope(principal, 'incidents', storage.features);
    if (!scope) throw new Forbidden('your role may not read incidents', { collection: 'incidents' });
    return scope.filters;
  };
  /** A case write: the incident must be readable inside the transaction; its audit entry and live event go with it. */
  const caseWrite = <R>(c: Context<AppEnv>, id: number, write: (tx: Stores) => Promise<Applied<R>>) =>
    transact(services, actorOf(c), {
      read: (tx) => readableIncident(tx.features, c.get('principal'), id),
      apply: async (tx, incident) => ({ ...(await write(tx)), events: [caseUpdated(incident)] }),
    });
  return new Hono<AppEnv>()
    .get('/incidents', async (c) => {
      const principal = c.get('principal');
      const parsed = parseRegisterParameters(new URL(c.req.url).searchParams);
      const places = await placeIndex(storage.features);
      const ids = parsed.commune === undefined ? undefined : await places.incidentsIn(parsed.commune);
      if (parsed.commune !== undefined && ids === undefined) throw new InvalidParameter('commune', `commune ${parsed.commune} does not exist`);
      const { format, language, commune, ...query } = parsed;
      const result = await storage.register.search({ ...query, ids, scope: await scopeOf(principal), reader: await reader(principal), today: vietnamDay(services.now()) });
      await auditRead(services, actorOf(c), { action: format === 'json' ? 'read' : 'export', targetType: 'incidents', details: { register: new URL(c.req.url).search, matched: result.numberMatched } });
      if (format === 'csv') {
        return c.body(registerCsv(result.rows, places, language), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="so-vu-viec-${vietnamDay(services.now())}.csv"` });
      }
      if (format === 'xlsx') {
        const workbook = await registerXlsx(result.rows, places, language, services.now());
        return c.body(new Uint8Array(workbook), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="so-vu-viec-${vietnamDay(services.now())}.xlsx"`,
        });
      }
      const rows = result.rows.map((row) => ({ ...row, commune: places.communeAt(row.lon, row.lat)?.name ?? null, district: places.districtName(row.districtCode) }));
      return c.json({ numberMatched: result.numberMatched, numberReturned: rows.length, offset: query.offset, limit: query.limit, cases: rows });
    })
    .get('/badges', async (c) => {
      rejectUnknownParameters(new URL(c.req.url).searchParams, []);
      const principal = c.get('principal');
      return c.json(await storage.register.badges({ scope: await scopeOf(principal), reader: await reader(principal), today: vietnamDay(services.now()) }));
    })
    .get('/officers', async (c) => {
      rejectUnknownParameters(new URL(c.req.url).searchParams, []);
      const officers = (await storage.accounts.users()).filter((user) => !user.disabled && (user.role === 'police_planner' || user.role === 'admin'));
      return c.json({ officers: officers.map((user) => ({ username: user.username, displayName: user.displayName, organisation: user.organisationName })) });
    })
    .get('/incidents/:id', async (c) => {
      const principal = c.get('principal');
      const id = caseId(c.req.param('id'));
      const file = await caseFile(services, await placeIndex(storage.features), principal, id);
      // Opening a case marks it read for this user, recorded with the audit entry of the read.
      await transact(services, actorOf(c), {
        read: nothing,
        apply: async (tx) => {
          await tx.caseFiles.markRead(actorName(principal), id, services.now().toISOString());
          return applied(null, [{ action: 'read', targetType: 'incidents', targetId: id, details: { caseFile: true } }]);
        },
      });
      return c.json(file);
    })
    .post('/incidents/:id/assignment', limitBody(8 * 1024), async (c) => {
      const principal = c.get('principal');
      const id = caseId(c.req.param('id'));
      await readableIncident(storage.features, principal, id);
      const body = parseWith(assignmentBody, await jsonObject(c.req.raw));
      const today = vietnamDay(services.now());
      const assignment = await transact(services, actorOf(c), {
        read: async (tx) => {
          const incident = await readableIncident(tx.features, principal, id);
          const officer = (await tx.accounts.users()).find((user) => user.username === body.officer && !user.disabled);
          return { incident, officer, before: (await tx.caseFiles.assignment(id)) ?? null };
        },
        check: ({ officer }): Problem[] => [
          ...(!officer || (officer.role !== 'police_planner' && officer.role !== 'admin') ? [{ path: 'officer', message: 'not a police officer' }] : []),
          ...(body.dueDate < today ? [{ path: 'dueDate', message: 'in the past' }] : []),
        ],
        refuse: (problems) => new InvalidBody(problems[0].path === 'officer' ? `${body.officer} is not a police officer` : 'dueDate is in the past', { problems }),
        apply: async (tx, { incident, officer, before }) => {
          const after = await tx.caseFiles.assign(id, officer!.username, body.dueDate, caseActor(principal), services.now().toISOString(), body.note?.normalize('NFC') || null);
          return applied(after, [{ action: 'update', targetType: 'incidents', targetId: id, before: { assignment: before }, after: { assignment: after } }], [caseUpdated(incident)]);
        },
      });
      return c.json(assignment, 201);
    })
    .post('/incidents/:id/comments', limitBody(16 * 1024), async (c) => {
      const principal = c.get('principal');
      const id = caseId(c.req.param('id'));
      await readableIncident(storage.features, principal, id);
      const { body } = parseWith(commentBody, await jsonObject(c.req.raw));
      const event = await caseWrite(c, id, async (tx) => {
        const added = await tx.caseFiles.comment(id, body.normalize('NFC'), caseActor(principal), services.now().toISOString());
        return applied(added, [{ action: 'create', targetType: 'case_comments', targetId: added.id, after: { incidentId: id, body: added.body } }]);
      });
      return c.json(event, 201);
    })
    .post('/incidents/:id/attachments', limitBody(MAX_PHOTO_BYTES), async (c) => {
      const principal = c.get('principal');
      const id = caseId(c.req.param('id'));
      await readableIncident(storage.features, principal, id);
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['caption', 'source']);
      const source = (search.get('source') ?? 'office') as AttachmentSource;
      if (source !== 'field' && source !== 'office') throw new InvalidParameter('source', 'source must be field or office');
      const caption = search.get('caption')?.normalize('NFC').trim().slice(0, 500) || null;
      const content = new Uint8Array(await c.req.arrayBuffer());
      const mediaType = photoType(content, c.req.header('Content-Type') ?? '');
      const attachment = await caseWrite(c, id, async (tx) => {
        const added = await tx.caseFiles.attach(id, { source, mediaType, caption, content }, caseActor(principal), services.now().toISOString());
        return applied(added, [{ action: 'create', targetType: 'case_attachments', targetId: added.id, after: { incidentId: id, mediaType, byteSize: added.byteSize, caption } }]);
      });
      return c.json({ ...attachment, href: `/api/register/incidents/${id}/attachments/${attachment.id}` }, 201);
    })
    .get('/incidents/:id/attachments/:attachmentId', async (c) => {
      const id = caseId(c.req.param('id'));
      await readableIncident(storage.features, c.get('principal'), id);
      const file = await storage.caseFiles.attachmentContent(id, caseId(c.req.param('attachmentId')));
      if (!file) throw new NotFound(`attachment ${c.req.param('attachmentId')} of incident ${id} does not exist`);
      return c.body(new Uint8Array(file.content), 200, { 'Content-Type': file.mediaType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=3600', 'Content-Disposition': 'inline' });
    });
}
