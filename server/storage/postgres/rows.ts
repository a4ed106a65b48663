import type { Feature, Geometry } from 'geojson';
import { featureProblems } from '../../collections/feature-problems.ts';
import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import { InvalidFeature } from '../../errors.ts';
import { geometryBbox } from '../../geometry/bbox.ts';
import type { StoredFeature } from '../features.ts';
import type { Row } from './database.ts';

function encodeValue(def: PropertyDef, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (def.type) {
    case 'text':
    case 'date':
    case 'datetime':
      return (value as string).normalize('NFC');
    case 'text[]':
      return (value as string[]).map((item) => item.normalize('NFC'));
    default:
      return value;
  }
}

/**
 * A GeoJSON feature as a row of its collection's table (`migrations/001_collections.sql`) after the registry's check
 * every provider shares (`featureProblems`), text NFC-normalised; the `geometry` text becomes `geom` in SQL.
 * Throws InvalidFeature listing every problem.
 * @param index the feature's place in a batch, for the problems' paths; null for a single feature
 */
export function featureToRow(collection: CollectionDef, feature: Feature, index: number | null): Row {
  const where = index === null ? 'feature' : `${collection.id}.features[${index}]`;
  const problems = Number.isSafeInteger(feature.id) ? featureProblems(collection, feature, where) : [{ path: `${where}.id`, message: 'integer expected' }];
  if (problems.length > 0) throw new InvalidFeature(`${problems[0].path}: ${problems[0].message}`, { problems });
  const properties = feature.properties ?? {};
  const row: Row = { id: feature.id, geometry: JSON.stringify(feature.geometry) };
  for (const def of collection.properties) row[def.name] = encodeValue(def, properties[def.name]);
  [row.minx, row.miny, row.maxx, row.maxy] = geometryBbox(feature.geometry);
  if (collection.temporalProperty) {
    const value = row[collection.temporalProperty];
    row.temporal_ms = typeof value === 'string' ? Date.parse(value) : null;
  }
  return row;
}

/** The columns a feature is read from: its id, the registry's properties and the stored GeoJSON. */
export const featureColumns = (collection: CollectionDef, prefix = 't.') => [`${prefix}id`, ...collection.properties.map((property) => `${prefix}${property.name}`), `${prefix}geometry`].join(', ');

/** A row read with `featureColumns` as a GeoJSON feature with the registry's property types. */
export function rowToFeature(collection: CollectionDef, row: Row): StoredFeature {
  const properties: Record<string, unknown> = {};
  for (const def of collection.properties) properties[def.name] = row[def.name] ?? null;
  return { type: 'Feature', id: Number(row.id), geometry: JSON.parse(String(row.geometry)) as Geometry, properties };
}
