import { EXCLUDED_BY_DEFAULT } from '../analysis/selection/index.ts';
import { binCoordinates, type HexGridOver } from '../analysis/hex-bin/index.ts';
import type { FeatureStore, PointFilter } from '../storage/features.ts';
import type { Selection } from './params.ts';

export type Coordinates = { x: Float64Array; y: Float64Array };

/**
 * The selected incidents' coordinates from the store's coordinate-only read (filters applied in SQL), so a million
 * incidents never become GeoJSON. Only for selections over the whole province: a district or drawn area needs the
 * exact point-in-polygon test of `selectIncidents`, so those return null and callers bin the points themselves.
 */
export async function readSelectionCoordinates(features: FeatureStore, selection: Selection): Promise<Coordinates | null> {
  if (selection.area) return null;
  // The same bounds as selectIncidents' string comparison on second-precision ISO instants.
  const datetime = { startMs: Date.parse(`${selection.start}T00:00:00Z`), endMs: Date.parse(`${selection.end}T23:59:59Z`) };
  const where: PointFilter['where'][number][] = [];
  if (selection.types?.length) where.push({ property: 'type', values: selection.types });
  if (selection.sources?.length) where.push({ property: 'source', values: selection.sources });
  where.push(selection.statuses?.length ? { property: 'status', values: selection.statuses } : { property: 'status', values: EXCLUDED_BY_DEFAULT, negate: true });
  return features.pointCoordinates('incidents', { datetime, where });
}

/** Incidents per grid cell from `readSelectionCoordinates`' answer: counts by cell_id and the number of incidents. */
export function binnedCellCounts(coordinates: Coordinates, grid: HexGridOver): { counts: number[]; total: number } {
  return { counts: Array.from(binCoordinates(grid, coordinates.x, coordinates.y)), total: coordinates.x.length };
}

/**
 * Incidents per grid cell for a province-wide selection, read and binned in one call (benchmarks and tests); null for
 * a district or drawn area, as `readSelectionCoordinates`.
 */
export async function selectionCellCounts(features: FeatureStore, selection: Selection, grid: HexGridOver): Promise<{ counts: number[]; total: number } | null> {
  const coordinates = await readSelectionCoordinates(features, selection);
  return coordinates && binnedCellCounts(coordinates, grid);
}

/** The coordinate arrays' memory, handed to the worker rather than copied (they are not used here afterwards). */
export const coordinateTransfer = (coordinates: Coordinates | null): ArrayBuffer[] => (coordinates ? [coordinates.x.buffer as ArrayBuffer, coordinates.y.buffer as ArrayBuffer] : []);
