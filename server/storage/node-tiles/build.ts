import type { CollectionDef } from '../../collections/types.ts';
import type { ItemQuery, PropertyFilter, TileFeature } from '../features.ts';
import { redactWith } from '../redaction.ts';
import { EVERY_LINE_ZOOM, FOREIGN_LINES_FROM_ZOOM, LOW_ZOOMS, MAX_FEATURES_PER_TILE, THIN_BELOW_ZOOM } from '../tile-grid.ts';
import { otherOwners, tileReach, type TileRequest } from '../vector-tiles.ts';
import { encodeTile } from './encode.ts';
import { mergeLines } from './merge-lines.ts';

/** What a provider that builds its tiles in Node reads them from (the SQLite provider: its aggregates and generalised lines). */
export type TileReader = {
  /** One point per cell of the tile's grid (`tile-grid.ts`): the lowest id among the matching points there, with how many match. */
  thinTile(collection: CollectionDef, tile: { z: number; x: number; y: number }, query: ItemQuery): { id: number; count: number }[];
  /**
   * The features of a tile at `zoom`, ordered by id up to the limit: below LOW_ZOOMS with the tile properties only, and
   * lines generalised, leaving out those drawn only deeper (`tileMinZoom`), merged by their properties (`line_count`).
   */
  tileFeatures(collection: CollectionDef, query: ItemQuery, zoom: number): TileFeature[];
};

/**
 * A low-zoom line tile's features before merging. A reader who sees some owners' rows in full and others' redacted
 * (a carrier) gets its own lines by their zoom rule and the others' lines of every tier alike from
 * FOREIGN_LINES_FROM_ZOOM, so neither their presence nor their merged `line_count` tells another carrier's tier.
 */
function lowZoomLines(reader: TileReader, collection: CollectionDef, query: ItemQuery, own: PropertyFilter | undefined, z: number): TileFeature[] {
  if (!own) return reader.tileFeatures(collection, query, z);
  const lines = reader.tileFeatures(collection, { ...query, filters: [...query.filters, own] }, z);
  if (z < FOREIGN_LINES_FROM_ZOOM) return lines;
  for (const owner of otherOwners(collection, own)) {
    lines.push(...reader.tileFeatures(collection, { ...query, filters: [...query.filters, { property: own.property, value: owner }] }, EVERY_LINE_ZOOM));
  }
  return lines;
}

/**
 * Tile z/x/y of a collection built in Node, from `reader`, and encoded by geojson-vt and vt-pbf. Points are thinned
 * below THIN_BELOW_ZOOM (`point_count` when a point stands for several); below LOW_ZOOMS lines come generalised and
 * merged by their redacted tile properties; every feature is redacted by the scope.
 */
export function buildTileInNode(reader: TileReader, collection: CollectionDef, { z, x, y, datetime, scope }: TileRequest): Uint8Array {
  const redact = redactWith(scope.redaction);
  const query: ItemQuery = { bbox: tileReach(z, x, y), datetime, filters: scope.filters, ids: scope.ids, limit: MAX_FEATURES_PER_TILE, offset: 0 };
  let features: TileFeature[];
  if (collection.geometry === 'Point' && z < THIN_BELOW_ZOOM) {
    // Thinned in the store: one point per grid cell, so a low-zoom tile never materialises every point under it.
    const kept = reader.thinTile(collection, { z, x, y }, { ...query, bbox: undefined, limit: 0 });
    const counts = new Map(kept.map((cell) => [cell.id, cell.count]));
    features = reader.tileFeatures(collection, { filters: [], ids: [...counts.keys()], limit: kept.length, offset: 0 }, z).map(redact).map((feature) => {
      const count = counts.get(feature.id!)!;
      // As in clustered GeoJSON, a point standing for itself alone is not a cluster.
      return count > 1 ? { ...feature, properties: { ...feature.properties, point_count: count } } : feature;
    });
  } else if (collection.geometry === 'Line' && z < LOW_ZOOMS) {
    features = mergeLines(lowZoomLines(reader, collection, query, scope.privateRows, z), redact);
  } else {
    features = reader.tileFeatures(collection, query, z).map(redact);
  }
  return encodeTile(collection.id, features, z, x, y);
}
