import type { Page } from 'playwright-core';
import { LAYER_IDS, THEMATIC_LAYERS } from '../../web/src/map/layer-ids.ts';
import { TILED_SUFFIX } from '../../web/src/map/tiled.ts';

/** A place to tap on the map canvas and the features (`collection/id`) a finger there lands on. */
export type TapTarget = { x: number; y: number; features: string[] };

/** Point layers a tap is aimed at; every thematic layer (labels, zones, cables too) counts as "under the finger". */
const POINT_LAYERS: string[] = [LAYER_IDS.btsPoint, LAYER_IDS.facilityPoint, LAYER_IDS.scrapDealerPoint, LAYER_IDS.serviceAgentPoint, LAYER_IDS.incidentPoint, LAYER_IDS.policeStationPoint];

/**
 * From what the map has drawn (the demo data, rendered), a point feature with nothing else within `tolerancePx` of it
 * (`isolated`) and one with two or more features there (`stacked`), both in the map's free part: every pixel of the
 * finger's box is the canvas, not a sheet, a control or a legend. A candidate counts only when the features in its
 * box are the same 1 px smaller and 2 px larger, so rounding of the tap cannot change the answer. Candidates are
 * taken in order of their ids, so the same data and view give the same targets.
 * @param tolerancePx the app's pick tolerance (PICK_TOLERANCE_PX)
 * @returns page coordinates of each target, or null where the view has none
 */
export function findTapTargets(page: Page, tolerancePx: number): Promise<{ isolated: TapTarget | null; stacked: TapTarget | null }> {
  const layers = Object.values(THEMATIC_LAYERS).flat();
  return page.evaluate(({ layers, pointLayers, tolerancePx, tiledSuffix }) => {
    type Rendered = { id?: number | string; source: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: [number, number] } };
    type Handle = {
      getLayer: (id: string) => unknown;
      queryRenderedFeatures: (geometry?: [[number, number], [number, number]] | object, options?: { layers: string[] }) => Rendered[];
      project: (at: [number, number]) => { x: number; y: number };
    };
    const map = (window as unknown as { __netguard: { map: Handle } }).__netguard.map;
    const canvas = document.querySelector('[data-testid="map"] canvas')!;
    const origin = canvas.getBoundingClientRect();
    const drawn = layers.filter((id) => map.getLayer(id));
    const collection = (source: string) => (source.endsWith(tiledSuffix) ? source.slice(0, -tiledSuffix.length) : source);
    const key = (feature: Rendered) => `${collection(feature.source)}/${String(feature.id ?? feature.properties.id)}`;
    const selectable = (feature: Rendered) => (feature.id ?? feature.properties.id) !== undefined && feature.properties.point_count === undefined && feature.properties.line_count === undefined;
    const under = (x: number, y: number, half: number) =>
      [...new Set(map.queryRenderedFeatures([[x - half, y - half], [x + half, y + half]], { layers: drawn }).filter(selectable).map(key))].sort();
    const free = (x: number, y: number, half: number) => [[x, y], [x - half, y - half], [x + half, y - half], [x - half, y + half], [x + half, y + half]]
      .every(([px, py]) => document.elementFromPoint(origin.left + px, origin.top + py) === canvas);
    const points = map.queryRenderedFeatures({ layers: pointLayers.filter((id) => map.getLayer(id)) }).filter(selectable)
      .filter((feature) => feature.geometry.type === 'Point')
      .sort((a, b) => key(a).localeCompare(key(b), 'en', { numeric: true }));
    type Target = { x: number; y: number; features: string[] };
    let isolated: Target | null = null;
    let stacked: Target | null = null;
    for (const feature of points) {
      const { x, y } = map.project(feature.geometry.coordinates);
      if (!free(x, y, tolerancePx + 2)) continue;
      const inner = under(x, y, tolerancePx - 1), outer = under(x, y, tolerancePx + 2);
      if (inner.join() !== outer.join() || !inner.includes(key(feature))) continue;
      const target: Target = { x: origin.left + x, y: origin.top + y, features: inner };
      if (inner.length === 1) isolated ??= target;
      else stacked ??= target;
      if (isolated && stacked) break;
    }
    return { isolated, stacked };
  }, { layers, pointLayers: POINT_LAYERS, tolerancePx, tiledSuffix: TILED_SUFFIX });
}
