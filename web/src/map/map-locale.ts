import * as maplibregl from 'maplibre-gl';
import { ADMIN_ATTRIBUTION, OSM_ATTRIBUTION } from '../../../server/collections/attribution.ts';
import type { Language } from '../i18n/dictionary.ts';
import { COMPACT_QUERY } from '../layout/breakpoints.ts';

/** MapLibre's control texts (its `locale` keys) in both languages. */
export const MAP_LOCALE: Record<Language, Record<string, string>> = {
  vi: {
    'NavigationControl.ZoomIn': 'Phóng to', 'NavigationControl.ZoomOut': 'Thu nhỏ', 'NavigationControl.ResetBearing': 'Xoay bản đồ về hướng bắc',
    'AttributionControl.ToggleAttribution': 'Hiện hoặc ẩn nguồn dữ liệu', 'AttributionControl.MapFeedback': 'Góp ý về bản đồ',
    'ScaleControl.Meters': 'm', 'ScaleControl.Kilometers': 'km', 'FullscreenControl.Enter': 'Toàn màn hình', 'FullscreenControl.Exit': 'Thoát toàn màn hình',
  },
  en: {
    'NavigationControl.ZoomIn': 'Zoom in', 'NavigationControl.ZoomOut': 'Zoom out', 'NavigationControl.ResetBearing': 'Reset bearing to north',
    'AttributionControl.ToggleAttribution': 'Toggle attribution', 'AttributionControl.MapFeedback': 'Map feedback',
    'ScaleControl.Meters': 'm', 'ScaleControl.Kilometers': 'km', 'FullscreenControl.Enter': 'Enter fullscreen', 'FullscreenControl.Exit': 'Exit fullscreen',
  },
};

const SYNTHETIC: Record<Language, string> = {
  vi: 'Dữ liệu tài sản và vụ việc là dữ liệu mô phỏng',
  en: "Carriers' assets and incidents are synthetic demo data",
};

/** The buttons MapLibre titles at creation, and the locale key of each. */
const BUTTONS: [selector: string, key: string][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'], ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'], ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
];

const attributions = new WeakMap<maplibregl.Map, { control: maplibregl.AttributionControl; synthetic: boolean }>();

/**
 * Puts the map's controls in `language`: MapLibre reads its locale only when a control is made, so the buttons'
 * titles are rewritten and the attribution (with the synthetic-data notice on maps that show demo data) is made
 * again, folded to its ⓘ button on phones (and on any map under 640 px, MapLibre's own rule). Data credits are
 * names and licences, the same in both languages, so they are marked as not to be translated.
 */
export function localizeMap(map: maplibregl.Map, language: Language, synthetic?: boolean): void {
  const container = map.getContainer();
  for (const [selector, key] of BUTTONS) {
    for (const button of container.querySelectorAll<HTMLElement>(selector)) {
      button.title = MAP_LOCALE[language][key];
      button.setAttribute('aria-label', MAP_LOCALE[language][key]);
    }
  }
  const previous = attributions.get(map);
  if (previous) map.removeControl(previous.control);
  const withNotice = synthetic ?? previous?.synthetic ?? true;
  const control = new maplibregl.AttributionControl({
    compact: window.matchMedia(COMPACT_QUERY).matches || undefined,
    customAttribution: [ADMIN_ATTRIBUTION, OSM_ATTRIBUTION, ...(withNotice ? [SYNTHETIC[language]] : [])],
  });
  map.addControl(control, 'bottom-right');
  // MapLibre opens a new folded attribution expanded until the first drag; made again on a language change, it
  // would cover the sheet on a phone, so it starts folded (tap the ⓘ to read it).
  if (previous) container.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show');
  attributions.set(map, { control, synthetic: withNotice });
  container.querySelector('.maplibregl-ctrl-attrib')?.setAttribute('translate', 'no');
}
