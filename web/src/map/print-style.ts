import type { StyleSpecification } from 'maplibre-gl';
import { LAYER_IDS } from './layer-ids.ts';
import { buildStyle } from './style.ts';

/** Layers that only mean something on screen: the pointer's selection, the register's rings, live alarms. */
const SCREEN_ONLY: readonly string[] = [
  LAYER_IDS.selectionFill, LAYER_IDS.selectionLine, LAYER_IDS.selectionPoint, LAYER_IDS.registerRing, LAYER_IDS.registerLabel, LAYER_IDS.liveAlarmRing, LAYER_IDS.evidenceZone, LAYER_IDS.evidenceLine, LAYER_IDS.evidencePoint,
];

/**
 * The style of a printed map (patrol plan, six-monthly report): the screen style on white paper, without what only
 * makes sense on screen, with labels a little larger for A4.
 * @param origin page origin; glyphs and sprite are served by the app
 */
export function printStyle(origin: string): StyleSpecification {
  const style = buildStyle(origin);
  return {
    ...style,
    name: 'NetGuard (print)',
    layers: style.layers
      .filter((layer) => !SCREEN_ONLY.includes(layer.id))
      .map((layer) => {
        if (layer.id === LAYER_IDS.background) return { ...layer, paint: { 'background-color': '#ffffff' } };
        if (layer.type === 'symbol' && layer.layout?.['text-size'] !== undefined && typeof layer.layout['text-size'] === 'number') {
          return { ...layer, layout: { ...layer.layout, 'text-size': layer.layout['text-size'] + 1.5 } };
        }
        return layer;
      }),
  } as StyleSpecification;
}
