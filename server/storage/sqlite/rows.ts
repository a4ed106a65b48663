import type { Feature, Geometry, Position } from 'geojson';
import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import type { Bbox, StoredFeature } from '../provider.ts';
import { InvalidFeature } from '../../errors.ts';

export type Row = Record<string, unknown>;

/** Geometry types each registry geometry kind accepts. */
const ACCEPTED: Record<CollectionDef['geometry'], readonly string[]> = {
  Point: ['Point'],
  Line: ['LineString', 'MultiLineString'],
  Polygon: ['Polygon', 'MultiPolygon'],
};

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

/** Bounding box of a geometry; throws when it has no positions. */
export function geometryBbox(geometry: Geometry): Bbox {
  const all = positions(geometry);
  if (all.length === 0) throw new InvalidFeature('geometry has no positions');
  const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of all) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new InvalidFeature('geometry has a non-finite coordinate');
    bbox[0] = Math.min(bbox[0], x);
    bbox[1] = Math.min(bbox[1], y);
    bbox[2] = Math.max(bbox[2], x);
    bbox[3] = Math.max(bbox[3], y);
  }
  return bbox;
}

function encodeValue(def: PropertyDef, value: unknown, where: string): unknown {
  if (value === undefined || value === null) {
    if (def.required) throw new InvalidFeature(`${where}: required`);
    return null;
  }
  const ok = (condition: boolean): void => {
    if (!condition) throw new InvalidFeature(`${where}: ${def.type} expected, got ${JSON.stringify(value)}`);
  };
  switch (def.type) {
    case 'text':
    case 'date':
    case 'datetime': {
      ok(typeof value === 'string');
      const text = (value as string).normalize('NFC');
      if (def.values && !def.values.includes(text)) throw new InvalidFeature(`${where}: "${text}" is not one of ${def.values.join(', ')}`);
      if (def.type !== 'text') ok(!Number.isNaN(Date.parse(text)));
      return text;
    }
    case 'integer':
      ok(Number.isInteger(value));
      return value;
    case 'real':
      ok(typeof value === 'number' && Number.isFinite(value));
      return value;
    case 'boolean':
      ok(typeof value === 'boolean');
      return value ? 1 : 0;
    case 'text[]': {
      ok(Array.isArray(value) && value.every((item) => typeof item === 'string'));
      const items = (value as string[]).map((item) => item.normalize('NFC'));
      const unknown = items.find((item) => def.values && !def.values.includes(item));
      if (unknown !== undefined) throw new InvalidFeature(`${where}: "${unknown}" is not one of ${def.values?.join(', ')}`);
      return JSON.stringify(items);
    }
  }
}

/** Turns a GeoJSON feature into a table row, validating it against the registry; NFC-normalises text. */
export function featureToRow(collection: CollectionDef, feature: Feature, index: number | null): Row {
  const where = index === null ? 'feature' : `${collection.id}.features[${index}]`;
  if (!Number.isSafeInteger(feature.id)) throw new InvalidFeature(`${where}.id: integer expected`);
  if (!feature.geometry || !ACCEPTED[collection.geometry].includes(feature.geometry.type)) {
    throw new InvalidFeature(`${where}.geometry: ${ACCEPTED[collection.geometry].join(' or ')} expected`);
  }
  const properties = feature.properties ?? {};
  const row: Row = { id: feature.id, geometry: JSON.stringify(feature.geometry) };
  for (const def of collection.properties) row[def.name] = encodeValue(def, properties[def.name], `${where}.properties.${def.name}`);
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
