import { Hono } from 'hono';
import { z } from 'zod';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { InvalidParameter, NotFound } from '../errors.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { provinceOutline } from '../geometry/province.ts';
import { LINK_RADIUS_METERS, nearestAssets } from './nearest.ts';
import { checkIncidentFiling, newIncidentRequest } from './filing.ts';
import { fileIncident, incidentHistory, readableIncident, transitionIncident } from './service.ts';
import { transact } from '../writes/transact.ts';
import { INCIDENT_STATUSES } from '../collections/vocabulary.ts';

const FILERS = ['admin', 'police_planner', 'carrier_editor'] as const;

export const INCIDENT_RULES: RouteRule[] = [
  rule('POST', '/api/incidents', FILERS),
  rule('GET', '/api/incidents/nearest-assets', FILERS),
  rule('POST', '/api/incidents/:id/transitions', FILERS),
  rule('GET', '/api/incidents/:id/history', SIGNED_IN),
  rule('GET', '/api/incidents/:id/fibre-break', SIGNED_IN),
];

const change = z.object({ to: z.enum(INCIDENT_STATUSES), comment: z.string().max(2000).optional(), duplicateOf: z.number().int().optional() }).strict();

function lonLatParams(search: URLSearchParams): [number, number] {
  rejectUnknownParameters(search, ['lon', 'lat']);
  const lon = Number(search.get('lon')), lat = Number(search.get('lat'));
  if (search.get('lon') === null || !(lon >= -180 && lon <= 180)) throw new InvalidParameter('lon', 'lon must be a longitude in degrees');
  if (search.get('lat') === null || !(lat >= -90 && lat <= 90)) throw new InvalidParameter('lat', 'lat must be a latitude in degrees');
  return [lon, lat];
}

/** `/api/incidents`: file an incident (police, carriers), suggest assets to link, move it along its lifecycle, read its history and fibre-break search segment. */
export function incidentRoutes(services: Services) {
  const { storage } = services;
  return new Hono<AppEnv>()
    .post('/', limitBody(16 * 1024), async (c) => {
      const principal = c.get('principal');
      const body = parseWith(newIncidentRequest, await jsonObject(c.req.raw));
      const context = { province: await provinceOutline(storage.features), now: services.now() };
      const incident = await transact(services, actorOf(c), {
        // Checked inside the transaction that files it, so the linked asset cannot vanish in between.
        read: (tx) => checkIncidentFiling(tx.features, context, principal, body),
        apply: (tx, input) => fileIncident(tx, principal, input, services.now()),
      });
      return c.json(incident, 201, { Location: `/api/collections/incidents/items/${incident.id}` });
    })
    .get('/nearest-assets', async (c) => {
      const principal = c.get('principal');
      const near = await nearestAssets(storage.features, lonLatParams(new URL(c.req.url).searchParams));
      const mine = (owner: string) => principal.kind === 'user' && (principal.role !== 'carrier_editor' || principal.carrier === owner);
      return c.json({
        radiusMeters: LINK_RADIUS_METERS,
        assets: near.map((asset) => ({ collection: asset.collection, id: asset.id, owner: asset.owner, meters: asset.meters, label: mine(asset.owner) ? asset.label : null })),
      });
    })
    .post('/:id/transitions', limitBody(8 * 1024), async (c) => {
      const body = parseWith(change, await jsonObject(c.req.raw));
      return c.json(await transitionIncident(services, actorOf(c), Number(c.req.param('id')), body));
    })
    .get('/:id/history', async (c) => {
      const incident = await readableIncident(storage.features, c.get('principal'), Number(c.req.param('id')));
      await auditRead(services, actorOf(c), { action: 'read', targetType: 'incidents', targetId: incident.id, details: { history: true } });
      return c.json({ id: incident.id, status: incident.properties.status, events: await incidentHistory(services, incident.id) });
    })
    // Where to search for a fibre break (issue 18 §3): the point and segment the alarm located, in the incident's scope.
    .get('/:id/fibre-break', async (c) => {
      const incident = await readableIncident(storage.features, c.get('principal'), Number(c.req.param('id')));
      const found = await storage.fibreBreaks.get(incident.id);
      if (!found) throw new NotFound(`incident ${incident.id} was not located from a fibre reading`, { id: incident.id });
      return c.json({ incidentId: incident.id, routeId: found.routeId, locatedAt: found.locatedAt, fibreBreak: found.located });
    });
}
