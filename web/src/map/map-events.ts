import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Bbox } from '../api/types.ts';
import { LAYER_IDS, SOURCE_IDS, THEMATIC_LAYERS } from './layer-ids.ts';
import { collectionOfSource } from './tiled.ts';

/** A selected feature; `lngLat` is where it was clicked (a cut on a cable is traced from there). */
export type FeatureRef = { collection: string; id: number | string; lngLat?: [number, number] };

/** Several features under the pointer: the map asks which one was meant. */
export type PickRequest = { point: { x: number; y: number }; candidates: (FeatureRef & { properties: Record<string, unknown> })[] };

export type MapCallbacks = {
  onViewportChange: (bbox: Bbox) => void;
  onSelect: (feature: FeatureRef | null) => void;
  /** Called instead of onSelect when more than one feature lies under the click; absent: the topmost is selected. */
  onPick?: (request: PickRequest) => void;
  onPointer: (lngLat: { lng: number; lat: number } | null) => void;
};

const CLICKABLE: string[] = Object.values(THEMATIC_LAYERS).flat();

export function viewportBbox(map: MapLibreMap): Bbox {
  const bounds = map.getBounds();
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}

/** Pixels around the click that still count as "under the pointer": stacked cables are a few pixels apart. */
export const PICK_TOLERANCE_PX = 5;

/** The distinct selectable features under a point, topmost first (clusters and merged lines are not selectable). */
function featuresAt(map: MapLibreMap, point: { x: number; y: number }, layers: string[]) {
  const box: [[number, number], [number, number]] = [[point.x - PICK_TOLERANCE_PX, point.y - PICK_TOLERANCE_PX], [point.x + PICK_TOLERANCE_PX, point.y + PICK_TOLERANCE_PX]];
  const seen = new Set<string>();
  return map.queryRenderedFeatures(box, { layers }).filter((feature) => {
    const id = feature.id ?? feature.properties.id;
    if (id === undefined || feature.properties.point_count !== undefined || feature.properties.line_count !== undefined) return false;
    const key = `${collectionOfSource(feature.source)}/${id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function handleClick(map: MapLibreMap, event: MapMouseEvent, callbacks: MapCallbacks): Promise<void> {
  const layers = CLICKABLE.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  const [feature] = map.queryRenderedFeatures(event.point, { layers });
  const stacked = featuresAt(map, event.point, layers);
  if (stacked.length > 1 && callbacks.onPick) {
    const lngLat: [number, number] = [event.lngLat.lng, event.lngLat.lat];
    callbacks.onPick({
      point: event.point,
      candidates: stacked.map((candidate) => ({ collection: collectionOfSource(candidate.source), id: (candidate.id ?? candidate.properties.id) as number | string, lngLat, properties: candidate.properties })),
    });
    return;
  }
  if (!feature) return stacked[0] ? callbacks.onSelect({ collection: collectionOfSource(stacked[0].source), id: (stacked[0].id ?? stacked[0].properties.id) as number | string, lngLat: [event.lngLat.lng, event.lngLat.lat] }) : callbacks.onSelect(null);
  if (feature.layer.id === LAYER_IDS.btsCluster || feature.layer.id === LAYER_IDS.btsClusterCount) {
    // A GeoJSON cluster knows its expansion zoom; a thinned tile point just zooms in two steps.
    const source = feature.source === SOURCE_IDS.btsSites ? map.getSource<GeoJSONSource>(SOURCE_IDS.btsSites) : undefined;
    const zoom = source ? await source.getClusterExpansionZoom(Number(feature.properties.cluster_id)) : map.getZoom() + 2;
    // The zoom is the person's doing (their tap's event goes with it), so the app stops keeping the area fitted.
    map.easeTo({ center: event.lngLat, zoom }, { originalEvent: event.originalEvent });
    return;
  }
  if (feature.properties.line_count !== undefined) {
    // Below zoom 11 tiles merge cable routes into one feature per owner, tier and status: zoom in to reach one route.
    map.easeTo({ center: event.lngLat, zoom: map.getZoom() + 2 }, { originalEvent: event.originalEvent });
    return;
  }
  const id = feature.id ?? (feature.properties.id as number | string | undefined);
  if (id !== undefined) callbacks.onSelect({ collection: collectionOfSource(feature.source), id, lngLat: [event.lngLat.lng, event.lngLat.lat] });
}

/**
 * Wires the map's events to the app: debounced viewport changes on moveend, feature clicks (clusters zoom in),
 * pointer coordinates and the hover cursor. `callbacks()` returns the latest callbacks.
 */
export function bindMapEvents(map: MapLibreMap, callbacks: () => MapCallbacks): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emitViewport = () => {
    clearTimeout(timer);
    timer = setTimeout(() => callbacks().onViewportChange(viewportBbox(map)), 250);
  };
  map.on('load', emitViewport);
  map.on('moveend', emitViewport);
  map.on('click', (event) => void handleClick(map, event, callbacks()));
  map.on('mousemove', (event) => {
    callbacks().onPointer(event.lngLat);
    const hit = map.queryRenderedFeatures(event.point, { layers: CLICKABLE.filter((id) => map.getLayer(id)) }).length > 0;
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
  });
  map.on('mouseout', () => callbacks().onPointer(null));
}
