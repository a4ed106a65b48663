import { hasRole, type Principal } from '../auth/principal.ts';
import { HOTLINE_COLLECTION, PATROL_PLANS_COLLECTION } from '../collections/published.ts';
import { recordSource, type CollectionSource } from '../ogc/sources.ts';
import type { Services } from '../services.ts';

export { HOTLINE_COLLECTION, PATROL_PLANS_COLLECTION } from '../collections/published.ts';

/**
 * Patrol plans and hotline reports published in OGC API – Features for security staff (and GIS clients with their
 * tokens), queried by their own stores.
 */
export function publishedSources({ storage }: Services): CollectionSource[] {
  const security = (principal: Principal) => hasRole(principal, 'admin', 'police_planner', 'dic_reviewer');
  return [
    recordSource(PATROL_PLANS_COLLECTION, security, { query: (query) => storage.plans.queryFeatures(query), extent: () => storage.plans.extent() }),
    recordSource(HOTLINE_COLLECTION, security, { query: (query) => storage.hotline.queryFeatures(query), extent: () => storage.hotline.extent() }),
  ];
}
