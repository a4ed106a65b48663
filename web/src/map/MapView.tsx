import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { FeatureDrawer, type DrawKind } from './draw/terra.ts';
import { switchToTiles } from './tiled.ts';
import type { Bbox } from '../api/types.ts';
import { createMap } from './create-map.ts';
import { registerMapForSnapshots } from '../print/snapshot.ts';
import { useLanguage } from '../i18n/language.tsx';
import { localizeMap } from './map-locale.ts';
import { bindMapEvents, type MapCallbacks } from './map-events.ts';
import { THEMATIC_LAYERS, type ThematicLayer } from './layer-ids.ts';
import { NO_INSETS, safePadding, type Insets } from '../layout/insets.ts';
import { areaFitter, type AreaFitter } from './area-fit.ts';
import { useAreaBounds } from '../area/area-bounds.ts';

export type FitRequest = { bbox: Bbox; nonce: number };

/**
 * A drawing session on the map, controlled by its panel: `geometry` is the panel's present state (undo/redo set
 * it), `onGeometry` reports each finished change; a new `sessionKey` starts a new session.
 */
export type DrawingRequest = {
  sessionKey: string;
  kind: DrawKind;
  geometry: Geometry | null;
  onGeometry: (geometry: Geometry | null) => void;
};

type MapViewProps = MapCallbacks & {
  /** Source id → data; a source is updated only when its object changes. */
  sources: Record<string, FeatureCollection | undefined>;
  visibility: Record<ThematicLayer, boolean>;
  fitRequest: FitRequest | null;
  drawing?: DrawingRequest | null;
  /** Thematic collections drawn from vector tiles (the large ones) instead of their GeoJSON source. */
  tiled?: ReadonlySet<ThematicLayer>;
  /** Query string of each tiled collection's tiles (the incident period as `datetime=…`). */
  tileQueries?: Partial<Record<ThematicLayer, string>>;
  /** What panels cover of the map (measured); fits keep clear of it. */
  insets?: Insets;
  /**
   * A legend drawn in the map's bottom-right control corner, stacked above the attribution and the scale bar: the
   * browser lays out the corner from their real sizes, so a legend never covers the attribution, folded or open, and
   * moves above a bottom sheet with them (layout.css).
   */
  legend?: ReactNode;
};

const sizeOf = (element: HTMLElement) => ({ width: element.clientWidth, height: element.clientHeight });

/** The one owner of the `maplibregl.Map`: creates it, feeds its sources, toggles layers and fits to results. */
export function MapView({ sources, visibility, fitRequest, drawing = null, tiled, tileQueries, insets = NO_INSETS, legend, ...callbacks }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const appliedRef = useRef(new Map<string, FeatureCollection>());
  // While drawing, a click places a vertex; it must not also open the feature under it.
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = drawing ? { ...callbacks, onSelect: () => {}, onPick: undefined } : callbacks;
  const drawerRef = useRef<FeatureDrawer | null>(null);
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;
  const [loaded, setLoaded] = useState(false);
  const { language } = useLanguage();
  const languageRef = useRef(language);
  const insetsRef = useRef(insets);
  insetsRef.current = insets;
  const fitterRef = useRef<AreaFitter | null>(null);
  const [legendSlot, setLegendSlot] = useState<HTMLElement | null>(null);
  const bounds = useAreaBounds();
  const boundsRef = useRef(bounds);
  boundsRef.current = bounds;
  const ready = bounds !== undefined;

  // The map is made once, when the area it starts on is known.
  useEffect(() => {
    const container = containerRef.current;
    if (!container || !ready) return;
    const map = createMap(container, safePadding(sizeOf(container), insetsRef.current), { bounds: boundsRef.current!, language: languageRef.current });
    registerMapForSnapshots(map);
    mapRef.current = map;
    bindMapEvents(map, () => callbacksRef.current);
    map.on('load', () => setLoaded(true));
    fitterRef.current = areaFitter(map, container, () => insetsRef.current, boundsRef.current!);
    // Added last, so it is the corner's topmost control (MapLibre stacks a bottom corner's controls upwards).
    const slot = document.createElement('div');
    slot.className = 'maplibregl-ctrl map-legend-slot';
    map.addControl({ onAdd: () => slot, onRemove: () => slot.remove() }, 'bottom-right');
    setLegendSlot(slot);
    return () => {
      setLegendSlot(null);
      drawerRef.current?.destroy();
      drawerRef.current = null;
      registerMapForSnapshots(null);
      map.remove();
      mapRef.current = null;
      appliedRef.current.clear();
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
    if (!map || !loaded || !tiled) return;
    for (const collection of tiled) switchToTiles(map, collection, tileQueries?.[collection]);
  }, [loaded, tiled, tileQueries]);

  const sessionKey = drawing?.sessionKey ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const request = drawingRef.current;
    if (!request) return void drawerRef.current?.end();
    drawerRef.current ??= new FeatureDrawer(map, (geometry) => drawingRef.current?.onGeometry(geometry));
    drawerRef.current.begin(request.kind, request.geometry);
  }, [loaded, sessionKey]);

  const drawnGeometry = drawing?.geometry ?? null;
  useEffect(() => {
    const drawer = drawerRef.current;
    if (!drawer || !drawingRef.current) return;
    if (JSON.stringify(drawer.current()) !== JSON.stringify(drawnGeometry)) drawer.show(drawnGeometry);
  }, [drawnGeometry]);

  useEffect(() => fitterRef.current?.refit(), [insets]);

  useEffect(() => {
    const map = mapRef.current, container = containerRef.current;
    if (!map || !container || !fitRequest) return;
    fitterRef.current?.leave();
    const [minX, minY, maxX, maxY] = fitRequest.bbox;
    map.fitBounds([[minX, minY], [maxX, maxY]], { padding: safePadding(sizeOf(container), insetsRef.current, 48), maxZoom: 15, duration: 1200 });
  }, [fitRequest]);

  return (
    <>
      <div ref={containerRef} className="map" data-testid="map" />
      {legendSlot && legend ? createPortal(legend, legendSlot) : null}
    </>
  );
}

