import type { Feature, Geometry } from 'geojson';
import { featureProblems } from '../../collections/feature-problems.ts';
import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import { InvalidFeature } from '../../errors.ts';
import { geometryBbox } from '../../geometry/bbox.ts';
import type { StoredFeature } from '../features.ts';

export type Row = Record<string, unknown>;

function encodeValue(def: PropertyDef, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (def.type) {
    case 'text':
    case 'date':
    case 'datetime':
      return (value as string).normalize('NFC');
    case 'boolean':
      return value ? 1 : 0;
    case 'text[]':
      return JSON.stringify((value as string[]).map((item) => item.normalize('NFC')));
    default:
      return value;
  }
}

/**
 * Turns a GeoJSON feature into a table row after checking it against the registry (`featureProblems`, the check
 * every provider shares); NFC-normalises text. Throws InvalidFeature listing every problem.
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

/** Turns a table row back into a GeoJSON feature with the registry's property types. */
export function rowToFeature(collection: CollectionDef, row: Row): StoredFeature {
  const properties: Record<string, unknown> = {};
  for (const def of collection.properties) {
    const value = row[def.name];
    if (value === null || value === undefined) properties[def.name] = null;
    else if (def.type === 'boolean') properties[def.name] = value === 1;
    else if (def.type === 'text[]') properties[def.name] = JSON.parse(String(value)) as string[];
    else properties[def.name] = value;
  }
  return { type: 'Feature', id: Number(row.id), geometry: JSON.parse(String(row.geometry)) as Geometry, properties };
}
