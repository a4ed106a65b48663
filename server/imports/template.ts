import type { Feature, Geometry } from 'geojson';
import { filledByServer } from '../collections/filled-by-server.ts';
import type { CollectionDef, PropertyDef } from '../collections/types.ts';

/** A value for the example row that passes the import's checks; optional fields without a sensible example stay empty. */
const EXAMPLES: Record<string, unknown> = {
  site_code: 'VD-KTM-0001', name: 'Tên ví dụ (xoá dòng này)', address: 'Phường Thắng Lợi, Kon Tum', tower_height_m: 30,
  fibre_count: 24, year_installed: 2024, alarm_equipped: true, technologies: ['4G', '5G'], status: 'active',
};

function example(definition: PropertyDef, owner: string): unknown {
  if (definition.name === 'owner') return owner;
  if (definition.name in EXAMPLES) return EXAMPLES[definition.name];
  if (definition.values) return definition.type === 'text[]' ? [definition.values[0]] : definition.values[0];
  return null;
}

/** Kon Tum city: the example feature lies inside the province, so a file made from the template checks clean. */
const EXAMPLE_GEOMETRY: Record<CollectionDef['geometry'], Geometry> = {
  Point: { type: 'Point', coordinates: [108.0, 14.35] },
  Line: { type: 'LineString', coordinates: [[108.0, 14.35], [108.01, 14.355]] },
  Polygon: { type: 'Polygon', coordinates: [[[108.0, 14.35], [108.01, 14.35], [108.01, 14.36], [108.0, 14.35]]] },
};

/** Properties the server fills itself (a cable's length, an agent's last inspection) are left out of templates. */
const columns = (collection: CollectionDef) => collection.properties.filter((definition) => !filledByServer(collection.id).includes(definition.name));

/** A GeoJSON template: one example feature carrying every property the import reads. */
export function geoJsonTemplate(collection: CollectionDef, owner: string): string {
  const feature: Feature = {
    type: 'Feature', geometry: EXAMPLE_GEOMETRY[collection.geometry],
    properties: Object.fromEntries(columns(collection).map((definition) => [definition.name, example(definition, owner)])),
  };
  return `${JSON.stringify({ type: 'FeatureCollection', features: [feature] }, null, 2)}\n`;
}

/**
 * A CSV template (point collections): lat, lon, then every property, one example row; lists are `;`-separated,
 * so the file is comma-separated. A BOM lets spreadsheets open Vietnamese text as UTF-8.
 */
export function csvTemplate(collection: CollectionDef, owner: string): string {
  const definitions = columns(collection);
  const header = ['lat', 'lon', ...definitions.map((definition) => definition.name)];
  const cell = (value: unknown) => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value));
  const row = ['14.35', '108.0', ...definitions.map((definition) => cell(example(definition, owner)))];
  return `\uFEFF${header.join(',')}\r\n${row.map((value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')}\r\n`;
}
