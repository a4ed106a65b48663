import { Hono } from 'hono';
import { along, length } from '@turf/turf';
import type { LineString, MultiLineString } from 'geojson';
import { z } from 'zod';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { AppError, Forbidden, InvalidBody, Unauthenticated } from '../errors.ts';
import { JSON_MEDIA_TYPES, limitBody, parseJsonText, parseWith, requireMediaType } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { createIncident, incidentVisibleTo } from '../incidents/service.ts';
import type { Services } from '../services.ts';
import type { StoredFeature } from '../storage/provider.ts';
import { checkAlarmSignature } from './signature.ts';

/** Carriers' anti-theft systems, each with its carrier editor account's API token and signing secret. */
export const ALARM_RULES: RouteRule[] = [rule('POST', '/api/alarms', ['carrier_editor'])];

const alarm = z.object({
  alarmId: z.string().min(1).max(100),
  siteCode: z.string().min(1).max(60).optional(),
  asset: z.object({ collection: z.enum(['cable_routes', 'bts_sites', 'facilities']), id: z.number().int() }).strict().optional(),
  raisedAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value), 'an ISO 8601 date-time'),
  kind: z.string().max(60).optional(),
  message: z.string().max(1000).optional(),
  cleared: z.boolean().optional(),
}).strict().refine((body) => (body.siteCode === undefined) !== (body.asset === undefined), 'give either siteCode or asset');

/** Where an alarm is drawn: the site or facility itself, or the middle of a cable. */
function alarmPoint(asset: StoredFeature): [number, number] {
  if (asset.geometry.type === 'Point') return asset.geometry.coordinates as [number, number];
  const geometry = asset.geometry.type === 'LineString' ? asset.geometry : { type: 'LineString' as const, coordinates: (asset.geometry as MultiLineString).coordinates[0] };
  const line = { type: 'Feature' as const, geometry: geometry as LineString, properties: {} };
  const middle = along(line, length(line) / 2);
  return middle.geometry.coordinates as [number, number];
}

const describe = (body: z.infer<typeof alarm>) =>
  [`Báo động chống trộm ${body.alarmId}`, body.kind, body.message, body.cleared ? '(đã kết thúc báo động)' : null].filter(Boolean).join(' — ');

/**
 * `POST /api/alarms`: an alarm from a carrier's anti-theft system. Authenticated by the carrier's API token and an
 * HMAC-SHA256 signature of the timestamp and raw body; idempotent by the carrier's own alarm id: a repeat returns
 * the same incident (200), a changed alarm (cleared, new message) updates it. The new or updated `intrusion_alarm`
 * incident reaches everyone who may read it over `/api/events` at once.
 */
export function alarmRoutes(services: Services) {
  const { db, provider, accounts } = services;
  return new Hono<AppEnv>().post('/', limitBody(16 * 1024), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'user' || principal.via !== 'token' || principal.tokenId === undefined || !principal.carrier) {
      throw new Unauthenticated('alarms are sent with a carrier system’s API token');
    }
    requireMediaType(c.req.raw, JSON_MEDIA_TYPES);
    const raw = await c.req.text();
    const check = checkAlarmSignature(accounts.signingSecret(principal.tokenId) ?? '', c.req.header('X-NetGuard-Timestamp'), c.req.header('X-NetGuard-Signature'), raw, Math.floor(services.now().getTime() / 1000));
    if (!check.ok) throw new AppError(401, check.code, check.message);
    const body = parseWith(alarm, parseJsonText(raw));
    const asset = body.asset
      ? provider.get(body.asset.collection, body.asset.id)
      : provider.query('bts_sites', { filters: [{ property: 'site_code', value: body.siteCode! }], limit: 1, offset: 0 }).features[0];
    if (!asset) throw new InvalidBody('no such asset', { problems: [{ path: body.asset ? 'asset' : 'siteCode', message: 'not found' }] });
    if (asset.properties.owner !== principal.carrier) throw new Forbidden('an alarm can only be raised on the carrier’s own assets');
    const collection = body.asset?.collection ?? 'bts_sites';
    const known = db.prepare('SELECT incident_id, body FROM carrier_alarms WHERE carrier = ? AND alarm_id = ?').get(principal.carrier, body.alarmId) as { incident_id: number; body: string } | undefined;
    const now = services.now().toISOString();
    if (known) {
      const incident = provider.get('incidents', known.incident_id)!;
      if (known.body === raw) return c.json({ incident, duplicate: true }, 200);
      const updated = db.transaction(() => {
        const changed = provider.replace('incidents', incident.id, { ...incident, properties: { ...incident.properties, description: describe(body) } })!;
        db.prepare('UPDATE carrier_alarms SET body = ?, updated_at = ? WHERE carrier = ? AND alarm_id = ?').run(raw, now, principal.carrier, body.alarmId);
        services.audit.append({ principal, action: 'update', targetType: 'incidents', targetId: incident.id, before: incident, after: changed, details: { alarmId: body.alarmId } });
        return changed;
      })();
      services.events.publish({ type: 'incident.alarm', data: { id: updated.id, type: 'intrusion_alarm', cleared: body.cleared === true, coordinates: (updated.geometry as { coordinates: number[] }).coordinates, asset: { collection, id: asset.id }, owner: principal.carrier }, visibleTo: incidentVisibleTo(services, updated) });
      return c.json({ incident: updated, duplicate: true }, 200);
    }
    const incident = db.transaction(() => {
      const created = createIncident(services, principal, {
        lonLat: alarmPoint(asset), type: 'intrusion_alarm', occurredAt: new Date(body.raisedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'), source: 'carrier_alarm',
        description: describe(body), asset: { collection, id: asset.id, owner: principal.carrier! },
      }, 'incident.alarm');
      db.prepare('INSERT INTO carrier_alarms (carrier, alarm_id, incident_id, received_at, updated_at, body) VALUES (?, ?, ?, ?, ?, ?)').run(principal.carrier, body.alarmId, created.id, now, now, raw);
      return created;
    })();
    return c.json({ incident, duplicate: false }, 201);
  });
}
