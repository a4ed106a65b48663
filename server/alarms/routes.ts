import { Hono } from 'hono';
import { along, length } from '@turf/turf';
import type { LineString, MultiLineString } from 'geojson';
import { z } from 'zod';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { AppError, Conflict, Forbidden, InvalidBody, Unauthenticated } from '../errors.ts';
import { JSON_MEDIA_TYPES, limitBody, parseJsonText, parseWith, requireMediaType } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { actorOf } from '../http/actor.ts';
import { communeAt } from '../incidents/nearest.ts';
import { fileIncident } from '../incidents/service.ts';
import type { Services } from '../services.ts';
import type { LiveMessage } from '../storage/broadcast.ts';
import type { StoredFeature } from '../storage/features.ts';
import type { CarrierAlarm } from '../storage/records.ts';
import { applied, transact } from '../writes/transact.ts';
import { fibreBreakInput, locateAlarmBreak, otherBreaksOnRoute, secondCutWarning, type LocatedBreak, type OtherBreak } from './fibre-break-alarm.ts';
import { checkAlarmSignature, MAX_SKEW_SECONDS } from './signature.ts';

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
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** A fibre monitor's reading (issue 18): the break is placed on the route and becomes a cable cut there. */
  fibreBreak: fibreBreakInput.optional(),
}).strict().refine((body) => [body.siteCode, body.asset, body.fibreBreak].filter((given) => given !== undefined).length === 1, 'give one of siteCode, asset or fibreBreak');

/** Where an alarm is drawn: the site or facility itself, or the middle of a cable. */
function alarmPoint(asset: StoredFeature): [number, number] {
  if (asset.geometry.type === 'Point') return asset.geometry.coordinates as [number, number];
  const geometry = asset.geometry.type === 'LineString' ? asset.geometry : { type: 'LineString' as const, coordinates: (asset.geometry as MultiLineString).coordinates[0] };
  const line = { type: 'Feature' as const, geometry: geometry as LineString, properties: {} };
  const middle = along(line, length(line) / 2);
  return middle.geometry.coordinates as [number, number];
}

const describe = (body: z.infer<typeof alarm>, place?: LocatedBreak, others: readonly OtherBreak[] = []) =>
  [`${place ? 'Cảnh báo đứt cáp' : 'Báo động chống trộm'} ${body.alarmId}`, place?.description, body.kind, body.message, others.length > 0 ? secondCutWarning(others) : null, body.cleared ? '(đã kết thúc báo động)' : null]
    .filter(Boolean).join(' — ');

/**
 * `POST /api/alarms`: an alarm from a carrier's anti-theft system. Authenticated by the carrier's API token and an
 * HMAC-SHA256 signature of the timestamp and raw body. Replay-proof (issue 13): a signature is accepted once; each
 * message carries the alarm's `sequence`, and one older than the latest accepted for that alarm id is refused (409),
 * so a captured "raised" cannot turn a cleared alarm back on; `raisedAt` may not lie in the future beyond the clock
 * skew. Idempotent by the carrier's own alarm id: the same sequence and body again returns the same incident (200), a
 * newer one (cleared, new message) updates it. The new or updated `intrusion_alarm` incident reaches everyone who may
 * read it over `/api/events` at once.
 */
