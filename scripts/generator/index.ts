import * as turf from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { loadBase } from './base.ts';
import { buildAdminAreas } from './admin-areas.ts';
import { connectAssets } from './backhaul.ts';
import { addCableCoils } from './cable-coils.ts';
import { buildCableRoutes } from './network.ts';
import { buildFacilities } from './facilities.ts';
import { communeLocator } from './geo.ts';
import { buildIncidents } from './incidents.ts';
import { buildKeyTargets } from './key-targets.ts';
import { DEFAULT_SEED, resolveScale } from './options.ts';
import { isDefaultArea } from '../../server/deployment/area.ts';
import type { PlantedCluster } from './planted-clusters.ts';
import { childRng } from '../../server/analysis/prng/index.ts';
import { roadChains } from './road-chains.ts';
import { buildScrapDealers } from './scrap-dealers.ts';
import { buildServiceAgents } from './service-agents.ts';
import { buildSites } from './sites.ts';
import { buildPoliceStations } from './police-stations.ts';
import { findTowns } from './towns.ts';
import type { DemoCollection, DemoDataset, DemoProperties, GenerateOptions } from './types.ts';

export type { DemoDataset, GenerateOptions, ScaleOptions } from './types.ts';
export type { PlantedCluster } from './planted-clusters.ts';
export { DEFAULT_SEED, PROVINCE_SCALE, scaleForArea } from './options.ts';

/** Share of the cable target left for drops to sites and tails to exchanges. */
const FEED_SHARE = 0.12;

function collection(items: { geometry: Geometry; properties: DemoProperties }[]): DemoCollection {
  return {
    type: 'FeatureCollection',
    features: items.map((item, index) => ({ type: 'Feature', id: index + 1, geometry: item.geometry, properties: item.properties })),
  };
}
const point = (item: { position: number[]; properties: DemoProperties }) => ({
  geometry: { type: 'Point' as const, coordinates: item.position },
  properties: item.properties,
});

/**
 * The real base geography as collections: communes, former districts and the area (admin_areas) and national roads.
 * The same features the demo seeds, and what the static public basemap is built from (scripts/build-basemap.ts).
 * @param area - area directory, default data/kontum
 */
export function baseGeography(area?: string): { admin_areas: DemoCollection; roads: DemoCollection } {
  const key = area ?? '';
  let built = geographies.get(key);
  if (!built) geographies.set(key, built = readGeography(area));
  return structuredClone(built);
}

const geographies = new Map<string, { admin_areas: DemoCollection; roads: DemoCollection }>();

function readGeography(area?: string): { admin_areas: DemoCollection; roads: DemoCollection } {
  const base = loadBase(area);
  return {
    admin_areas: collection(buildAdminAreas(base)),
    roads: collection(base.roads.features.map((road) => ({
      geometry: road.geometry,
      properties: { osm_id: road.properties.osm_id, ref: road.properties.ref, name: road.properties.name_vi?.normalize('NFC') ?? null, road_class: road.properties.road_class },
    }))),
  };
}

/**
 * The demo dataset and the clusters planted in its incidents. Real base geography (communes, districts, province,
 * national roads) plus a synthetic carrier network; every module draws from its own seeded stream.
 * @param options.seed - PRNG seed, default 20250701; the same seed gives byte-identical output
 * @param options.scale - 'province' (default: ~1,500 BTS, ~3,000 km of cable, ~3,600 incidents for Kon Tum, by land
 *   area elsewhere) or explicit counts
 * @param options.area - area directory (made by `npm run setup-area`), default data/kontum
 */
export function generateDemoWithClusters(options: GenerateOptions = {}): { dataset: DemoDataset; clusters: PlantedCluster[] } {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  const base = loadBase(options.area);
  const km2 = base.communes.features.reduce((sum, commune) => sum + turf.area(commune) / 1e6, 0);
  const scale = resolveScale(options, { isDefault: options.area === undefined || isDefaultArea(options.area), km2 });
  const locate = communeLocator(base);
  const chains = roadChains(base);
  const towns = findTowns(base, chains);
  // About a tenth of the cable is drops to sites and tails to exchanges, built once the sites are placed.
  const province = baseGeography(options.area).admin_areas.features.find((f) => f.properties.level === 'province') as Feature<Polygon | MultiPolygon>;
  const [west, south, east, north] = turf.bbox(province);
  const inside = (p: Position) => p[0] >= west && p[0] <= east && p[1] >= south && p[1] <= north && turf.booleanPointInPolygon(p, province);
  const roadCables = buildCableRoutes(childRng(seed, 'cables'), base, chains, inside, scale.cableKm * (1 - FEED_SHARE));
  const facilities = buildFacilities(childRng(seed, 'facilities'), base, locate, towns);
  const sites = buildSites(childRng(seed, 'sites'), base, locate, towns, roadCables, scale.btsSites);
  const cables = [...roadCables, ...connectAssets(childRng(seed, 'feeds'), roadCables, sites, facilities)];
  for (const cable of cables) cable.properties.length_m ??= Math.round(turf.length(turf.lineString(cable.coordinates)) * 1000);
  addCableCoils(childRng(seed, 'cable-coils'), cables);
  const dealers = buildScrapDealers(childRng(seed, 'dealers'), locate, towns, scale.scrapDealers);
  const agents = buildServiceAgents(childRng(seed, 'service-agents'), base, locate, towns, scale.serviceAgents);
  const { police, department } = base.area.organisations;
  const keyTargets = buildKeyTargets(childRng(seed, 'key-targets'), facilities, scale.keyTargets, { police: police.name, department: department.name });
  const { incidents, clusters } = buildIncidents(childRng(seed, 'incidents'), base, locate, { cables, sites, facilities, dealers }, scale);
  const dataset: DemoDataset = {
    ...baseGeography(options.area),
    key_targets: collection(keyTargets),
    cable_routes: collection(cables.map((cable) => ({ geometry: { type: 'LineString' as const, coordinates: cable.coordinates }, properties: cable.properties }))),
    facilities: collection(facilities.map(point)),
    bts_sites: collection(sites.map(point)),
    scrap_dealers: collection(dealers.map(point)),
    service_agents: collection(agents.map(point)),
    police_stations: collection(buildPoliceStations(childRng(seed, 'police'), base, locate, towns).map(point)),
    incidents: collection(incidents.map(point)),
  };
  return { dataset, clusters };
}

/** The demo dataset keyed by collection id; see {@link generateDemoWithClusters}. */
export function generateDemo(options: GenerateOptions = {}): DemoDataset {
  return generateDemoWithClusters(options).dataset;
}
