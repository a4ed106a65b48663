import type { LayerSpecification } from 'maplibre-gl';
import { FONT_BOLD } from './base-layers.ts';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids.ts';
import { SYMBOLOGY } from './symbology.ts';

const { selection } = SYMBOLOGY;

/**
 * The selected feature, drawn under the symbols as a halo whatever its layer (a point, a line or an area):
 * one source, so it works for GeoJSON and tiled layers alike.
 */
export function selectionLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER_IDS.selectionFill, type: 'fill', source: SOURCE_IDS.selection, filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': selection.colour, 'fill-opacity': 0.12 },
    },
    {
      id: LAYER_IDS.selectionLine, type: 'line', source: SOURCE_IDS.selection, filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': selection.colour, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 6, 14, 12], 'line-opacity': 0.55 },
    },
    {
      id: LAYER_IDS.selectionPoint, type: 'circle', source: SOURCE_IDS.selection, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 11, 14, 17], 'circle-color': selection.colour, 'circle-opacity': 0.3, 'circle-stroke-color': selection.colour, 'circle-stroke-width': 3 },
    },
  ];
}

/** The register's cases on the map: rings around the listed cases (red when overdue), the open case bold, its neighbours grey. */
export function registerLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER_IDS.registerRing, type: 'circle', source: SOURCE_IDS.register,
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': ['match', ['get', 'role'], 'case', 14, 'nearby', 8, 10],
        'circle-stroke-width': ['match', ['get', 'role'], 'case', 4, 2],
        'circle-stroke-color': ['case', ['get', 'overdue'], SYMBOLOGY.incidentOverdue, ['match', ['get', 'role'], 'nearby', '#607d8b', 'case', '#000000', selection.colour]],
      },
    },
    {
      id: LAYER_IDS.registerLabel, type: 'symbol', source: SOURCE_IDS.register, minzoom: 11,
      layout: {
        'text-field': ['concat', '#', ['to-string', ['get', 'id']]], 'text-font': FONT_BOLD, 'text-size': 11,
        'text-offset': [0, 1.4], 'text-anchor': 'top', 'text-allow-overlap': false,
      },
      paint: { 'text-color': '#102030', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * The evidence of a key-target review: the zone outlined, the assets inside it highlighted (protected ones, named in
 * the proposal, stronger). Features carry `role`: `zone`, `inside` or `protected`.
 */
export function evidenceLayers(): LayerSpecification[] {
  const colour = ['match', ['get', 'role'], 'protected', SYMBOLOGY.evidence.protected, SYMBOLOGY.evidence.inside] as unknown as string;
  return [
    {
      id: LAYER_IDS.evidenceZone, type: 'line', source: SOURCE_IDS.evidence, filter: ['==', ['get', 'role'], 'zone'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': SYMBOLOGY.evidence.zone, 'line-width': 3.5, 'line-dasharray': [2, 1] },
    },
    {
      id: LAYER_IDS.evidenceLine, type: 'line', source: SOURCE_IDS.evidence, filter: ['all', ['!=', ['get', 'role'], 'zone'], ['!=', ['geometry-type'], 'Point']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': 7, 'line-opacity': 0.45 },
    },
    {
      id: LAYER_IDS.evidencePoint, type: 'circle', source: SOURCE_IDS.evidence, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 12, 'circle-stroke-width': 3, 'circle-stroke-color': colour },
    },
  ];
}
