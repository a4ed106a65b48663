import { useEffect, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../api/types.ts';
import { createMap } from './create-map.ts';
import { bindMapEvents, type MapCallbacks } from './map-events.ts';
import { THEMATIC_LAYERS, type ThematicLayer } from './layer-ids.ts';

export type FitRequest = { bbox: Bbox; nonce: number };

type MapViewProps = MapCallbacks & {
  /** Source id → data; a source is updated only when its object changes. */
  sources: Record<string, FeatureCollection | undefined>;
  visibility: Record<ThematicLayer, boolean>;
  fitRequest: FitRequest | null;
};

/** The one owner of the `maplibregl.Map`: creates it, feeds its sources, toggles layers and fits to results. */
export function MapView({ sources, visibility, fitRequest, ...callbacks }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const appliedRef = useRef(new Map<string, FeatureCollection>());
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (!containerRef.current) return;
    const map = createMap(containerRef.current);
    mapRef.current = map;
    bindMapEvents(map, () => callbacksRef.current);
    map.on('load', () => setLoaded(true));
    return () => {
      map.remove();
      mapRef.current = null;
      appliedRef.current.clear();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    for (const [sourceId, data] of Object.entries(sources)) {
      if (!data || appliedRef.current.get(sourceId) === data) continue;
      map.getSource<GeoJSONSource>(sourceId)?.setData(data);
      appliedRef.current.set(sourceId, data);
    }
  }, [loaded, sources]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    for (const [key, layerIds] of Object.entries(THEMATIC_LAYERS)) {
      const value = visibility[key as ThematicLayer] ? 'visible' : 'none';
      for (const layerId of layerIds) if (map.getLayoutProperty(layerId, 'visibility') !== value) map.setLayoutProperty(layerId, 'visibility', value);
    }
  }, [loaded, visibility]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !fitRequest) return;
    const [minX, minY, maxX, maxY] = fitRequest.bbox;
    map.fitBounds([[minX, minY], [maxX, maxY]], { padding: 80, maxZoom: 15, duration: 1200 });
  }, [fitRequest]);

  return <div ref={containerRef} className="map" data-testid="map" />;
}
