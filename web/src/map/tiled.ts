import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import { THEMATIC_LAYERS, type ThematicLayer } from './layer-ids.ts';

/** Collections larger than this are drawn from vector tiles instead of one GeoJSON download. */
export const TILE_THRESHOLD = 50_000;
export const TILED_SUFFIX = '-tiles';

/** The vector-tile source of a collection: the API's OGC API – Tiles path (row before column), same origin. */
export function tileSource(collection: string, origin: string): SourceSpecification {
  return { type: 'vector', tiles: [`${origin}/api/collections/${collection}/tiles/WebMercatorQuad/{z}/{y}/{x}`], minzoom: 0, maxzoom: 16 };
}

/** A thematic layer re-pointed at its collection's tiles (the tile layer inside is named after the collection). */
export function tiledLayer(layer: LayerSpecification, collection: string): LayerSpecification {
  return { ...layer, source: `${collection}${TILED_SUFFIX}`, 'source-layer': collection } as LayerSpecification;
}

/** Switches a collection's layers from its GeoJSON source to vector tiles, keeping their order and paint. */
export function switchToTiles(map: MapLibreMap, collection: ThematicLayer): void {
  const source = `${collection}${TILED_SUFFIX}`;
  if (map.getSource(source)) return;
  map.addSource(source, tileSource(collection, location.origin));
  const order = map.getStyle().layers.map((layer) => layer.id);
  for (const id of THEMATIC_LAYERS[collection]) {
    const layer = map.getStyle().layers.find((candidate) => candidate.id === id);
    if (!layer) continue;
    const before = order[order.indexOf(id) + 1];
    map.removeLayer(id);
    map.addLayer(tiledLayer(layer, collection), before && map.getLayer(before) ? before : undefined);
  }
}

/** The collection a rendered feature belongs to, whether it came from GeoJSON or from tiles. */
export const collectionOfSource = (source: string): string => (source.endsWith(TILED_SUFFIX) ? source.slice(0, -TILED_SUFFIX.length) : source);
