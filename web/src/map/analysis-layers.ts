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
    // Every cell is a fill, "not significant" (class 0) a faint neutral one, so the study area reads as a whole; no
    // outline colour, which would draw a point at every hexagon corner where the edges of neighbours overlap.
    return [{
      id: LAYER_IDS.analysisCellFill, type: 'fill', source: SOURCE_IDS.analysisCells,
      paint: { 'fill-color': giFill, 'fill-opacity': ['case', ['==', ['get', 'gi_class'], 0], 0.35, 0.62], 'fill-antialias': false },
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
      // Trend cells are hexagons: outlined in their category's colour over the Gi* fill (a circle layer would put a dot on every corner).
      id: LAYER_IDS.analysisTrendLine, type: 'line', source: SOURCE_IDS.analysisTrends,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': ['coalesce', ['get', 'fill'], '#757575'], 'line-width': 2 },
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
