import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** One feature of a decoded tile: id, properties and its rings or lines in tile units (0–4096, y down). */
export type DecodedFeature = { id: number | undefined; type: 'Point' | 'LineString' | 'Polygon' | 'Unknown'; properties: Record<string, unknown>; geometry: [number, number][][] };

/**
 * The features of one layer of a Mapbox Vector Tile, decoded by @mapbox/vector-tile (MapLibre's own decoder, no code
 * of ours), sorted by id and then by properties. A tile without the layer has none.
 */
export function decodeLayer(bytes: Uint8Array, layer: string): DecodedFeature[] {
  const found = new VectorTile(new PbfReader(bytes)).layers[layer];
  if (!found) return [];
  const features = Array.from({ length: found.length }, (_, index) => {
    const feature = found.feature(index);
    return {
      id: feature.id,
      type: (['Unknown', 'Point', 'LineString', 'Polygon'] as const)[feature.type],
      properties: { ...feature.properties },
      geometry: feature.loadGeometry().map((ring) => ring.map((point): [number, number] => [point.x, point.y])),
    };
  });
  const key = (feature: DecodedFeature) => JSON.stringify(Object.entries(feature.properties).sort(([a], [b]) => (a < b ? -1 : 1)));
  return features.sort((a, b) => (a.id ?? -1) - (b.id ?? -1) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

type Position2 = [number, number];

function distanceToSegment([px, py]: Position2, [ax, ay]: Position2, [bx, by]: Position2): number {
  const dx = bx - ax, dy = by - ay;
  const along = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + along * dx), py - (ay + along * dy));
}

/** The farthest any vertex of `from` lies from the lines (rings, or points) of `to`, in tile units. */
export function farthestVertex(from: Position2[][], to: Position2[][]): number {
  let farthest = 0;
  for (const vertex of from.flat()) {
    let nearest = Infinity;
    for (const line of to) {
      if (line.length === 1) nearest = Math.min(nearest, Math.hypot(vertex[0] - line[0][0], vertex[1] - line[0][1]));
      for (let index = 1; index < line.length && nearest > 0; index++) nearest = Math.min(nearest, distanceToSegment(vertex, line[index - 1], line[index]));
    }
    farthest = Math.max(farthest, nearest);
  }
  return farthest;
}

/**
 * How far apart two decoded geometries are, in tile units: the larger of the two one-sided vertex-to-line distances
 * (a discrete Hausdorff distance), so a part missing from either side shows as its distance from the other.
 */
export const geometryGap = (a: Position2[][], b: Position2[][]): number => Math.max(farthestVertex(a, b), farthestVertex(b, a));

/** Whether a position is inside the tile itself (not its buffer). */
export const inTile = ([x, y]: Position2, extent = 4096) => x >= 0 && x <= extent && y >= 0 && y <= extent;

/**
 * The cells of a `cells` × `cells` grid over the tile (not its buffer) whose centres a polygon's rings cover, by the
 * even–odd rule, as a scanline fill: the area a map fills, wherever the rings start, however they are split.
 */
export function filledCells(rings: Position2[][], cells = 256, extent = 4096): Set<number> {
  const filled = new Set<number>();
  const size = extent / cells;
  for (let row = 0; row < cells; row++) {
    const y = (row + 0.5) * size;
    const crossings: number[] = [];
    for (const ring of rings) {
      for (let index = 1; index < ring.length; index++) {
        const [[ax, ay], [bx, by]] = [ring[index - 1], ring[index]];
        if ((ay <= y) !== (by <= y)) crossings.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let index = 0; index + 1 < crossings.length; index += 2) {
      for (let column = Math.max(0, Math.ceil(crossings[index] / size - 0.5)); column < cells && (column + 0.5) * size <= crossings[index + 1]; column++) filled.add(row * cells + column);
    }
  }
  return filled;
}
