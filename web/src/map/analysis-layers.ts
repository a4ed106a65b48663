import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids.ts';
import { FONT_BOLD } from './base-layers.ts';
import { SYMBOLOGY } from './symbology.ts';

const giFill: ExpressionSpecification = [
  'match', ['to-string', ['get', 'gi_class']],
  ...Object.entries(SYMBOLOGY.giColours).flat(),
  'rgba(0,0,0,0)',
] as unknown as ExpressionSpecification;

const unitColour: ExpressionSpecification = [
  'to-color', ['at', ['%', ['coalesce', ['get', 'unit_index'], 0], SYMBOLOGY.unitColours.length], ['literal', SYMBOLOGY.unitColours]],
];

/**
 * Layers of the patrol-planning workspace: Gi* cells under the network; the forecast's top cells, clusters, hot
 * stretches, trends and the plan above it. Their sources stay empty outside that workspace.
 * @param position 'below' the thematic layers (cells) or 'above' them (everything else)
 */
export function analysisLayers(position: 'below' | 'above'): LayerSpecification[] {
  if (position === 'below') {
    return [{
      id: LAYER_IDS.analysisCellFill, type: 'fill', source: SOURCE_IDS.analysisCells,
      filter: ['!=', ['get', 'gi_class'], 0],
      paint: { 'fill-color': giFill, 'fill-opacity': 0.6, 'fill-outline-color': 'rgba(255,255,255,0.4)' },
    }];
  }
  return [
    {
      // The forecast's top cells as outlines, so the Gi* fill under them stays readable: darker for the top 1 %.
      id: LAYER_IDS.analysisForecastLine, type: 'line', source: SOURCE_IDS.analysisForecast,
      paint: {
        'line-color': ['match', ['get', 'top_percent'], 1, '#4a148c', 3, '#7b1fa2', '#ba68c8'],
        'line-width': ['match', ['get', 'top_percent'], 1, 3, 3, 2, 1.2],
      },
    },
    {
      id: LAYER_IDS.analysisClusterLine, type: 'line', source: SOURCE_IDS.analysisClusters,
      paint: { 'line-color': '#263238', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: LAYER_IDS.analysisStretchLine, type: 'line', source: SOURCE_IDS.analysisStretches,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#c2185b', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 9], 'line-opacity': 0.85 },
    },
    {
      id: LAYER_IDS.analysisTrendPoint, type: 'circle', source: SOURCE_IDS.analysisTrends,
      paint: { 'circle-color': ['coalesce', ['get', 'fill'], '#757575'], 'circle-radius': 4, 'circle-stroke-color': '#000000', 'circle-stroke-width': 0.8 },
    },
    {
      id: LAYER_IDS.planRouteLine, type: 'line', source: SOURCE_IDS.planRoutes,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': unitColour, 'line-width': 3, 'line-opacity': 0.8 },
    },
    {
      id: LAYER_IDS.planStopPoint, type: 'circle', source: SOURCE_IDS.planStops,
      paint: {
        'circle-color': ['match', ['get', 'kind'], 'periodic', '#1565c0', '#ff6f00'],
        'circle-radius': 9, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER_IDS.planStopLabel, type: 'symbol', source: SOURCE_IDS.planStops,
      layout: { 'text-field': ['to-string', ['get', 'order']], 'text-font': FONT_BOLD, 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}
