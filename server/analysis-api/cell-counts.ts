import { EXCLUDED_BY_DEFAULT } from '../analysis/selection/index.ts';
import { binCoordinates, type HexGridOver } from '../analysis/hex-bin/index.ts';
import type { FeatureStore, PointFilter } from '../storage/features.ts';
import type { Selection } from './params.ts';

/**
 * Incidents per grid cell for a selection, from the store's coordinate-only read (filters applied in SQL), so a
 * million incidents never become GeoJSON. Only for selections over the whole province: a district or drawn area needs the exact
 * point-in-polygon test of `selectIncidents`, so those return null and callers bin the points themselves.
 * @returns counts by cell_id and the number of incidents selected, or null when the selection needs the points
 */
export async function selectionCellCounts(features: FeatureStore, selection: Selection, grid: HexGridOver): Promise<{ counts: number[]; total: number } | null> {
  if (selection.area) return null;
  // The same bounds as selectIncidents' string comparison on second-precision ISO instants.
  const datetime = { startMs: Date.parse(`${selection.start}T00:00:00Z`), endMs: Date.parse(`${selection.end}T23:59:59Z`) };
  const where: PointFilter['where'][number][] = [];
  if (selection.types?.length) where.push({ property: 'type', values: selection.types });
  if (selection.sources?.length) where.push({ property: 'source', values: selection.sources });
  where.push(selection.statuses?.length ? { property: 'status', values: selection.statuses } : { property: 'status', values: EXCLUDED_BY_DEFAULT, negate: true });
  const { x, y } = await features.pointCoordinates('incidents', { datetime, where });
  return { counts: Array.from(binCoordinates(grid, x, y)), total: x.length };
}
