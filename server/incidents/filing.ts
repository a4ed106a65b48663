import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { INCIDENT_TYPES } from '../collections/vocabulary.ts';
import { Forbidden, InvalidBody } from '../errors.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { positionOutsideProvince } from '../geometry/province.ts';
import type { FeatureStore } from '../storage/features.ts';
import { LINK_RADIUS_METERS, nearestAssets } from './nearest.ts';
import type { NewIncident } from './service.ts';

const instant = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), 'an ISO 8601 date-time');

/** What a person files as an incident (POST /api/incidents, or a patrol finding that is one). */
export const incidentFields = {
  type: z.enum(INCIDENT_TYPES), description: z.string().max(2000).optional(),
  asset: z.object({ collection: z.enum(['cable_routes', 'bts_sites', 'facilities']), id: z.number().int() }).strict().optional(),
  damageVnd: z.number().int().min(0).optional(), outageMinutes: z.number().int().min(0).optional(),
};
export const newIncidentRequest = z.object({
  lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), occurredAt: instant, ...incidentFields,
}).strict();
export type NewIncidentRequest = z.infer<typeof newIncidentRequest>;

/** What a filing is checked against besides the store: the province's outline and the time now. */
export type FilingContext = { province: Feature<Polygon | MultiPolygon> | undefined; now: Date };

/**
 * The rules every filed incident meets, whoever files it and from where: inside the province, not in the future, a
 * linked asset that exists within 200 m, and a carrier files only on its own assets. Answers the incident to store.
 * Call it with the write's transaction stores (`tx.features`), so the linked asset cannot vanish before it is linked;
 * the province outline (`provinceOutline(storage.features)`) is read before, as it never changes.
 * @param source who found it: `police` at a desk, `patrol` in the field (carriers' filings are `carrier_alarm`)
 */
export async function checkIncidentFiling(features: FeatureStore, { province, now }: FilingContext, principal: Principal, body: NewIncidentRequest, source: 'police' | 'patrol' = 'police'): Promise<NewIncident> {
  const lonLat: [number, number] = [body.lon, body.lat];
  if (positionOutsideProvince({ type: 'Point', coordinates: lonLat }, province)) throw new InvalidBody('the incident lies outside the province', { problems: [{ path: 'lon', message: 'outside the province' }] });
  if (Date.parse(body.occurredAt) > now.getTime() + 60_000) throw new InvalidBody('occurredAt is in the future', { problems: [{ path: 'occurredAt', message: 'in the future' }] });
  const asset = body.asset ? await features.get(body.asset.collection, body.asset.id) : undefined;
  if (body.asset && !asset) throw new InvalidBody(`asset ${body.asset.collection}/${body.asset.id} does not exist`, { problems: [{ path: 'asset', message: 'no such asset' }] });
  if (asset && (await nearestAssets(features, lonLat)).every((near) => near.collection !== body.asset!.collection || near.id !== asset.id)) {
    throw new InvalidBody(`the linked asset is more than ${LINK_RADIUS_METERS} m away`, { problems: [{ path: 'asset', message: `farther than ${LINK_RADIUS_METERS} m` }] });
  }
  const carrier = principal.kind === 'user' && principal.role === 'carrier_editor';
  // A carrier files incidents on its own network: the linked asset is required and must be its own.
  if (carrier && asset?.properties.owner !== principal.carrier) {
    throw new Forbidden('a carrier files incidents on its own assets: link one of yours within 200 m');
  }
  return {
    lonLat, type: body.type, occurredAt: new Date(body.occurredAt).toISOString().replace(/\.\d{3}Z$/, 'Z'), source: carrier ? 'carrier_alarm' : source,
    description: body.description ?? null, damageVnd: body.damageVnd, outageMinutes: body.outageMinutes,
    asset: asset && body.asset ? { collection: body.asset.collection, id: asset.id, owner: String(asset.properties.owner) } : null,
  };
}
