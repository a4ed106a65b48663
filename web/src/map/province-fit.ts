import type { Map as MapLibreMap } from 'maplibre-gl';
import { safePadding, type Insets } from '../layout/insets.ts';
import { PROVINCE_BOUNDS } from '../state/viewport.ts';

const sizeOf = (element: HTMLElement) => ({ width: element.clientWidth, height: element.clientHeight });

/** Fits the whole province into the part of the map the panels leave free. */
export function fitProvince(map: MapLibreMap, container: HTMLElement, insets: Insets): void {
  const [minX, minY, maxX, maxY] = PROVINCE_BOUNDS;
  map.fitBounds([[minX, minY], [maxX, maxY]], { padding: safePadding(sizeOf(container), insets), animate: false });
}

/**
 * Keeps the province fitted as panels open and the screen turns, until the user moves the map or the app takes it
 * somewhere (`leave`). `refit` is called when the panels' insets change.
 */
export function provinceFitter(map: MapLibreMap, container: HTMLElement, insets: () => Insets) {
  let untouched = true;
  map.on('movestart', (event) => { if ((event as { originalEvent?: Event }).originalEvent) untouched = false; });
  map.on('resize', () => { if (untouched) fitProvince(map, container, insets()); });
  return {
    refit: () => { if (untouched) fitProvince(map, container, insets()); },
    leave: () => { untouched = false; },
  };
}
export type ProvinceFitter = ReturnType<typeof provinceFitter>;
