import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { lineKmPerCell, pointsPerCell } from '../analysis/exposure/index.ts';
import type { HexGridOver } from '../analysis/hex-bin/index.ts';
import type { FeatureProvider } from '../storage/provider.ts';
import { loadCollection } from './context.ts';

/**
 * Exposure per cell of a grid for rate hotspots: km of cable (every carrier's routes) or BTS sites. Planned and
 * retired assets are left out: theft follows what is in the ground.
 */
export function cellExposure(provider: FeatureProvider, grid: HexGridOver, kind: 'cable_km' | 'sites'): Float64Array {
  if (kind === 'cable_km') {
    const cables = loadCollection<LineString | MultiLineString, { status: string }>(provider, 'cable_routes');
    return lineKmPerCell(grid, { type: 'FeatureCollection', features: cables.features.filter((f) => f.properties.status === 'active') } as FeatureCollection<LineString | MultiLineString>);
  }
  const sites = loadCollection<Point, { status: string }>(provider, 'bts_sites');
  return pointsPerCell(grid, { type: 'FeatureCollection', features: sites.features.filter((f) => f.properties.status === 'active') });
}