export function alarmRoutes(services: Services) {
  const { accounts } = services;
  return new Hono<AppEnv>().post('/', limitBody(16 * 1024), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'user' || principal.via !== 'token' || principal.tokenId === undefined || !principal.carrier) {
      throw new Unauthenticated('alarms are sent with a carrier system’s API token');
    }
    requireMediaType(c.req.raw, JSON_MEDIA_TYPES);
    const raw = await c.req.text();
    const nowMs = services.now().getTime();
    const signature = c.req.header('X-NetGuard-Signature');
    const check = checkAlarmSignature((await accounts.signingSecret(principal.tokenId)) ?? '', c.req.header('X-NetGuard-Timestamp'), signature, raw, Math.floor(nowMs / 1000));
    if (!check.ok) throw new AppError(401, check.code, check.message);
    const body = parseWith(alarm, parseJsonText(raw));
    if (Date.parse(body.raisedAt) > nowMs + MAX_SKEW_SECONDS * 1000) {
      throw new InvalidBody(`raisedAt lies in the future (more than ${MAX_SKEW_SECONDS} s ahead of the server's clock)`, { problems: [{ path: 'raisedAt', message: 'in the future' }] });
    }
    const collection = body.fibreBreak ? 'cable_routes' : body.asset?.collection ?? 'bts_sites';
    const now = services.now();
    const carrier = principal.carrier;
    type Outcome = { incident: StoredFeature; status: 200 | 201; others: OtherBreak[]; place: LocatedBreak | undefined };
    type State = { asset: StoredFeature; known: CarrierAlarm | undefined; incident: StoredFeature | undefined; place: LocatedBreak | undefined; others: OtherBreak[] };
    const outcome = await transact<State, Outcome>(services, actorOf(c), {
      // The signature, the asset and what is known of this alarm id are checked in the transaction that records the
      // alarm, so two deliveries at once (or a replay racing the original) cannot both pass.
      read: async (tx) => {
        if (!(await tx.alarms.claimSignature(signature!, nowMs, nowMs - 2 * MAX_SKEW_SECONDS * 1000))) {
          throw new Conflict('this signed alarm was already received: sign each message afresh', { reason: 'replay' });
        }
        const asset = body.fibreBreak ? await tx.features.get('cable_routes', body.fibreBreak.routeId) : body.asset
          ? await tx.features.get(body.asset.collection, body.asset.id)
          : (await tx.features.query('bts_sites', { filters: [{ property: 'site_code', value: body.siteCode! }], limit: 1, offset: 0 })).features[0];
        if (!asset) throw new InvalidBody('no such asset', { problems: [{ path: body.fibreBreak ? 'fibreBreak.routeId' : body.asset ? 'asset' : 'siteCode', message: 'not found' }] });
        if (asset.properties.owner !== carrier) throw new Forbidden('an alarm can only be raised on the carrier’s own assets');
        const place = body.fibreBreak ? await locateAlarmBreak(tx.features, asset, body.fibreBreak, carrier) : undefined;
        const known = await tx.alarms.get(carrier, body.alarmId);
        const others = place ? await otherBreaksOnRoute(tx.features, asset, place.point, Date.parse(body.raisedAt), known?.incidentId) : [];
        if (known && body.sequence < known.sequence) {
          throw new Conflict(`alarm ${body.alarmId} is already at sequence ${known.sequence}; this message is older`, { reason: 'stale', sequence: known.sequence });
        }
        if (known && body.sequence === known.sequence && known.body !== canonical(body)) {
          throw new Conflict(`sequence ${body.sequence} of alarm ${body.alarmId} was already used for another message`, { reason: 'sequence reused', sequence: known.sequence });
        }
        return { asset, known, incident: known ? await tx.features.get('incidents', known.incidentId) : undefined, place, others };
      },
      apply: async (tx, { asset, known, incident, place, others }) => {
        if (known && incident && body.sequence === known.sequence) return applied<Outcome>({ incident, status: 200, others, place });
        if (known && incident) {
          // A newer fibre reading moves the break, so the incident goes where the segment to search now is.
          const moved = place ? { geometry: { type: 'Point' as const, coordinates: place.point }, commune: await communeAt(tx.features, place.point) } : undefined;
          const changed = (await tx.features.replace('incidents', incident.id, {
            ...incident, geometry: moved?.geometry ?? incident.geometry, properties: { ...incident.properties, ...moved?.commune, description: describe(body, place, others) },
          }))!;
          await tx.alarms.update(carrier, body.alarmId, canonical(body), body.sequence, now.toISOString());
          if (place) await tx.fibreBreaks.put({ incidentId: incident.id, routeId: asset.id, located: place.located, locatedAt: now.toISOString() });
          const event: LiveMessage = {
            type: 'incident.alarm', about: { collection: 'incidents', feature: changed },
            data: { id: changed.id, type: changed.properties.type, cleared: body.cleared === true, coordinates: (changed.geometry as { coordinates: number[] }).coordinates, asset: { collection, id: asset.id }, owner: carrier },
          };
          return applied<Outcome>({ incident: changed, status: 200, others, place }, [
            { action: 'update', targetType: 'incidents', targetId: incident.id, before: incident, after: changed, details: { alarmId: body.alarmId, sequence: body.sequence } },
          ], [event]);
        }
        const filed = await fileIncident(tx, principal, {
          lonLat: place?.point ?? alarmPoint(asset), type: place ? 'cable_cut' : 'intrusion_alarm', occurredAt: new Date(body.raisedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'), source: 'carrier_alarm',
          description: describe(body, place, others), asset: { collection, id: asset.id, owner: carrier },
        }, now, 'incident.alarm');
        await tx.alarms.add({ carrier, alarmId: body.alarmId, incidentId: filed.result.id, receivedAt: now.toISOString(), updatedAt: now.toISOString(), body: canonical(body), sequence: body.sequence });
        // The search segment stays with the incident, for the map and the incident's panel (issue 18 §3).
        if (place) await tx.fibreBreaks.put({ incidentId: filed.result.id, routeId: asset.id, located: place.located, locatedAt: now.toISOString() });
        return { ...filed, result: { incident: filed.result, status: 201, others, place } };
      },
    });
    const fibre = outcome.place ? { fibreBreak: outcome.place.located, otherBreaks: outcome.others } : {};
    return c.json({ incident: outcome.incident, duplicate: outcome.status === 200, ...fibre }, outcome.status);
  });
}

/** The message as stored: its parsed fields in a fixed order, so the same alarm re-sent with other spacing is the same. */
const canonical = (body: z.infer<typeof alarm>) => JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b))));
