import type { Map as MapLibreMap } from 'maplibre-gl';

let current: MapLibreMap | null = null;
/** True while a picture is being taken: the redraw that takes it ends in an `idle` of its own, which is no news. */
let capturing = false;

/** The map component registers its map here so documents can print a picture of it (no one else drives it). */
export function registerMapForSnapshots(map: MapLibreMap | null): void {
  current = map;
}

/**
 * A PNG data URL of the map as it is drawn now, taken when the map is idle. WebGL clears its drawing buffer once a
 * frame has been shown (the reason a printed page showed a blank block where the live canvas stood), so the map is
 * redrawn synchronously and read in the same task, before the browser can clear it. Resolves to null when there
 * is no map.
 */
export function snapshotMap(): Promise<string | null> {
  const map = current;
  if (!map) return Promise.resolve(null);
  return new Promise((resolve) => {
    const take = () => {
      capturing = true;
      try {
        map.redraw();
        resolve(map.getCanvas().toDataURL('image/png'));
      } finally {
        capturing = false;
      }
    };
    if (map.loaded() && !map.isMoving()) take();
    else map.once('idle', take);
  });
}

/**
 * Calls `listener` each time the map settles (its `idle` event: moved, and every tile and source drawn) until the
 * returned function is called; nothing happens while no map is registered.
 */
export function onMapSettled(listener: () => void): () => void {
  const map = current;
  if (!map) return () => {};
  const settled = () => { if (!capturing) listener(); };
  map.on('idle', settled);
  return () => { map.off('idle', settled); };
}
