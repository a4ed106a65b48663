import { bbox as turfBbox, booleanIntersects, booleanPointInPolygon, coordAll, hexGrid } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { hexAt, hexCenter, hexExists, hexLayout, type HexLayout } from './layout.ts';

export { hexLayout, hexAt, type HexLayout } from './layout.ts';

/** Properties of a grid cell: `cell_id` is the position in the grid's feature list. */
export type HexCellProps = { cell_id: number; col: number; row: number; center: [number, number] };
/** A hex grid over a study area, with the turf layout and a (col,row) → cell_id index. */
export type HexGridOver = { cells: FeatureCollection<Polygon, HexCellProps>; layout: HexLayout; index: Map<number, number> };

const key = (l: HexLayout, col: number, row: number): number => col * (l.yCount + 1) + row;

/**
 * turf `hexGrid` over the study area's bbox padded by two cells on every side (turf leaves the edges of its
 * bbox uncovered), keeping only the hexes that intersect the study area.
 * @param studyArea polygon or multipolygon (not mutated)
 * @param options.cellSizeMeters hexagon side (turf `cellSide`) in metres; must be positive
 * @returns cells with cell_id 0…n−1, the grid layout and an index for {@link binPoints}
 * @example hexGridOver(area, { cellSizeMeters: 1000 }).cells.features.length
 */
export function hexGridOver(studyArea: Feature<Polygon | MultiPolygon>, options: { cellSizeMeters: number }): HexGridOver {
  const { cellSizeMeters } = options;
  if (!(cellSizeMeters > 0)) throw new Error('cellSizeMeters must be positive');
  const [w, s, e, n] = turfBbox(studyArea);
  const padLat = (cellSizeMeters * 4) / 111_320;
  const padLon = padLat / Math.cos(((s + n) / 2) * Math.PI / 180);
  const box: [number, number, number, number] = [w - padLon, s - padLat, e + padLon, n + padLat];
  const cellSideKm = cellSizeMeters / 1000;
  const layout = hexLayout(box, cellSideKm);
  const grid = hexGrid(box, cellSideKm);
  const features: Feature<Polygon, HexCellProps>[] = [];
  const index = new Map<number, number>();
  const boundaryCells = cellsHoldingVertices(layout, studyArea);
  for (const hex of grid.features) {
    const ring = hex.geometry.coordinates[0];
    const cx = (ring[0][0] + ring[3][0]) / 2, cy = (ring[1][1] + ring[4][1]) / 2;
    const [col, row] = hexAt(layout, cx, cy);
    // A hex whose centre or a corner lies inside intersects; only hexes the boundary passes through need turf's full test.
    const inside = booleanPointInPolygon([cx, cy], studyArea) || ring.some((corner) => booleanPointInPolygon(corner, studyArea));
    if (!inside && !(boundaryCells.has(key(layout, col, row)) && booleanIntersects(hex, studyArea))) continue;
    const cell_id = features.length;
    index.set(key(layout, col, row), cell_id);
    features.push({ type: 'Feature', geometry: hex.geometry, properties: { cell_id, col, row, center: hexCenter(layout, col, row) } });
  }
  return { cells: { type: 'FeatureCollection', features }, layout, index };
}

/** Keys of the hexes (and their neighbours) holding a vertex of the study area's boundary. */
function cellsHoldingVertices(layout: HexLayout, studyArea: Feature<Polygon | MultiPolygon>): Set<number> {
  const keys = new Set<number>();
  for (const [lon, lat] of coordAll(studyArea)) {
    const [col, row] = hexAt(layout, lon, lat);
    for (let dc = -1; dc <= 1; dc++) for (let dr = -1; dr <= 1; dr++) keys.add(key(layout, col + dc, row + dr));
  }
  return keys;
}

/**
 * Count points per cell by hex coordinates (O(1) per point, no point-in-polygon). Points in no kept cell are skipped.
 * @returns counts indexed by cell_id
 */
export function binPoints(grid: HexGridOver, points: FeatureCollection<Point>): Int32Array {
  const counts = new Int32Array(grid.cells.features.length);
  const { layout, index } = grid;
  for (const f of points.features) {
    const [lon, lat] = f.geometry.coordinates;
    const [col, row] = hexAt(layout, lon, lat);
    if (!hexExists(layout, col, row)) continue;
    const id = index.get(key(layout, col, row));
    if (id !== undefined) counts[id]++;
  }
  return counts;
}

/**
 * {@link binPoints} over coordinates held in two parallel arrays (the store's leanest read), without building
 * GeoJSON for every point.
 * @returns counts indexed by cell_id
 */
export function binCoordinates(grid: HexGridOver, x: ArrayLike<number>, y: ArrayLike<number>): Int32Array {
  const counts = new Int32Array(grid.cells.features.length);
  const { layout, index } = grid;
  for (let i = 0; i < x.length; i++) {
    const [col, row] = hexAt(layout, x[i], y[i]);
    if (!hexExists(layout, col, row)) continue;
    const id = index.get(key(layout, col, row));
    if (id !== undefined) counts[id]++;
  }
  return counts;
}
