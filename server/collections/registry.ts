import type { CollectionDef } from './types.ts';
import { adminAreas } from './admin-areas.ts';
import { roads } from './roads.ts';
import { cableRoutes } from './cable-routes.ts';
import { btsSites } from './bts-sites.ts';
import { facilities } from './facilities.ts';
import { keyTargets } from './key-targets.ts';
import { incidents } from './incidents.ts';
import { scrapDealers } from './scrap-dealers.ts';
import { serviceAgents } from './service-agents.ts';
import { policeStations } from './police-stations.ts';

/** Every collection, in the order the API lists them and the map stacks them (bottom first). A new collection is one file plus one line here. */
export const COLLECTIONS: readonly CollectionDef[] = [
  adminAreas,
  roads,
  keyTargets,
  cableRoutes,
  facilities,
  btsSites,
  scrapDealers,
  serviceAgents,
  policeStations,
  incidents,
];

export const COLLECTION_IDS = COLLECTIONS.map((collection) => collection.id);

export function findCollection(id: string): CollectionDef | undefined {
  return COLLECTIONS.find((collection) => collection.id === id);
}
