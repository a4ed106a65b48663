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
  /** A SIM box (`sim_box`): the carrier's evidence, its cells by site code, and how far from the point the box may be. */
  evidence: z.object({
    simCount: z.number().int().min(1).max(100_000), callMinutes: z.number().int().min(0).max(100_000_000),
    cellIds: z.array(z.string().min(1).max(60)).min(1).max(50), uncertaintyMeters: z.number().int().min(10).max(50_000),
  }).strict().optional(),
};
export const newIncidentRequest = z.object({
  lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), occurredAt: instant, ...incidentFields,
}).strict().refine((body) => (body.type === 'sim_box') === (body.evidence !== undefined), { message: 'a sim_box incident carries evidence, and only it does', path: ['evidence'] })
  .refine((body) => body.type !== 'sim_box' || body.asset === undefined, { message: 'a sim_box is linked through evidence.cellIds, not asset', path: ['asset'] });
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
  if (body.type === 'sim_box' && body.evidence) return simBoxFiling(features, principal, body, lonLat, carrier ? 'carrier_alarm' : source);
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

/**
 * A SIM box: placed at the carrier's estimate with its uncertainty radius (a cell covers kilometres, so the 200 m
 * link rule does not apply), linked to the first cell's site; every cell must exist and a carrier's must be its own.
 */
async function simBoxFiling(features: FeatureStore, principal: Principal, body: NewIncidentRequest, lonLat: [number, number], source: NewIncident['source']): Promise<NewIncident> {
  const evidence = body.evidence!;
  const sites = [];
  for (const [index, code] of evidence.cellIds.entries()) {
    const site = (await features.query('bts_sites', { filters: [{ property: 'site_code', value: code }], limit: 1, offset: 0 })).features[0];
    if (!site) throw new InvalidBody(`cell ${code} is not a known BTS site`, { problems: [{ path: `evidence.cellIds[${index}]`, message: 'no such site code' }] });
    sites.push(site);
  }
  if (principal.kind === 'user' && principal.role === 'carrier_editor' && sites.some((site) => site.properties.owner !== principal.carrier)) {
    throw new Forbidden('a carrier reports a SIM box from the traffic of its own cells');
  }
  return {
    lonLat, type: 'sim_box', occurredAt: new Date(body.occurredAt).toISOString().replace(/\.\d{3}Z$/, 'Z'), source,
    description: body.description ?? null, damageVnd: body.damageVnd, evidence: { ...evidence, cellIds: evidence.cellIds.map((code) => code.normalize('NFC')) },
    asset: { collection: 'bts_sites', id: sites[0].id, owner: String(sites[0].properties.owner) },
  };
}
