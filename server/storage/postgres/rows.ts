import type { Feature, Geometry } from 'geojson';
import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import type { StoredFeature } from '../features.ts';
import { featureToRow as sharedFeatureToRow } from '../rows/features.ts';
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

/** A feature as a row of its collection's table in PostgreSQL (`rows/features.ts`: the check and columns both providers share); the `geometry` text becomes `geom` in SQL. */
export const featureToRow = (collection: CollectionDef, feature: Feature, index: number | null): Row => sharedFeatureToRow(collection, feature, index, encodeValue);

/** The columns a feature is read from: its id, the registry's properties and the stored GeoJSON. */
export const featureColumns = (collection: CollectionDef, prefix = 't.') => [`${prefix}id`, ...collection.properties.map((property) => `${prefix}${property.name}`), `${prefix}geometry`].join(', ');

/** A row read with `featureColumns` as a GeoJSON feature with the registry's property types. */
export function rowToFeature(collection: CollectionDef, row: Row): StoredFeature {
  const properties: Record<string, unknown> = {};
  for (const def of collection.properties) properties[def.name] = row[def.name] ?? null;
  return { type: 'Feature', id: Number(row.id), geometry: JSON.parse(String(row.geometry)) as Geometry, properties };
}
