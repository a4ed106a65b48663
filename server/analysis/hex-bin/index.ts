import { bbox as turfBbox, booleanPointInPolygon, hexGrid } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { boundaryKeys, insideShare, planarArea } from './area-share.ts';
import { hexAt, hexCenter, hexExists, hexLayout, type HexLayout } from './layout.ts';

export { hexLayout, hexAt, type HexLayout } from './layout.ts';

/**
 * Properties of a grid cell: `cell_id` is the position in the grid's feature list; `area_share` the share of the hex's
 * area inside the study area (1 inside, less at the border), so a sliver never weighs as a full cell.
 */
export type HexCellProps = { cell_id: number; col: number; row: number; center: [number, number]; area_share: number };
/** A hex grid over a study area, with the turf layout and a (col,row) → cell_id index. */
export type HexGridOver = { cells: FeatureCollection<Polygon, HexCellProps>; layout: HexLayout; index: Map<number, number> };

const key = (l: HexLayout, col: number, row: number): number => col * (l.yCount + 1) + row;

/**
 * turf `hexGrid` over the study area's bbox padded by two cells on every side (turf leaves the edges of its
 * bbox uncovered), keeping only the hexes that intersect the study area.
 * @param studyArea polygon or multipolygon (not mutated)
 * @param options.cellSizeMeters hexagon side (turf `cellSide`) in metres; must be positive
 * @returns cells with cell_id 0…n−1 and their area_share, the grid layout and an index for {@link binPoints}
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
  const crossed = boundaryKeys(layout, studyArea, (col, row) => key(layout, col, row));
  const planar = planarArea(studyArea);
  for (const hex of grid.features) {
    const ring = hex.geometry.coordinates[0];
    const cx = (ring[0][0] + ring[3][0]) / 2, cy = (ring[1][1] + ring[4][1]) / 2;
    const [col, row] = hexAt(layout, cx, cy);
    // A hex the boundary does not cross is wholly inside or outside, so its centre decides; the others are clipped.
    const share = crossed.has(key(layout, col, row)) ? insideShare(ring, planar) : booleanPointInPolygon([cx, cy], studyArea) ? 1 : 0;
    if (share <= 1e-9) continue;
    const cell_id = features.length;
    index.set(key(layout, col, row), cell_id);
    features.push({ type: 'Feature', geometry: hex.geometry, properties: { cell_id, col, row, center: hexCenter(layout, col, row), area_share: share } });
  }
  return { cells: { type: 'FeatureCollection', features }, layout, index };
}

/**
 * The cell_id of the kept cell holding [lon, lat], by hex coordinates (O(1), no point-in-polygon), or −1.
 * @example cellAt(grid, 108.0, 14.35)
 */
export function cellAt(grid: HexGridOver, lon: number, lat: number): number {
  const [col, row] = hexAt(grid.layout, lon, lat);
  if (!hexExists(grid.layout, col, row)) return -1;
  return grid.index.get(key(grid.layout, col, row)) ?? -1;
}

/**
 * Count points per cell by hex coordinates (O(1) per point, no point-in-polygon). Points in no kept cell are skipped.
 * @returns counts indexed by cell_id
 */
export function binPoints(grid: HexGridOver, points: FeatureCollection<Point>): Int32Array {
  const counts = new Int32Array(grid.cells.features.length);
  for (const f of points.features) {
    const id = cellAt(grid, f.geometry.coordinates[0], f.geometry.coordinates[1]);
    if (id >= 0) counts[id]++;
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
  for (let i = 0; i < x.length; i++) {
    const id = cellAt(grid, x[i], y[i]);
    if (id >= 0) counts[id]++;
  }
  return counts;
}
