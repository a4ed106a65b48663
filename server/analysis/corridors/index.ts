import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { coverRoutes } from './cover.ts';
import { mergeJoined } from './merge.ts';
import { routesOnPieces } from './members.ts';
import { cutPieces } from './pieces.ts';
import { localPlane } from './plane.ts';

/** Properties of one corridor piece. */
export type CorridorPieceProps = {
  piece_id: string;
  corridor_id: number;
  /** Piece number along its corridor, from 0. */
  piece_index: number;
  length_m: number;
  /** Ids of the cable routes that run along the piece, and their owners (carriers), sorted. */
  route_ids: (string | number)[];
  owners: string[];
};
/** Options of {@link corridorPieces}. */
export type CorridorOptions = {
  /** Parallel routes within this distance (metres) are one corridor. Default 100. */
  snapMeters?: number;
  /** Piece length, metres. Default 1000. */
  pieceMeters?: number;
  /** A shorter remainder (or short corridor) joins its neighbour. Default 250. */
  minPieceMeters?: number;
};

/**
 * The network as corridors cut into true 1 km pieces: parallel routes of any owner within `snapMeters` fold into one
 * corridor line (`cover.ts`), lines that join end to end merge into continuous corridors (`merge.ts`), corridors are
 * cut into pieces of `pieceMeters` (the last may be shorter; under `minPieceMeters` it, or a whole short corridor,
 * joins its neighbour; `pieces.ts`), and each piece lists the routes that run along it (`members.ts`).
 * @param cables cable routes with `owner` (not mutated)
 * @returns one (Multi)LineString per piece, in corridor order
 * @example corridorPieces(cableRoutes).features[0].properties.length_m // 1000
 */
export function corridorPieces(cables: FeatureCollection<LineString | MultiLineString>, options: CorridorOptions = {}): FeatureCollection<LineString | MultiLineString, CorridorPieceProps> {
  const { snapMeters = 100, pieceMeters = 1000, minPieceMeters = 250 } = options;
  if (!(snapMeters > 0)) throw new Error('snapMeters must be positive');
  if (!(pieceMeters > 0)) throw new Error('pieceMeters must be positive');
  if (!(minPieceMeters >= 0 && minPieceMeters < pieceMeters)) throw new Error('minPieceMeters must be between 0 and pieceMeters');
  if (cables.features.length === 0) return { type: 'FeatureCollection', features: [] };
  const plane = localPlane((bbox(cables)[1] + bbox(cables)[3]) / 2);
  const parts = cables.features.flatMap((cable, i) => (cable.geometry.type === 'LineString' ? [cable.geometry.coordinates] : cable.geometry.coordinates)
    .filter((line) => line.length >= 2).map((line) => ({ route: i, line: line.map(plane.toPlane) })));
  const { corridors, touches } = mergeJoined(coverRoutes(parts.map((p) => p.line), snapMeters));
  const lonLat = corridors.map((c) => ({ ...c, coordinates: c.coordinates.map(plane.toLonLat) }));
  const pieces = cutPieces(lonLat, touches, pieceMeters, minPieceMeters, snapMeters);
  const members = routesOnPieces(pieces.map((p) => p.lines.map((line) => line.map(plane.toPlane))), parts.map((p) => p.line), snapMeters);
  const indexInCorridor = new Map<number, number>();
  const features = pieces.map((piece, p): Feature<LineString | MultiLineString, CorridorPieceProps> => {
    const k = indexInCorridor.get(piece.corridor) ?? 0;
    indexInCorridor.set(piece.corridor, k + 1);
    const routes = [...new Set(members[p].map((m) => parts[m].route))].sort((a, b) => a - b).map((r) => cables.features[r]);
    return {
      type: 'Feature',
      geometry: piece.lines.length === 1 ? { type: 'LineString', coordinates: round(piece.lines[0]) } : { type: 'MultiLineString', coordinates: piece.lines.map(round) },
      properties: {
        piece_id: `${piece.corridor}-${k}`, corridor_id: piece.corridor, piece_index: k, length_m: piece.lengthMeters,
        route_ids: routes.map((route, j) => route.id ?? cables.features.indexOf(routes[j])),
        owners: [...new Set(routes.map((route) => String(route.properties?.owner ?? '')).filter(Boolean))].sort(),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

const round = (line: Position[]): Position[] => line.map(([x, y]) => [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7]);
