import type { LayerSpecification } from 'maplibre-gl';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids.ts';
import { FONT_BOLD } from './base-layers.ts';
import { cableColour, cableDash, cableWidth, incidentRadius, matchProperty, pointRadius, SYMBOLOGY } from './symbology.ts';

const WHITE_STROKE = { 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } as const;

/** The thematic layers, bottom first, painted from the symbology config. */
export function thematicLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER_IDS.keyTargetFill, type: 'fill', source: SOURCE_IDS.keyTargets,
      paint: { 'fill-color': matchProperty('status', SYMBOLOGY.keyTargetColours, '#9e9e9e'), 'fill-opacity': 0.25 },
    },
    {
      id: LAYER_IDS.keyTargetLine, type: 'line', source: SOURCE_IDS.keyTargets,
      paint: { 'line-color': matchProperty('status', SYMBOLOGY.keyTargetColours, '#9e9e9e'), 'line-width': 1.5 },
    },
    {
      id: LAYER_IDS.cableRouteLine, type: 'line', source: SOURCE_IDS.cableRoutes,
      layout: { 'line-join': 'round', 'line-cap': 'butt' },
      paint: { 'line-color': cableColour(), 'line-width': cableWidth(), 'line-dasharray': cableDash() },
    },
    {
      id: LAYER_IDS.facilityPoint, type: 'circle', source: SOURCE_IDS.facilities,
      paint: { 'circle-color': matchProperty('kind', SYMBOLOGY.facilityColours, '#607d8b'), 'circle-radius': pointRadius(3.5, 8), ...WHITE_STROKE },
    },
    {
      id: LAYER_IDS.btsCluster, type: 'circle', source: SOURCE_IDS.btsSites, filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#37474f', 'circle-opacity': 0.8, ...WHITE_STROKE,
        'circle-radius': ['step', ['get', 'point_count'], 11, 20, 15, 100, 20],
      },
    },
    {
      id: LAYER_IDS.btsClusterCount, type: 'symbol', source: SOURCE_IDS.btsSites, filter: ['has', 'point_count'],
      // GeoJSON clusters carry an abbreviated count; thinned tile points only `point_count`.
      layout: {
        'text-field': ['coalesce', ['get', 'point_count_abbreviated'], ['number-format', ['get', 'point_count'], { locale: 'vi' }]],
        'text-font': FONT_BOLD, 'text-size': 11, 'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: LAYER_IDS.btsPoint, type: 'circle', source: SOURCE_IDS.btsSites, filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': matchProperty('owner', SYMBOLOGY.ownerColours, SYMBOLOGY.ownerFallback),
        'circle-radius': pointRadius(3, 6.5), ...WHITE_STROKE,
      },
    },
    {
      id: LAYER_IDS.scrapDealerPoint, type: 'circle', source: SOURCE_IDS.scrapDealers,
      paint: {
        'circle-color': matchProperty('last_inspection_result', SYMBOLOGY.inspectionColours, '#9e9e9e'),
        'circle-radius': pointRadius(3, 6), 'circle-stroke-color': '#212121', 'circle-stroke-width': 1.2,
      },
    },
    {
      // Agents by their last inspection like dealers, told apart by a purple ring.
      id: LAYER_IDS.serviceAgentPoint, type: 'circle', source: SOURCE_IDS.serviceAgents,
      paint: {
        'circle-color': matchProperty('last_inspection_result', SYMBOLOGY.inspectionColours, '#9e9e9e'),
        'circle-radius': pointRadius(2.5, 5.5), 'circle-stroke-color': SYMBOLOGY.serviceAgentRing, 'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER_IDS.policeStationPoint, type: 'circle', source: SOURCE_IDS.policeStations,
      paint: { 'circle-color': SYMBOLOGY.policeStationColour, 'circle-radius': pointRadius(5, 9), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 },
    },
    {
      id: LAYER_IDS.incidentPoint, type: 'circle', source: SOURCE_IDS.incidents,
      paint: {
        'circle-color': matchProperty('type', SYMBOLOGY.incidentColours, '#546e7a'),
        'circle-radius': incidentRadius(), 'circle-opacity': 0.9, ...WHITE_STROKE,
      },
    },
  ];
}
