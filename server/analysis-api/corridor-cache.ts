import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { corridorPieces, type CorridorPieceProps } from '../analysis/corridors/index.ts';
import { NETWORK_PREFIX, type ChangeCounters } from '../storage/change-counters.ts';
import type { FeatureProvider } from '../storage/provider.ts';
import { loadCollection } from './context.ts';

type Pieces = FeatureCollection<LineString | MultiLineString, CorridorPieceProps>;

/**
 * The corridor pieces of every carrier's built network (active and retired cable: thieves take both; planned cable is
 * not in the ground), rebuilt only when some carrier's network changed: a second or so at province scale, reused by
 * every hot-stretch request.
 */
export function createCorridorCache(provider: FeatureProvider, counters: ChangeCounters) {
  let cached: { version: number; pieces: Pieces } | null = null;
  return (): Pieces => {
    const version = counters.total(NETWORK_PREFIX);
    if (cached && cached.version === version) return cached.pieces;
    const cables = loadCollection<LineString | MultiLineString, { status: string }>(provider, 'cable_routes');
    const built = { type: 'FeatureCollection' as const, features: cables.features.filter((cable) => cable.properties.status !== 'planned') };
    cached = { version, pieces: corridorPieces(built as FeatureCollection<LineString | MultiLineString>) };
    return cached.pieces;
  };
}
export type CorridorCache = ReturnType<typeof createCorridorCache>;
