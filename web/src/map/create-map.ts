import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { ADMIN_ATTRIBUTION, OSM_ATTRIBUTION } from '../../../server/collections/attribution.ts';
import { PROVINCE_BOUNDS } from '../state/viewport.ts';
import type { Insets } from '../layout/insets.ts';
import { COMPACT_QUERY } from '../layout/breakpoints.ts';
import { buildStyle } from './style.ts';

// Without this the bundled worker 404s after `vite build` and the map never fires `load` (see STACK.md).
maplibregl.setWorkerUrl(workerUrl);

export const SYNTHETIC_ATTRIBUTION_VI = 'Dữ liệu tài sản và vụ việc là dữ liệu mô phỏng (synthetic demo)';

/**
 * Constructs the map with the offline style (the whole app's by default; `synthetic` adds the demo-data notice), fitted to the province within `padding` (computed from the panels
 * over the map, see `safePadding`), with scale bar, navigation and attribution controls, and exposes it as
 * `window.__netguard.map`. The attribution folds to a button on narrow maps (under 640 px) so it never covers
 * the map or a legend.
 */
export function createMap(container: HTMLElement, padding: Insets, style: maplibregl.StyleSpecification = buildStyle(location.origin), synthetic = true): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style,
    bounds: PROVINCE_BOUNDS,
    fitBoundsOptions: { padding },
    attributionControl: false,
    maxZoom: 18,
  });
  window.__netguard = { map };
  map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ maxWidth: 140, unit: 'metric' }), 'bottom-right');
  map.addControl(
    new maplibregl.AttributionControl({
      // Folded to its ⓘ button on phones (and on any map under 640 px, MapLibre's own rule).
      compact: window.matchMedia(COMPACT_QUERY).matches || undefined,
      customAttribution: [ADMIN_ATTRIBUTION, OSM_ATTRIBUTION, ...(synthetic ? [SYNTHETIC_ATTRIBUTION_VI] : [])],
    }),
    'bottom-right',
  );
  // A folded attribution opens expanded until the first drag; on a phone that hides a third of the province, so it
  // starts folded (tap the ⓘ to read it).
  map.once('load', () => container.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show'));
  return map;
}
