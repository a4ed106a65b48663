import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { PROVINCE_BOUNDS } from '../state/viewport.ts';
import { buildStyle } from './style.ts';
import { registerMapForSnapshots } from '../print/snapshot.ts';
import type { Language } from '../i18n/dictionary.ts';
import { localizeMap, MAP_LOCALE } from './map-locale.ts';

// Without this the bundled worker 404s after `vite build` and the map never fires `load` (see STACK.md).
maplibregl.setWorkerUrl(workerUrl);

/**
 * Constructs the map with the offline style, fitted to the province, with scale bar, navigation and
 * attribution controls, and exposes it as `window.__netguard.map`.
 */
export function createMap(container: HTMLElement, language: Language): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style: buildStyle(location.origin),
    bounds: PROVINCE_BOUNDS,
    fitBoundsOptions: { padding: { top: 24, bottom: 24, left: 330, right: 60 } },
    attributionControl: false,
    locale: MAP_LOCALE[language],
    maxZoom: 18,
  });
  window.__netguard = { map };
  registerMapForSnapshots(map);
  map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ maxWidth: 140, unit: 'metric' }), 'bottom-right');
  localizeMap(map, language);
  return map;
}
