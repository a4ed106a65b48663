import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../api/types.ts';
import { createMap } from '../map/create-map.ts';
import { localizeMap } from '../map/map-locale.ts';
import { useLanguage } from '../i18n/language.tsx';
import { buildBasemapStyle } from '../map/basemap-style.ts';
import { SOURCE_IDS } from '../map/layer-ids.ts';
import { safePadding, type Insets } from '../layout/insets.ts';
import { areaFitter, type AreaFitter } from '../map/area-fit.ts';
import { useAreaBounds } from '../area/area-bounds.ts';

export type LonLat = [number, number];
/** Where the map should go: a place's extent, or a located point at street zoom. */
export type MapTarget = { bbox?: Bbox; point?: LonLat; nonce: number };

type HotlineMapProps = {
  adminAreas: FeatureCollection | undefined;
  roads: FeatureCollection | undefined;
  pin: LonLat | null;
  /** Called when the citizen taps the map or lets go of the dragged pin; null while the pin is locked (sent). */
  onPin: ((at: LonLat) => void) | null;
  target: MapTarget | null;
  insets: Insets;
};

const size = (element: HTMLElement) => ({ width: element.clientWidth, height: element.clientHeight });

/** The hotline's map: the basemap only, a pin placed by a tap, by "use my location" or a place, and dragged to adjust. */
export function HotlineMap({ adminAreas, roads, pin, onPin, target, insets }: HotlineMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markerRef = useRef<maplibregl.Marker | null>(null);
  const onPinRef = useRef(onPin);
  onPinRef.current = onPin;
  const insetsRef = useRef(insets);
  insetsRef.current = insets;
  const [loaded, setLoaded] = useState(false);
  const fitterRef = useRef<AreaFitter | null>(null);
  const { language } = useLanguage();
  const languageRef = useRef(language);
  const bounds = useAreaBounds();
  const boundsRef = useRef(bounds);
  boundsRef.current = bounds;
  const ready = bounds !== undefined;

  // The map is made once, when the area it starts on is known.
  useEffect(() => {
    const container = containerRef.current!;
    if (!ready) return;
    const map = createMap(container, safePadding(size(container), insetsRef.current), { bounds: boundsRef.current!, language: languageRef.current, style: buildBasemapStyle(location.origin), synthetic: false });
    mapRef.current = map;
    fitterRef.current = areaFitter(map, container, () => insetsRef.current, boundsRef.current!);
    map.on('load', () => setLoaded(true));
    map.on('click', (event) => onPinRef.current?.([event.lngLat.lng, event.lngLat.lat]));
    const marker = new maplibregl.Marker({ draggable: true, color: '#d81b60' });
    marker.getElement().dataset.testid = 'pin';
    marker.on('dragend', () => {
      const at = marker.getLngLat();
      onPinRef.current?.([at.lng, at.lat]);
    });
    markerRef.current = marker;
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, [ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || languageRef.current === language) return;
    languageRef.current = language;
    localizeMap(map, language);
  }, [language]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    if (adminAreas) map.getSource<maplibregl.GeoJSONSource>(SOURCE_IDS.adminAreas)?.setData(adminAreas);
    if (roads) map.getSource<maplibregl.GeoJSONSource>(SOURCE_IDS.roads)?.setData(roads);
  }, [loaded, adminAreas, roads]);

  useEffect(() => {
    const map = mapRef.current, marker = markerRef.current;
    if (!map || !marker) return;
    if (!pin) return void marker.remove();
    marker.setLngLat(pin).setDraggable(onPin !== null).addTo(map);
  }, [pin, onPin]);

  useEffect(() => fitterRef.current?.refit(), [insets]);

  useEffect(() => {
    const map = mapRef.current, container = containerRef.current;
    if (!map || !container || !target) return;
    fitterRef.current?.leave();
    const padding = safePadding(size(container), insetsRef.current, 32);
    if (target.bbox) map.fitBounds([[target.bbox[0], target.bbox[1]], [target.bbox[2], target.bbox[3]]], { padding, maxZoom: 15, duration: 800 });
    else if (target.point) map.easeTo({ center: target.point, zoom: 15, padding, duration: 800 });
  }, [target]);

  return <div ref={containerRef} className="map" data-testid="map" />;
}
