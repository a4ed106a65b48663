import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { baseLayers, FONT_BOLD, labelLayers } from '../map/base-layers.ts';

export const BASEMAP_SOURCE = 'basemap';
export const FIELD_SOURCES = { keyTargets: 'key_targets', cables: 'cable_routes', sites: 'bts_sites', facilities: 'facilities', route: 'route', stops: 'stops', track: 'track', me: 'me' } as const;
export const STOPS_LAYER = 'field-stops';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The app's basemap layers, read from the PMTiles archive's vector layers (named after the GeoJSON sources they replace). */
function fromArchive(layers: LayerSpecification[]): LayerSpecification[] {
  return layers.map((layer) => ('source' in layer && typeof layer.source === 'string' ? { ...layer, source: BASEMAP_SOURCE, 'source-layer': layer.source } as LayerSpecification : layer));
}

/**
 * The field app's map: the province basemap from the offline archive, the plan area's zones and assets, the route
 * and its numbered stops (green once visited), the recorded track and the officer's position.
 * @param basemapUrl `pmtiles://…` of the archive registered with the protocol
 */
export function fieldStyle(origin: string, basemapUrl: string): StyleSpecification {
  const geojson = { type: 'geojson', data: EMPTY } as const;
  return {
    version: 8,
    glyphs: `${origin}/glyphs/{fontstack}/{range}.pbf`,
    sources: { [BASEMAP_SOURCE]: { type: 'vector', url: basemapUrl }, ...Object.fromEntries(Object.values(FIELD_SOURCES).map((id) => [id, geojson])) },
    layers: [
      ...fromArchive(baseLayers()),
      { id: 'field-key-targets', type: 'fill', source: FIELD_SOURCES.keyTargets, paint: { 'fill-color': '#c62828', 'fill-opacity': 0.15, 'fill-outline-color': '#c62828' } },
      { id: 'field-cables', type: 'line', source: FIELD_SOURCES.cables, paint: { 'line-color': '#6d4c41', 'line-width': 1.5, 'line-opacity': 0.7 } },
      { id: 'field-sites', type: 'circle', source: FIELD_SOURCES.sites, paint: { 'circle-radius': 3, 'circle-color': '#5e35b1', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
      { id: 'field-facilities', type: 'circle', source: FIELD_SOURCES.facilities, paint: { 'circle-radius': 4, 'circle-color': '#00897b', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
      { id: 'field-route', type: 'line', source: FIELD_SOURCES.route, layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': '#1565c0', 'line-width': 4, 'line-opacity': 0.75 } },
      { id: 'field-track', type: 'line', source: FIELD_SOURCES.track, layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': '#d81b60', 'line-width': 3 } },
      {
        id: STOPS_LAYER, type: 'circle', source: FIELD_SOURCES.stops,
        paint: { 'circle-radius': 11, 'circle-color': ['case', ['get', 'visited'], '#2e7d32', ['get', 'here'], '#f9a825', '#ffffff'], 'circle-stroke-color': '#1565c0', 'circle-stroke-width': 2.5 },
      },
      {
        id: 'field-stop-numbers', type: 'symbol', source: FIELD_SOURCES.stops,
        layout: { 'text-field': ['to-string', ['get', 'order']], 'text-font': FONT_BOLD, 'text-size': 12, 'text-allow-overlap': true },
        paint: { 'text-color': ['case', ['get', 'visited'], '#ffffff', '#0d47a1'] },
      },
      { id: 'field-me', type: 'circle', source: FIELD_SOURCES.me, paint: { 'circle-radius': 7, 'circle-color': '#1e88e5', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2.5 } },
      ...fromArchive(labelLayers()),
    ],
  };
}
