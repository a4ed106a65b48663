import { readFileSync } from 'node:fs';
import { hexGrid } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { SOURCE_IDS } from '../../web/src/map/layer-ids.ts';
import { printStyle } from '../../web/src/map/print-style.ts';
import { buildStyle } from '../../web/src/map/style.ts';
import { RENDER_ORIGIN } from './harness.ts';

export type Scene = { name: string; style: StyleSpecification; camera: { center: [number, number]; zoom: number; width: number; height: number } };

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const point = (id: number, x: number, y: number, properties: Record<string, unknown>): Feature => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [x, y] }, properties });
const line = (id: number, coordinates: number[][], properties: Record<string, unknown>): Feature => ({ type: 'Feature', id, geometry: { type: 'LineString', coordinates }, properties });
const basemap = (name: string): FeatureCollection => JSON.parse(readFileSync(`web/public/basemap/${name}.geojson`, 'utf8')) as FeatureCollection;

/** The style with each named source's data inlined, as the app would fill them with setData. */
function withData(style: StyleSpecification, data: Record<string, FeatureCollection>): StyleSpecification {
  const sources = Object.fromEntries(Object.entries(style.sources).map(([id, source]) => [id, data[id] ? { ...(source as GeoJSONSourceSpecification), data: data[id] } : source]));
  return { ...style, sources } as StyleSpecification;
}

const C: [number, number] = [108.0, 14.35];
const owners = ['viettel', 'vnpt', 'mobifone', 'fpt', 'vnpost'];

/** A hand-placed piece of network in Kon Tum city: one of everything the main map draws, all in view, and a selected site. */
function networkData(): Record<string, FeatureCollection> {
  const cables = owners.map((owner, i) => line(i + 1, [[C[0] - 0.02, C[1] - 0.006 + i * 0.0009], [C[0] + 0.02, C[1] - 0.004 + i * 0.0009]],
    { name: `Tuyến ${owner.toUpperCase()} ${i + 1}`, owner, tier: ['backbone', 'trunk', 'access', 'trunk', 'access'][i], status: i === 3 ? 'planned' : 'active' }));
  const sites = owners.map((owner, i) => point(10 + i, C[0] - 0.015 + i * 0.006, C[1] + 0.004, { site_code: `KTM-${i}`, owner, status: 'active' }));
  const facilities = ['exchange', 'data_centre', 'post_office', 'postal_agent', 'radio_station'].map((kind, i) => point(20 + i, C[0] - 0.015 + i * 0.006, C[1] + 0.009, { name: `Cơ sở ${i + 1}`, kind, owner: owners[i], status: 'active' }));
  const incidents = ['cable_theft', 'cable_cut', 'equipment_theft', 'vandalism', 'intrusion_alarm'].map((type, i) => point(30 + i, C[0] - 0.015 + i * 0.006, C[1] - 0.010, { type, status: 'reported' }));
  const dealers = ['not_inspected', 'compliant', 'warning', 'violation'].map((result, i) => point(40 + i, C[0] - 0.012 + i * 0.008, C[1] - 0.0078, { name: `Phế liệu ${i + 1}`, last_inspection_result: result }));
  const zone: Feature = { type: 'Feature', id: 50, geometry: { type: 'Polygon', coordinates: [[[C[0] + 0.008, C[1] + 0.002], [C[0] + 0.02, C[1] + 0.002], [C[0] + 0.02, C[1] + 0.012], [C[0] + 0.008, C[1] + 0.012], [C[0] + 0.008, C[1] + 0.002]]] }, properties: { name: 'Vùng', status: 'designated' } };
  return {
    [SOURCE_IDS.adminAreas]: basemap('admin_areas'), [SOURCE_IDS.roads]: basemap('roads'),
    [SOURCE_IDS.cableRoutes]: collection(cables), [SOURCE_IDS.btsSites]: collection(sites), [SOURCE_IDS.facilities]: collection(facilities),
    [SOURCE_IDS.incidents]: collection(incidents), [SOURCE_IDS.scrapDealers]: collection(dealers), [SOURCE_IDS.keyTargets]: collection([zone]),
    [SOURCE_IDS.policeStations]: collection([point(60, C[0] + 0.016, C[1] - 0.0078, { name: 'Công an TP' })]),
    [SOURCE_IDS.selection]: collection([sites[1]]),
  };
}

/** Hexagons around the city with every Gi* class −3…3 in bands, under the place names. */
function hotspotData(): Record<string, FeatureCollection> {
  const grid = hexGrid([107.85, 14.25, 108.15, 14.45], 1.5, { units: 'kilometers' });
  const cells = grid.features.map((cell, i) => {
    const [x] = (cell.geometry as { coordinates: number[][][] }).coordinates[0][0];
    return { ...cell, id: i, properties: { gi_class: Math.max(-3, Math.min(3, Math.round((x - 108.0) / 0.04))) } } as Feature<Geometry>;
  });
  return { [SOURCE_IDS.adminAreas]: basemap('admin_areas'), [SOURCE_IDS.roads]: basemap('roads'), [SOURCE_IDS.analysisCells]: collection(cells) };
}

/** A patrol route and its numbered stops, as a plan prints them. */
function printData(): Record<string, FeatureCollection> {
  const stops = [[107.98, 14.34], [108.02, 14.36], [108.05, 14.33], [108.0, 14.31]];
  return {
    [SOURCE_IDS.adminAreas]: basemap('admin_areas'), [SOURCE_IDS.roads]: basemap('roads'),
    [SOURCE_IDS.planRoutes]: collection([line(1, [...stops, stops[0]], { unit_index: 0 }), line(2, [[107.95, 14.37], [108.07, 14.38]], { unit_index: 1 })]),
    [SOURCE_IDS.planStops]: collection(stops.map(([x, y], i) => point(i + 1, x, y, { order: i + 1, kind: i % 2 ? 'surprise' : 'periodic' }))),
  };
}

/** The golden scenes: the main map at street level, the hotspot map, and a printed plan's map. */
export function scenes(): Scene[] {
  return [
    { name: 'main-map', style: withData(buildStyle(RENDER_ORIGIN), networkData()), camera: { center: C, zoom: 13.6, width: 640, height: 420 } },
    { name: 'hotspot-map', style: withData(buildStyle(RENDER_ORIGIN), hotspotData()), camera: { center: [108.0, 14.35], zoom: 10.4, width: 640, height: 420 } },
    { name: 'print-map', style: withData(printStyle(RENDER_ORIGIN), printData()), camera: { center: [108.01, 14.345], zoom: 12, width: 640, height: 420 } },
  ];
}
