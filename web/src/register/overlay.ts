import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CaseFile, CaseRow } from './api.ts';

/** How a case is drawn on the register's map layer: a row of the page, the open case, or one near it. */
export type CaseRole = 'row' | 'case' | 'nearby';

const point = (id: number, coordinates: [number, number], properties: Record<string, unknown>): Feature<Point> =>
  ({ type: 'Feature', id, geometry: { type: 'Point', coordinates }, properties: { id, ...properties } });

/** The register page's cases as points, so the map shows what the table lists (overdue and new ones marked). */
export function rowsOverlay(rows: readonly CaseRow[]): FeatureCollection<Point> {
  return { type: 'FeatureCollection', features: rows.map((row) => point(row.id, [row.lon, row.lat], { role: 'row', overdue: row.overdue, new: row.isNew })) };
}

/** An open case and the incidents near it. */
export function caseOverlay(file: CaseFile): FeatureCollection<Point> {
  const here = (file.incident.geometry as Point).coordinates as [number, number];
  return {
    type: 'FeatureCollection',
    features: [
      ...file.nearby.map((other) => point(other.id, other.coordinates, { role: 'nearby', overdue: false, new: false })),
      point(file.incident.id, here, { role: 'case', overdue: file.assignment?.overdue ?? false, new: false }),
    ],
  };
}
