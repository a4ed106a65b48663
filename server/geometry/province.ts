import { booleanPointInPolygon, coordAll, pointToPolygonDistance } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { FeatureStore } from '../storage/features.ts';

/** How far outside the province outline a position may lie: generalised boundaries and GPS error. */
export const PROVINCE_TOLERANCE_METERS = 1000;

const outlines = new WeakMap<FeatureStore, Feature<Polygon | MultiPolygon>>();

/**
 * The province outline stored in admin_areas, or undefined when the store holds none (small test datasets). Every
 * write checks against it, and admin areas are reference data no route edits, so it is read once per store.
 */
export async function provinceOutline(features: FeatureStore): Promise<Feature<Polygon | MultiPolygon> | undefined> {
  const known = outlines.get(features);
  if (known) return known;
  const [province] = (await features.query('admin_areas', { filters: [{ property: 'level', value: 'province' }], limit: 1, offset: 0 })).features;
  if (province) outlines.set(features, province as Feature<Polygon | MultiPolygon>);
  return province as Feature<Polygon | MultiPolygon> | undefined;
}

/**
 * The first position of `geometry` farther than the tolerance outside the province, or null when all are inside
 * (or there is no province to test against).
 */
export function positionOutsideProvince(geometry: Geometry, province: Feature<Polygon | MultiPolygon> | undefined): [number, number] | null {
  if (!province) return null;
  for (const position of coordAll(geometry)) {
    if (booleanPointInPolygon(position, province)) continue;
    const meters = pointToPolygonDistance(position, province as Feature<Polygon>, { units: 'meters' });
    if (meters > PROVINCE_TOLERANCE_METERS) return [position[0], position[1]];
  }
  return null;
}
