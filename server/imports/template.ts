import type { Feature, Geometry } from 'geojson';
import { filledByServer } from '../collections/filled-by-server.ts';
import type { CollectionDef, PropertyDef } from '../collections/types.ts';
import type { TemplatePlace } from './template-place.ts';

/** A value for the example row that passes the import's checks; optional fields without a sensible example stay empty. */
const EXAMPLES: Record<string, unknown> = {
  site_code: 'VD-KTM-0001', name: 'Tên ví dụ (xoá dòng này)', tower_height_m: 30,
  fibre_count: 24, year_installed: 2024, alarm_equipped: true, technologies: ['4G', '5G'], status: 'active',
};

function example(definition: PropertyDef, owner: string, place: TemplatePlace): unknown {
  if (definition.name === 'owner') return owner;
  if (definition.name === 'address') return place.address;
  if (definition.name in EXAMPLES) return EXAMPLES[definition.name];
  if (definition.values) return definition.type === 'text[]' ? [definition.values[0]] : definition.values[0];
  return null;
}

/** The example shape at the area's place (`templatePlace`), so a file made from the template checks clean; lines and polygons span ~200 m. */
function exampleGeometry(kind: CollectionDef['geometry'], [lon, lat]: [number, number]): Geometry {
  const east = Math.round((lon + 0.002) * 1e5) / 1e5, north = Math.round((lat + 0.002) * 1e5) / 1e5;
  if (kind === 'Point') return { type: 'Point', coordinates: [lon, lat] };
  if (kind === 'Line') return { type: 'LineString', coordinates: [[lon, lat], [east, north]] };
  return { type: 'Polygon', coordinates: [[[lon, lat], [east, lat], [east, north], [lon, lat]]] };
}

/** Properties the server fills itself (a cable's length, an agent's last inspection) are left out of templates. */
const columns = (collection: CollectionDef) => collection.properties.filter((definition) => !filledByServer(collection.id).includes(definition.name));

/** A GeoJSON template: one example feature carrying every property the import reads. */
export function geoJsonTemplate(collection: CollectionDef, owner: string, place: TemplatePlace): string {
  const feature: Feature = {
    type: 'Feature', geometry: exampleGeometry(collection.geometry, place.point),
    properties: Object.fromEntries(columns(collection).map((definition) => [definition.name, example(definition, owner, place)])),
  };
  return `${JSON.stringify({ type: 'FeatureCollection', features: [feature] }, null, 2)}\n`;
}

/**
 * A CSV template (point collections): lat, lon, then every property, one example row; lists are `;`-separated,
 * so the file is comma-separated. A BOM lets spreadsheets open Vietnamese text as UTF-8.
 */
export function csvTemplate(collection: CollectionDef, owner: string, place: TemplatePlace): string {
  const definitions = columns(collection);
  const header = ['lat', 'lon', ...definitions.map((definition) => definition.name)];
  const cell = (value: unknown) => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value));
  const row = [String(place.point[1]), String(place.point[0]), ...definitions.map((definition) => cell(example(definition, owner, place)))];
  return `\uFEFF${header.join(',')}\r\n${row.map((value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')}\r\n`;
}
