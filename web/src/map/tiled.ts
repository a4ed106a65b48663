import type { LayerSpecification, Map as MapLibreMap, SourceSpecification, VectorTileSource } from 'maplibre-gl';
import { THEMATIC_LAYERS, type ThematicLayer } from './layer-ids.ts';

/** Collections larger than this are drawn from vector tiles instead of one GeoJSON download. */
export const TILE_THRESHOLD = 50_000;
export const TILED_SUFFIX = '-tiles';

/** The tile URL template of a collection: the API's OGC API – Tiles path (row before column), with its query (e.g. `datetime=…`). */
export const tileUrl = (collection: string, origin: string, query = ''): string =>
  `${origin}/api/collections/${collection}/tiles/WebMercatorQuad/{z}/{y}/{x}${query ? `?${query}` : ''}`;

/** The vector-tile source of a collection, same origin. */
export function tileSource(collection: string, origin: string, query = ''): SourceSpecification {
  return { type: 'vector', tiles: [tileUrl(collection, origin, query)], minzoom: 0, maxzoom: 16 };
}

/** A thematic layer re-pointed at its collection's tiles (the tile layer inside is named after the collection). */
export function tiledLayer(layer: LayerSpecification, collection: string): LayerSpecification {
  return { ...layer, source: `${collection}${TILED_SUFFIX}`, 'source-layer': collection } as LayerSpecification;
}

/**
 * Switches a collection's layers from its GeoJSON source to vector tiles, keeping their order and paint; once
 * switched, a new query (the incident period) only points the source at other tiles.
 */
export function switchToTiles(map: MapLibreMap, collection: ThematicLayer, query = ''): void {
  const source = `${collection}${TILED_SUFFIX}`;
  const existing = map.getSource<VectorTileSource>(source);
  if (existing) {
    const url = tileUrl(collection, location.origin, query);
    if (existing.tiles?.[0] !== url) existing.setTiles([url]);
    return;
  }
  map.addSource(source, tileSource(collection, location.origin, query));
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
