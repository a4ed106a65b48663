import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids.ts';

/** Rings flashing on sites whose anti-theft alarm just went off; `pulse` (0 or 1) alternates to make them blink. */
export function liveAlarmLayer(): LayerSpecification {
  return {
    id: LAYER_IDS.liveAlarmRing, type: 'circle', source: SOURCE_IDS.liveAlarms,
    paint: {
      'circle-radius': ['case', ['==', ['get', 'pulse'], 1], 22, 12],
      'circle-color': 'rgba(229, 57, 53, 0.25)',
      'circle-stroke-color': '#e53935',
      'circle-stroke-width': 3,
    },
  };
}

/** Assets a traced cable cut would isolate (red) or leave up through another path (green). */
export function impactLayer(): LayerSpecification {
  return {
    id: LAYER_IDS.impactPoint, type: 'circle', source: SOURCE_IDS.impact,
    paint: {
      'circle-radius': 9, 'circle-color': ['match', ['get', 'impact'], 'isolated', '#d50000', '#2e7d32'],
      'circle-stroke-color': '#fff', 'circle-stroke-width': 2,
    },
  };
}

/**
 * The selected fibre-break incident's search segment (issue 18 §3): a wide amber line on a dark casing, so it stands
 * out over the cable it lies on, and the likely break as a red dot.
 */
export function fibreBreakLayers(): LayerSpecification[] {
  const segment: FilterSpecification = ['==', ['get', 'kind'], 'search_segment'];
  return [
    { id: LAYER_IDS.fibreBreakCasing, type: 'line', source: SOURCE_IDS.fibreBreak, filter: segment, layout: { 'line-cap': 'round' }, paint: { 'line-color': '#3e2723', 'line-width': 11, 'line-opacity': 0.8 } },
    { id: LAYER_IDS.fibreBreakSegment, type: 'line', source: SOURCE_IDS.fibreBreak, filter: segment, layout: { 'line-cap': 'round' }, paint: { 'line-color': '#ffab00', 'line-width': 7 } },
    {
      id: LAYER_IDS.fibreBreakPoint, type: 'circle', source: SOURCE_IDS.fibreBreak, filter: ['==', ['get', 'kind'], 'break'],
      paint: { 'circle-radius': 6, 'circle-color': '#d50000', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    },
  ];
}
