import type { FeatureStore } from '../storage/features.ts';
import type { InspectionTarget } from '../storage/inspections.ts';
import type { TARGET_COLLECTIONS, TargetRef } from './schema.ts';

const KIND_OF: Record<string, InspectionTarget['kind']> = { service_agents: 'service_agent', scrap_dealers: 'scrap_dealer', bts_sites: 'site', facilities: 'site' };

/** Features whose last inspection the map shows (`last_inspection_date`, `last_inspection_result`). */
export const MAPPED_RESULT_COLLECTIONS = ['service_agents', 'scrap_dealers'] as const;

/**
 * The target as it is stored now (name and owner as of the inspection), or undefined when the feature does not exist.
 * An area is taken as given; its shape is checked by `inspectionProblems`.
 */
export async function resolveTarget(features: FeatureStore, ref: TargetRef): Promise<InspectionTarget | undefined> {
  if ('area' in ref) return { kind: 'area', collection: null, id: null, owner: null, name: ref.name ?? null, area: ref.area as InspectionTarget['area'] };
  const feature = await features.get(ref.collection, ref.id);
  if (!feature) return undefined;
  const name = feature.properties.name ?? feature.properties.site_code ?? null;
  const owner = feature.properties.owner ?? null;
  return { kind: KIND_OF[ref.collection], collection: ref.collection, id: ref.id, owner: typeof owner === 'string' ? owner : null, name: typeof name === 'string' ? name : null, area: null };
}

/** The reference of a stored target, to resolve again (a plan item's). */
export const refOf = (target: InspectionTarget): TargetRef =>
  target.kind === 'area' ? { area: target.area!, ...(target.name ? { name: target.name } : {}) } : { collection: target.collection as (typeof TARGET_COLLECTIONS)[number], id: target.id! };
