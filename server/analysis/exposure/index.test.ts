import { along, bboxPolygon, booleanPointInPolygon, featureCollection, length, lineSplit, lineString, point } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { hexGridOver } from '../hex-bin/index.ts';
import { lineKmPerCell, pointsPerCell } from './index.ts';

const AREA = bboxPolygon([107.9, 14.3, 108.0, 14.4]);
const GRID = hexGridOver(AREA, { cellSizeMeters: 1000 });
const LINES = featureCollection<LineString | MultiLineString>([
  lineString([[107.905, 14.31], [107.99, 14.39]]),
  lineString([[107.91, 14.35], [107.95, 14.352], [107.96, 14.30], [107.985, 14.33]]),
]);

/** Exact km of a line inside one cell (split by the cell's outline, the pieces whose middle lies inside) and its edge crossings. */
function exactKm(cell: Feature<import('geojson').Polygon>, line: Feature<LineString>): { km: number; crossings: number } {
  const pieces = lineSplit(line, cell).features;
  const candidates = pieces.length > 0 ? pieces : [line];
  return candidates.reduce((sum, piece) => {
    const km = length(piece);
    return booleanPointInPolygon(along(piece, km / 2), cell) ? { km: sum.km + km, crossings: sum.crossings + (pieces.length > 0 ? 2 : 0) } : sum;
  }, { km: 0, crossings: 0 });
}

describe('exposure per cell', () => {
  it('gives each cell the km of cable turf measures inside it (within 25 m per crossing of its edge)', () => {
    const km = lineKmPerCell(GRID, LINES);
    GRID.cells.features.forEach((cell, i) => {
      const exact = LINES.features.map((line) => exactKm(cell, line as Feature<LineString>));
      const crossings = exact.reduce((sum, e) => sum + e.crossings, 0);
      expect(Math.abs(km[i] - exact.reduce((sum, e) => sum + e.km, 0)), `cell ${i}`).toBeLessThanOrEqual(0.026 * crossings + 1e-9);
    });
    const total = LINES.features.reduce((sum, line) => sum + length(line), 0);
    expect(km.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
  });

  it('counts the sites in each cell', () => {
    const sites = featureCollection([point([107.95, 14.35]), point([107.9501, 14.3501]), point([109, 15])]);
    const counts = pointsPerCell(GRID, sites);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(Math.max(...counts)).toBe(2);
  });

  it('gives zero everywhere without lines', () => {
    expect(lineKmPerCell(GRID, featureCollection([])).every((v) => v === 0)).toBe(true);
  });
});
