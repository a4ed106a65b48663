import type { Feature } from 'geojson';
import { featureProblems } from '../../collections/feature-problems.ts';
import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import { InvalidFeature } from '../../errors.ts';
import { geometryBbox } from '../../geometry/bbox.ts';

/** A feature as a row of its collection's table, column by column. */
export type FeatureRow = Record<string, unknown>;

/** How a provider stores one property's value (booleans and lists differ between SQLite and PostgreSQL). */
export type ValueEncoder = (def: PropertyDef, value: unknown) => unknown;

/**
 * A GeoJSON feature as a row of its collection's table, after the registry's check every provider shares
 * (`featureProblems`): its id, the GeoJSON text of its geometry, each property as `encode` stores it, its bounding box
 * and, for a time-stamped collection, the instant in epoch milliseconds. Throws InvalidFeature listing every problem.
 * @param index the feature's place in a batch, for the problems' paths; null for a single feature
 */
export function featureToRow(collection: CollectionDef, feature: Feature, index: number | null, encode: ValueEncoder): FeatureRow {
  const where = index === null ? 'feature' : `${collection.id}.features[${index}]`;
  const problems = Number.isSafeInteger(feature.id) ? featureProblems(collection, feature, where) : [{ path: `${where}.id`, message: 'integer expected' }];
  if (problems.length > 0) throw new InvalidFeature(`${problems[0].path}: ${problems[0].message}`, { problems });
  const properties = feature.properties ?? {};
  const row: FeatureRow = { id: feature.id, geometry: JSON.stringify(feature.geometry) };
  for (const def of collection.properties) row[def.name] = encode(def, properties[def.name]);
  [row.minx, row.miny, row.maxx, row.maxy] = geometryBbox(feature.geometry);
  if (collection.temporalProperty) {
    const value = row[collection.temporalProperty];
    row.temporal_ms = typeof value === 'string' ? Date.parse(value) : null;
  }
  return row;
}
