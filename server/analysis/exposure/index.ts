import { distance } from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString, Point, Polygon, Position } from 'geojson';
import { binPoints, cellAt, type HexGridOver } from '../hex-bin/index.ts';

/** Longest piece a line is cut into before its pieces are binned by midpoint, as a share of the cell side. */
const PIECE_SHARE = 1 / 20;

/**
 * Kilometres of line in each grid cell: every segment is cut into pieces of at most a twentieth of the cell side and
 * each piece is credited to the cell holding its midpoint (so a cell's length is exact up to half a piece at each
 * crossing of its edge). Lengths are turf distances.
 * @param grid a hex grid (`hexGridOver`)
 * @param lines cable routes; lengths outside every cell are dropped
 * @returns km per cell, indexed by cell_id
 */
export function lineKmPerCell(grid: HexGridOver, lines: FeatureCollection<LineString | MultiLineString>): Float64Array {
  const km = new Float64Array(grid.cells.features.length);
  const sideKm = sideOf(grid);
  for (const line of lines.features) {
    const parts: Position[][] = line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates;
    for (const part of parts) {
      for (let k = 1; k < part.length; k++) {
        const segmentKm = distance(part[k - 1], part[k]);
        const pieces = Math.max(1, Math.ceil(segmentKm / (sideKm * PIECE_SHARE)));
        for (let s = 0; s < pieces; s++) {
          const t = (s + 0.5) / pieces;
          const cell = cellAt(grid, part[k - 1][0] + (part[k][0] - part[k - 1][0]) * t, part[k - 1][1] + (part[k][1] - part[k - 1][1]) * t);
          if (cell >= 0) km[cell] += segmentKm / pieces;
        }
      }
    }
  }
  return km;
}

/** Number of points (sites) in each cell. */
export function pointsPerCell(grid: HexGridOver, points: FeatureCollection<Point>): Float64Array {
  return Float64Array.from(binPoints(grid, points));
}

/** The hex side in km, from the first cell's ring (turf hexes: corner 0 to corner 1 is one side). */
function sideOf(grid: HexGridOver): number {
  const ring = (grid.cells.features[0] as { geometry: Polygon } | undefined)?.geometry.coordinates[0];
  return ring ? distance(ring[0], ring[1]) : 1;
}
