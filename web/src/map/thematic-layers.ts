import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids.ts';
import { FONT_BOLD, FONT_REGULAR } from './base-layers.ts';
import { FACILITY_GLYPHS } from './icons.ts';
import { cableColour, cableDash, cableWidth, matchProperty, SYMBOLOGY } from './symbology.ts';

const WHITE_STROKE = { 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } as const;
const HALO = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } as const;
const OWNERS = Object.keys(SYMBOLOGY.ownerColours);

/** Every point is drawn: symbols neither hide each other nor the labels (a pick list sorts out stacks). */
const ALWAYS = { 'icon-allow-overlap': true, 'icon-ignore-placement': true } as const;

/** `<prefix>-<owner>` for the known owners, `<prefix>-other` otherwise. */
const byOwner = (prefix: ExpressionSpecification | string): ExpressionSpecification =>
  ['concat', prefix, '-', ['match', ['get', 'owner'], OWNERS, ['get', 'owner'], 'other']] as ExpressionSpecification;

/** Icon size growing with zoom, from `small` at zoom 8 to `large` at 15 (1 = the sprite's 24 px). */
const iconSize = (small: number, large: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 8, small, 15, large];

/** Incidents grow with zoom, and with `point_count` where a thinned tile point stands for many. */
function incidentSize(): ExpressionSpecification {
  const byCount = (base: number): ExpressionSpecification => ['case', ['has', 'point_count'], ['interpolate', ['linear'], ['get', 'point_count'], 2, base * 1.2, 100, base * 1.6, 1000, base * 2.1], base];
  return ['interpolate', ['linear'], ['zoom'], 8, byCount(0.5), 15, byCount(0.85)];
}

/** Planned assets are drawn faded, the others solid. */
const plannedOpacity: ExpressionSpecification = ['case', ['==', ['get', 'status'], 'planned'], 0.55, 1];

/** A label under a point at deep zoom, placed only where it fits. */
function pointLabel(id: string, source: string, field: string, minzoom: number): LayerSpecification {
  return {
    id, type: 'symbol', source, minzoom, filter: ['has', field],
    layout: { 'text-field': ['get', field], 'text-font': FONT_REGULAR, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-max-width': 9, 'text-optional': true },
    paint: { 'text-color': '#263238', ...HALO },
  };
}

/** The thematic layers, bottom first: a shape per layer (sprite built by scripts/build-sprite.ts), colour by owner or kind. */
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
      id: LAYER_IDS.cableRouteLabel, type: 'symbol', source: SOURCE_IDS.cableRoutes, minzoom: 14, filter: ['has', 'name'],
      layout: { 'symbol-placement': 'line', 'symbol-spacing': 350, 'text-field': ['get', 'name'], 'text-font': FONT_REGULAR, 'text-size': 10.5, 'text-offset': [0, -0.8] },
      paint: { 'text-color': cableColour(), ...HALO },
    },
    {
      id: LAYER_IDS.facilityPoint, type: 'symbol', source: SOURCE_IDS.facilities,
      layout: {
        'icon-image': byOwner(['concat', 'facility-', ['match', ['get', 'kind'], Object.keys(FACILITY_GLYPHS), ['get', 'kind'], 'exchange']]),
        'icon-size': iconSize(0.7, 1), ...ALWAYS,
      },
      paint: { 'icon-opacity': plannedOpacity },
    },
    pointLabel(LAYER_IDS.facilityLabel, SOURCE_IDS.facilities, 'name', 13),
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
      id: LAYER_IDS.btsPoint, type: 'symbol', source: SOURCE_IDS.btsSites, filter: ['!', ['has', 'point_count']],
      layout: { 'icon-image': ['case', ['==', ['get', 'status'], 'retired'], 'bts-retired', byOwner('bts')], 'icon-size': iconSize(0.6, 0.9), ...ALWAYS },
      paint: { 'icon-opacity': plannedOpacity },
    },
    pointLabel(LAYER_IDS.btsLabel, SOURCE_IDS.btsSites, 'site_code', 14),
    {
      id: LAYER_IDS.scrapDealerPoint, type: 'symbol', source: SOURCE_IDS.scrapDealers,
      layout: {
        'icon-image': ['concat', 'dealer-', ['match', ['get', 'last_inspection_result'], Object.keys(SYMBOLOGY.inspectionColours), ['get', 'last_inspection_result'], 'not_inspected']],
        'icon-size': iconSize(0.6, 0.9), ...ALWAYS,
      },
    },
    pointLabel(LAYER_IDS.scrapDealerLabel, SOURCE_IDS.scrapDealers, 'name', 14),
    {
      id: LAYER_IDS.policeStationPoint, type: 'symbol', source: SOURCE_IDS.policeStations,
      layout: { 'icon-image': 'police-station', 'icon-size': iconSize(0.8, 1.1), ...ALWAYS },
    },
    {
      // Agents by their last inspection like dealers, told apart by a purple ring (a circle: dealers are diamonds).
      id: LAYER_IDS.serviceAgentPoint, type: 'circle', source: SOURCE_IDS.serviceAgents,
      paint: {
        'circle-color': matchProperty('last_inspection_result', SYMBOLOGY.inspectionColours, '#9e9e9e'),
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 14, 5.5], 'circle-stroke-color': SYMBOLOGY.serviceAgentRing, 'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER_IDS.incidentPoint, type: 'symbol', source: SOURCE_IDS.incidents,
      layout: {
        'icon-image': ['concat', 'incident-', ['match', ['get', 'type'], Object.keys(SYMBOLOGY.incidentColours), ['get', 'type'], 'other']],
        'icon-size': incidentSize(), ...ALWAYS,
      },
      paint: { 'icon-opacity': 0.95 },
    },
  ];
}
