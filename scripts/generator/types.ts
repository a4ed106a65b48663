import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** The collection ids of server/collections/registry.ts, as a literal union (the registry types them as string). */
export const DEMO_COLLECTION_IDS = [
  'admin_areas',
  'roads',
  'key_targets',
  'cable_routes',
  'facilities',
  'bts_sites',
  'scrap_dealers',
  'service_agents',
  'police_stations',
  'incidents',
] as const;
export type CollectionId = (typeof DEMO_COLLECTION_IDS)[number];

/** A property value as stored: text, number, boolean, text[] or null when unknown. */
export type PropertyValue = string | number | boolean | string[] | null;
export type DemoProperties = Record<string, PropertyValue>;
export type DemoFeature<G extends Geometry = Geometry> = Feature<G, DemoProperties> & { id: number };
export type DemoCollection<G extends Geometry = Geometry> = FeatureCollection<G, DemoProperties> & {
  features: DemoFeature<G>[];
};
export type DemoDataset = Record<CollectionId, DemoCollection>;

/** Size of the generated network; the province preset matches Kon Tum, larger presets reuse the same code. */
export type ScaleOptions = {
  btsSites: number;
  cableKm: number;
  incidents: number;
  scrapDealers: number;
  /** Postal, telecom and internet service agents, mostly in the towns. */
  serviceAgents: number;
  keyTargets: number;
  /** First day of the incident record, 'YYYY-MM-DD' (UTC). */
  incidentStartDate: string;
  incidentYears: number;
};

export type GenerateOptions = {
  /** PRNG seed; default 20250701. */
  seed?: number;
  /** 'province' (default: Kon Tum's counts, scaled by land area for another area) or explicit counts. */
  scale?: 'province' | ScaleOptions;
  /** Area directory (its area.json and geodata, made by `npm run setup-area`); default data/kontum. */
  area?: string;
};

/** A town: the capital, the former district towns and the district seats without town status the area names. */
export type Town = {
  name: string;
  communeCode: string;
  districtCode: string;
  rank: 'city' | 'town' | 'seat';
  centre: Position;
};
