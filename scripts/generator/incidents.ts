import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { BaseData } from './base.ts';
import { drawInside, pointNear, uniformInProvince, type CommuneLocator } from './geo.ts';
import { assetLocator } from './asset-index.ts';
import { CLUSTER_TYPE_WEIGHTS, TYPE_WEIGHTS, incidentAttributes } from './incident-attributes.ts';
import type { CableDraft } from './network.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { PointDraft } from './sites.ts';
import { plantClusters, type PlantedCluster } from './planted-clusters.ts';
import type { ScaleOptions } from './types.ts';

const DAY_MS = 86_400_000;
/** Relative theft pressure by month (Jan…Dec): the dry season and the weeks before Tết are worst. */
const SEASON = [1.6, 1.5, 1.3, 1.2, 0.9, 0.7, 0.6, 0.6, 0.7, 0.8, 1.0, 1.4];
const SEASON_MAX = Math.max(...SEASON);

export type Assets = { cables: CableDraft[]; sites: PointDraft[]; facilities: PointDraft[]; dealers: PointDraft[] };

function seasonalTime(rng: Rng, startMs: number, endMs: number): number {
  for (;;) {
    const time = rng.range(startMs, endMs);
    if (rng.next() * SEASON_MAX < SEASON[new Date(time).getUTCMonth()]) return Math.floor(time / 60_000) * 60_000;
  }
}

/** Where an incident of a type happens: alarms and equipment theft at sites, contraband at post offices, theft along cables. */
function background(rng: Rng, type: string, assets: Assets, locate: CommuneLocator, bbox: number[]): () => Position {
  if (type === 'intrusion_alarm' || type === 'equipment_theft') return () => pointNear(rng, rng.pick(assets.sites).position, 0.05);
  if (type === 'postal_contraband') return () => pointNear(rng, rng.pick(assets.facilities.filter((f) => f.properties.owner === 'vnpost')).position, 0.05);
  if ((type === 'cable_theft' || type === 'cable_cut') && rng.chance(0.6)) {
    // A cable is picked by its length: theft along the network is even per km, not per route (drops are short).
    const cable = rng.weighted(assets.cables.map((c) => [c, Number(c.properties.length_m)] as const));
    return () => {
      const line = turf.lineString(cable.coordinates);
      return pointNear(rng, turf.along(line, rng.range(0, turf.length(line))).geometry.coordinates, 0.04);
    };
  }
  return () => uniformInProvince(rng, locate, bbox).position;
}

type Draft = { position: Position; commune: { code: string; former_district_code: string }; type: string; time: number };

/**
 * About three years of incidents: a seasonal background over the province and the network, plus planted clusters
 * on remote road stretches and near scrap dealers (see planted-clusters.ts), sorted by time.
 */
export function buildIncidents(rng: Rng, base: BaseData, locate: CommuneLocator, assets: Assets, scale: ScaleOptions) {
  const startMs = Date.parse(`${scale.incidentStartDate}T00:00:00Z`);
  const endMs = startMs + Math.round(scale.incidentYears * 365.25) * DAY_MS;
  const clusters = plantClusters(rng, assets, startMs, endMs);
  const bbox = turf.bbox(base.communes);
  const drafts: Draft[] = [];
  const clusterCount = Math.round(scale.incidents * 0.25);
  for (let index = 0; drafts.length < scale.incidents && index < scale.incidents * 3; index += 1) {
    const inCluster = drafts.length < clusterCount;
    const cluster: PlantedCluster | undefined = inCluster ? clusters[index % clusters.length] : undefined;
    const type = rng.weighted(cluster ? CLUSTER_TYPE_WEIGHTS : TYPE_WEIGHTS);
    const draw = cluster ? () => pointNear(rng, cluster.centre, cluster.radiusKm) : background(rng, type, assets, locate, bbox);
    const found = drawInside(locate, draw);
    if (!found) continue;
    const time = cluster ? seasonalTime(rng, Date.parse(cluster.activeFrom), Date.parse(cluster.activeTo)) : seasonalTime(rng, startMs, endMs);
    drafts.push({ position: found.position, commune: found.commune, type, time });
  }
  drafts.sort((a, b) => a.time - b.time);
  const nearestAsset = assetLocator(assets.cables, assets.sites, assets.facilities, 300);
  const incidents = drafts.map((draft) => {
    const asset = nearestAsset(draft.position);
    const reported = draft.time + rng.int(10, draft.type === 'intrusion_alarm' ? 15 : 48 * 60) * 60_000;
    const attributes = incidentAttributes(rng, draft.type, (endMs - draft.time) / DAY_MS);
    return {
      position: draft.position,
      properties: {
        type: draft.type,
        occurred_at: new Date(draft.time).toISOString().replace('.000Z', 'Z'),
        reported_at: new Date(Math.min(reported, endMs)).toISOString().replace('.000Z', 'Z'),
        source: attributes.source,
        status: attributes.status,
        asset_collection: asset?.collection ?? null,
        asset_id: asset?.id ?? null,
        asset_owner: asset?.owner ?? null,
        damage_vnd: attributes.damage_vnd,
        outage_minutes: attributes.outage_minutes,
        sim_count: null,
        call_minutes: null,
        cell_ids: null,
        uncertainty_m: null,
        commune_code: draft.commune.code,
        district_code: draft.commune.former_district_code,
        description: attributes.description,
      },
    };
  });
  return { incidents, clusters };
}
