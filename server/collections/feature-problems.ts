import type { Feature, Geometry } from 'geojson';
import { propertyProblems, type Problem } from './property-problems.ts';
import type { CollectionDef, GeometryKind } from './types.ts';

/** The GeoJSON geometry types each registry geometry kind accepts. */
export const GEOMETRY_TYPES: Record<GeometryKind, readonly string[]> = {
  Point: ['Point'],
  Line: ['LineString', 'MultiLineString'],
  Polygon: ['Polygon', 'MultiPolygon'],
};

function numbers(coordinates: unknown): number[] {
  return Array.isArray(coordinates) ? (coordinates as unknown[]).flatMap((item) => (typeof item === 'number' ? [item] : numbers(item))) : [Number.NaN];
}

/**
 * Every problem with a feature against its collection in the registry: a geometry of the collection's kind with at
 * least one position and only finite coordinates, and every property (`propertyProblems`). The one check every
 * provider applies before it stores a feature; writes through the API check more first (`server/editing/asset-check.ts`).
 * @param path prefix of each problem's path, e.g. `bts_sites.features[3]`
 */
export function featureProblems(collection: CollectionDef, feature: Feature, path = 'feature'): Problem[] {
  const geometry = feature.geometry as Geometry | null | undefined;
  const accepted = GEOMETRY_TYPES[collection.geometry];
  const problems: Problem[] = [];
  if (!geometry || !accepted.includes(geometry.type)) problems.push({ path: `${path}.geometry`, message: `${accepted.join(' or ')} expected` });
  else {
    const values = numbers((geometry as { coordinates?: unknown }).coordinates);
    if (values.length === 0) problems.push({ path: `${path}.geometry`, message: 'geometry has no positions' });
    else if (!values.every(Number.isFinite)) problems.push({ path: `${path}.geometry`, message: 'geometry has a non-finite coordinate' });
  }
  const properties = feature.properties ?? {};
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) problems.push({ path: `${path}.properties`, message: 'an object of properties is required' });
  else problems.push(...propertyProblems(collection, properties, `${path}.properties`));
  return problems;
}
