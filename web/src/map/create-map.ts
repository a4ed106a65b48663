import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Bbox } from '../api/types.ts';
import type { Insets } from '../layout/insets.ts';
import type { Language } from '../i18n/dictionary.ts';
import { buildStyle } from './style.ts';
import { localizeMap, MAP_LOCALE } from './map-locale.ts';

// Without this the bundled worker 404s after `vite build` and the map never fires `load` (see STACK.md).
maplibregl.setWorkerUrl(workerUrl);

export type MapOptions = {
  /** Where the map starts, fitted within the padding: the area's bounds (`useAreaBounds`), or a plan's area. */
  bounds: Bbox;
  /** The UI language of the controls and the attribution (`localizeMap` changes it later). */
  language: Language;
  /** The whole app's offline style by default. */
  style?: maplibregl.StyleSpecification;
  /** Adds the demo-data notice to the attribution (the app's maps show synthetic assets and incidents). */
  synthetic?: boolean;
};

/**
 * Constructs the map with the offline style, fitted to `bounds` (the area) within `padding` (computed from the panels over
 * the map, see `safePadding`), with scale bar, navigation and attribution controls in the UI language, and exposes it
 * as `window.__netguard.map`. The attribution folds to a button on narrow maps
 * (under 640 px) so it never covers the map or a legend.
 */
export function createMap(container: HTMLElement, padding: Insets, { bounds, language, style = buildStyle(location.origin), synthetic = true }: MapOptions): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style,
    bounds,
    fitBoundsOptions: { padding },
    attributionControl: false,
    locale: MAP_LOCALE[language],
    maxZoom: 18,
  });
  window.__netguard = { map };
  map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ maxWidth: 140, unit: 'metric' }), 'bottom-right');
  localizeMap(map, language, synthetic);
  // A folded attribution opens expanded until the first drag; on a phone that hides a third of the province, so it
  // starts folded (tap the ⓘ to read it).
  map.once('load', () => container.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show'));
  return map;
}
