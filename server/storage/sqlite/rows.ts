import type { Feature, Geometry } from 'geojson';
import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import type { StoredFeature } from '../features.ts';
import { featureToRow as sharedFeatureToRow } from '../rows/features.ts';

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

/** A feature as a row of its collection's table in SQLite (`rows/features.ts`: the check and columns both providers share). */
export const featureToRow = (collection: CollectionDef, feature: Feature, index: number | null): Row => sharedFeatureToRow(collection, feature, index, encodeValue);

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
