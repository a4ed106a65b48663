import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bbox } from '../api/types.ts';
import { safePadding, type Insets } from '../layout/insets.ts';

const sizeOf = (element: HTMLElement) => ({ width: element.clientWidth, height: element.clientHeight });

/** Fits `bounds` into the part of the map the panels leave free. */
function fitClear(map: MapLibreMap, container: HTMLElement, insets: Insets, bounds: Bbox): void {
  const [minX, minY, maxX, maxY] = bounds;
  map.fitBounds([[minX, minY], [maxX, maxY]], { padding: safePadding(sizeOf(container), insets), animate: false });
}

/**
 * Keeps `bounds` (the area, or a patrol's area) fitted as panels open and the screen turns, until the user moves
 * the map or the app takes it somewhere (`leave`). `refit` is called when the panels' insets change.
 */
export function areaFitter(map: MapLibreMap, container: HTMLElement, insets: () => Insets, bounds: Bbox) {
  let untouched = true;
  const fit = () => { if (untouched) fitClear(map, container, insets(), bounds); };
  map.on('movestart', (event) => { if ((event as { originalEvent?: Event }).originalEvent) untouched = false; });
  map.on('resize', fit);
  return { refit: fit, leave: () => { untouched = false; } };
}
export type AreaFitter = ReturnType<typeof areaFitter>;
