import type { FeatureCollection } from 'geojson';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { tileOfPosition } from '../../server/geometry/web-mercator.ts';
import type { ArchiveTile } from './write-archive.ts';

/**
 * Every non-empty vector tile of `layers` (one MVT layer per collection, named after it) from zoom `minZoom` to
 * `maxZoom` over `bounds`, sliced and simplified by MapLibre's geojson-vt and encoded by vt-pbf, gzipped.
 */
export function vectorTiles(layers: Record<string, FeatureCollection>, bounds: [number, number, number, number], minZoom: number, maxZoom: number): ArchiveTile[] {
  const indexes = Object.entries(layers).map(([name, data]) => [name, new GeoJSONVT(data, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, tolerance: 3, extent: 4096, buffer: 64 })] as const);
  const tiles: ArchiveTile[] = [];
  for (let z = minZoom; z <= maxZoom; z += 1) {
    const [minX, minY] = tileOfPosition(bounds[0], bounds[3], z);
    const [maxX, maxY] = tileOfPosition(bounds[2], bounds[1], z);
    for (let x = minX; x <= maxX; x += 1) {
      for (let y = minY; y <= maxY; y += 1) {
        const present: Record<string, GeoJSONVTTile> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) present[name] = tile;
        }
        if (Object.keys(present).length === 0) continue;
        tiles.push({ z, x, y, data: gzipSync(fromGeojsonVt(present, { version: 2, extent: 4096 })) });
      }
    }
  }
  return tiles;
}
