import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { lineKmPerCell, pointsPerCell } from '../analysis/exposure/index.ts';
import type { HexGridOver } from '../analysis/hex-bin/index.ts';
import type { FeatureStore } from '../storage/features.ts';
import { loadCollection } from './context.ts';

/** The assets rate hotspots weigh cells by, as read from the store. */
export type ExposureInput =
  | { kind: 'cable_km'; cables: FeatureCollection<LineString | MultiLineString> }
  | { kind: 'sites'; sites: FeatureCollection<Point> };

/**
 * Reads the exposure's assets (main thread): every carrier's cable in the ground (active and retired: thieves take
 * both) or the active BTS sites.
 */
export async function readExposure(features: FeatureStore, kind: 'cable_km' | 'sites'): Promise<ExposureInput> {
  if (kind === 'cable_km') {
    const cables = await loadCollection<LineString | MultiLineString, { status: string }>(features, 'cable_routes');
    return { kind, cables: { type: 'FeatureCollection', features: cables.features.filter((f) => f.properties.status !== 'planned') } as FeatureCollection<LineString | MultiLineString> };
  }
  const sites = await loadCollection<Point, { status: string }>(features, 'bts_sites');
  return { kind, sites: { type: 'FeatureCollection', features: sites.features.filter((f) => f.properties.status === 'active') } };
}

/** The exposure per cell of a grid (pure): km of cable or number of sites. */
export function exposureValues(grid: HexGridOver, input: ExposureInput): Float64Array {
  return input.kind === 'cable_km' ? lineKmPerCell(grid, input.cables) : pointsPerCell(grid, input.sites);
}
