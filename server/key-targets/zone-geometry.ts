import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { positionOutsideProvince } from '../geometry/province.ts';
import { geometryProblems, type GeometryProblem } from '../geometry/validate.ts';

/**
 * What is wrong with a proposed zone's geometry: validity (quadratic in its vertices), a Polygon or MultiPolygon,
 * inside the province. Pure and possibly slow, so it runs in the work pool.
 */
export function zoneGeometryProblems({ geometry, province }: { geometry: unknown; province: Feature<Polygon | MultiPolygon> | undefined }): GeometryProblem[] {
  const problems = geometryProblems(geometry);
  const kind = (geometry as { type?: string } | null)?.type;
  if (problems.length === 0 && kind !== 'Polygon' && kind !== 'MultiPolygon') problems.push({ path: 'geometry.type', message: 'Polygon or MultiPolygon expected' });
  if (problems.length === 0 && positionOutsideProvince(geometry as Polygon, province)) problems.push({ path: 'geometry', message: 'outside the province' });
  return problems;
}
