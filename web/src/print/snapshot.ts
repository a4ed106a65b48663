import type { Map as MapLibreMap } from 'maplibre-gl';

let current: MapLibreMap | null = null;

/** The map component registers its map here so documents can print a picture of it (no one else drives it). */
export function registerMapForSnapshots(map: MapLibreMap | null): void {
  current = map;
}

/**
 * A PNG data URL of the map as it is drawn now, taken when the map is idle. WebGL clears its drawing buffer after
 * each frame, so the canvas is read inside a `render` event, right after MapLibre drew it — the reason a printed page
 * showed a blank block where the live canvas stood. Resolves to null when there is no map.
 */
export function snapshotMap(): Promise<string | null> {
  const map = current;
  if (!map) return Promise.resolve(null);
  return new Promise((resolve) => {
    const take = () => {
      map.once('render', () => resolve(map.getCanvas().toDataURL('image/png')));
      map.triggerRepaint();
    };
    if (map.loaded() && !map.isMoving()) take();
    else map.once('idle', take);
  });
}
