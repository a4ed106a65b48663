import type { LayerSpecification } from 'maplibre-gl';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids.ts';

export const FONT_REGULAR = ['Noto Sans Regular'];
export const FONT_BOLD = ['Noto Sans Bold'];
const HALO = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } as const;

/** The offline basemap, drawn from the app's own admin areas and roads. */
export function baseLayers(): LayerSpecification[] {
  return [
    { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': '#e8ecef' } },
    {
      id: LAYER_IDS.provinceFill, type: 'fill', source: SOURCE_IDS.adminAreas,
      filter: ['==', ['get', 'level'], 'province'],
      paint: { 'fill-color': '#fbfaf6', 'fill-outline-color': '#5c6b73' },
    },
    {
      id: LAYER_IDS.communeLine, type: 'line', source: SOURCE_IDS.adminAreas, minzoom: 8.5,
      filter: ['==', ['get', 'level'], 'commune'],
      paint: { 'line-color': '#a9b4ba', 'line-width': 0.7, 'line-dasharray': [3, 2] },
    },
    {
      id: LAYER_IDS.districtLine, type: 'line', source: SOURCE_IDS.adminAreas,
      filter: ['in', ['get', 'level'], ['literal', ['district', 'province']]],
      paint: {
        'line-color': ['case', ['==', ['get', 'level'], 'province'], '#37474f', '#78909c'],
        'line-width': ['case', ['==', ['get', 'level'], 'province'], 2.2, 1.2],
      },
    },
    {
      id: LAYER_IDS.roadCasing, type: 'line', source: SOURCE_IDS.roads,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#b7794b', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 14, 8] },
    },
    {
      id: LAYER_IDS.roadLine, type: 'line', source: SOURCE_IDS.roads,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#fdd49e', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 14, 5.5] },
    },
  ];
}

/** Labels go above the thematic layers so they stay readable. */
export function labelLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER_IDS.roadLabel, type: 'symbol', source: SOURCE_IDS.roads, minzoom: 8,
      filter: ['has', 'ref'],
      layout: {
        'symbol-placement': 'line', 'symbol-spacing': 300, 'text-field': ['get', 'ref'],
        'text-font': FONT_BOLD, 'text-size': 10, 'text-rotation-alignment': 'viewport',
      },
      paint: { 'text-color': '#7a4a1f', ...HALO },
    },
    {
      id: LAYER_IDS.communeLabel, type: 'symbol', source: SOURCE_IDS.adminAreas, minzoom: 9.2,
      filter: ['==', ['get', 'level'], 'commune'],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_REGULAR, 'text-size': 11, 'text-max-width': 8 },
      paint: { 'text-color': '#455a64', ...HALO },
    },
    {
      id: LAYER_IDS.districtLabel, type: 'symbol', source: SOURCE_IDS.adminAreas, maxzoom: 9.2,
      filter: ['==', ['get', 'level'], 'district'],
      layout: {
        'text-field': ['get', 'name'], 'text-font': FONT_BOLD, 'text-size': 12.5,
        'text-transform': 'uppercase', 'text-letter-spacing': 0.05, 'text-max-width': 8,
      },
      paint: { 'text-color': '#263238', ...HALO },
    },
  ];
}
