import { Hono } from 'hono';
import { z } from 'zod';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { INCIDENT_TYPES } from '../collections/vocabulary.ts';
import { Forbidden, InvalidBody, InvalidParameter } from '../errors.ts';
import { positionOutsideProvince, provinceOutline } from '../geometry/province.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { LINK_RADIUS_METERS, nearestAssets } from './nearest.ts';
import { fileIncident, incidentHistory, readableIncident, transitionIncident } from './service.ts';
import { transact } from '../writes/transact.ts';
import { INCIDENT_STATUSES } from '../collections/vocabulary.ts';

const FILERS = ['admin', 'police_planner', 'carrier_editor'] as const;

export const INCIDENT_RULES: RouteRule[] = [
  rule('POST', '/api/incidents', FILERS),
  rule('GET', '/api/incidents/nearest-assets', FILERS),
  rule('POST', '/api/incidents/:id/transitions', FILERS),
  rule('GET', '/api/incidents/:id/history', SIGNED_IN),
];

const instant = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), 'an ISO 8601 date-time');
const newIncident = z.object({
  lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90),
  type: z.enum(INCIDENT_TYPES), occurredAt: instant, description: z.string().max(2000).optional(),
  asset: z.object({ collection: z.enum(['cable_routes', 'bts_sites', 'facilities']), id: z.number().int() }).strict().optional(),
  damageVnd: z.number().int().min(0).optional(), outageMinutes: z.number().int().min(0).optional(),
}).strict();
const change = z.object({ to: z.enum(INCIDENT_STATUSES), comment: z.string().max(2000).optional(), duplicateOf: z.number().int().optional() }).strict();

function lonLatParams(search: URLSearchParams): [number, number] {
  rejectUnknownParameters(search, ['lon', 'lat']);
  const lon = Number(search.get('lon')), lat = Number(search.get('lat'));
  if (search.get('lon') === null || !(lon >= -180 && lon <= 180)) throw new InvalidParameter('lon', 'lon must be a longitude in degrees');
  if (search.get('lat') === null || !(lat >= -90 && lat <= 90)) throw new InvalidParameter('lat', 'lat must be a latitude in degrees');
  return [lon, lat];
}

/** `/api/incidents`: file an incident (police, carriers), suggest assets to link, move it along its lifecycle, read its history. */
export function incidentRoutes(services: Services) {
  const { storage } = services;
  return new Hono<AppEnv>()
    .post('/', limitBody(16 * 1024), async (c) => {
      const principal = c.get('principal');
      const body = parseWith(newIncident, await jsonObject(c.req.raw));
      const lonLat: [number, number] = [body.lon, body.lat];
      if (positionOutsideProvince({ type: 'Point', coordinates: lonLat }, await provinceOutline(storage.features))) throw new InvalidBody('the incident lies outside the province', { problems: [{ path: 'lon', message: 'outside the province' }] });
      if (Date.parse(body.occurredAt) > services.now().getTime() + 60_000) throw new InvalidBody('occurredAt is in the future', { problems: [{ path: 'occurredAt', message: 'in the future' }] });
      const incident = await transact(services, actorOf(c), {
        // The linked asset is read inside the transaction that links it, so it cannot vanish in between.
        read: async (tx) => {
          const asset = body.asset ? await tx.features.get(body.asset.collection, body.asset.id) : undefined;
          if (body.asset && !asset) throw new InvalidBody(`asset ${body.asset.collection}/${body.asset.id} does not exist`, { problems: [{ path: 'asset', message: 'no such asset' }] });
          if (asset && (await nearestAssets(tx.features, lonLat)).every((near) => near.collection !== body.asset!.collection || near.id !== asset.id)) {
            throw new InvalidBody(`the linked asset is more than ${LINK_RADIUS_METERS} m away`, { problems: [{ path: 'asset', message: `farther than ${LINK_RADIUS_METERS} m` }] });
          }
          // A carrier files incidents on its own network: the linked asset is required and must be its own.
          if (principal.kind === 'user' && principal.role === 'carrier_editor' && asset?.properties.owner !== principal.carrier) {
            throw new Forbidden('a carrier files incidents on its own assets: link one of yours within 200 m');
          }
          return asset;
        },
        apply: (tx, asset) => fileIncident(tx, principal, {
          lonLat, type: body.type, occurredAt: new Date(body.occurredAt).toISOString().replace(/\.\d{3}Z$/, 'Z'), source: principal.kind === 'user' && principal.role === 'carrier_editor' ? 'carrier_alarm' : 'police',
          description: body.description ?? null, damageVnd: body.damageVnd, outageMinutes: body.outageMinutes,
          asset: asset && body.asset ? { collection: body.asset.collection, id: asset.id, owner: String(asset.properties.owner) } : null,
        }, services.now()),
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
    });
}
