import type { Map as MapLibreMap } from 'maplibre-gl';
import { LAYER_IDS } from '../map/layer-ids.ts';

let current: MapLibreMap | null = null;
/** True while a picture is being taken: the redraw that takes it ends in an `idle` of its own, which is no news. */
let capturing = false;

/** The map component registers its map here so documents can print a picture of it (no one else drives it). */
export function registerMapForSnapshots(map: MapLibreMap | null): void {
  current = map;
}

/** The picture of `map` as drawn now: redrawn and read in the same task (WebGL clears its buffer once a frame is shown). */
function take(map: MapLibreMap): string {
  capturing = true;
  try {
    map.redraw();
    return map.getCanvas().toDataURL('image/png');
  } finally {
    capturing = false;
  }
}

/**
 * The base map is on the canvas: the province, drawn from the admin areas the app fetches after the style loads.
 * Until they arrive the map is "loaded" and idle with only its background, the blank block a printout must not show.
 */
function baseDrawn(map: MapLibreMap): boolean {
  return map.queryRenderedFeatures({ layers: [LAYER_IDS.provinceFill] }).length > 0;
}

/**
 * A PNG data URL of the map, taken once it is idle with its base drawn (each `idle` until then is another try).
 * WebGL clears its drawing buffer once a frame has been shown (the reason a printed page showed a blank block where
 * the live canvas stood), so the map is redrawn synchronously and read in the same task, before the browser can
 * clear it. Resolves to null when there is no map.
 */
export function snapshotMap(): Promise<string | null> {
  const map = current;
  if (!map) return Promise.resolve(null);
  return new Promise((resolve) => {
    const attempt = () => {
      if (map.loaded() && !map.isMoving() && baseDrawn(map)) resolve(take(map));
      else map.once('idle', attempt);
    };
    attempt();
  });
}

/** The map as drawn now, whatever it shows (printing goes ahead when the base map never arrives). */
export function snapshotNow(): string | null {
  return current ? take(current) : null;
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
