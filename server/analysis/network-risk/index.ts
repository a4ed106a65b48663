import { featureCollection, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Position } from 'geojson';
import type { CorridorPieceProps } from '../corridors/index.ts';
import { localPlane, segmentIndex } from '../corridors/plane.ts';

/** Properties of one ranked stretch: a corridor piece with the incidents credited to it. */
export type HotStretchProps = CorridorPieceProps & {
  rank: number;
  count: number;
  /** Incidents credited to the piece per km of it per year of the window. */
  rate_per_km_year: number;
  incident_ids: (string | number)[];
  stroke: string;
  'stroke-width': number;
};

/** Options of {@link hotStretches}. */
export type HotStretchOptions = {
  /** Incidents farther than this from every piece (metres) are not credited. Default 100. */
  snapMeters?: number;
  /** Length of the time window the incidents cover, in years (required, > 0). */
  years: number;
  /** Number of stretches returned. Default 20. */
  top?: number;
  /** Incident statuses left out. Default `['false_alarm', 'duplicate']`. */
  excludeStatuses?: readonly string[];
};

type Piece = Feature<LineString | MultiLineString, CorridorPieceProps>;

/**
 * Ranks corridor pieces (`../corridors`) by incidents per km per year: each incident within `snapMeters` of the
 * network is credited to the one piece nearest to it (turf `pointToLineDistance`; candidates from a planar index),
 * whichever carriers' cables run there; pieces with incidents are ranked by rate, then count, then piece order.
 * @param incidents incident points (already limited to the `years`-long window); not mutated
 * @param pieces corridor pieces with {@link CorridorPieceProps}; not mutated
 * @returns up to `top` pieces with their counts, rates, incident ids, routes and carriers
 * @example hotStretches(incidents, corridorPieces(cables), { years: 1 })
 */
export function hotStretches(incidents: FeatureCollection<Point>, pieces: FeatureCollection<LineString | MultiLineString, CorridorPieceProps>,
  { snapMeters = 100, years, top = 20, excludeStatuses = ['false_alarm', 'duplicate'] }: HotStretchOptions): FeatureCollection<LineString | MultiLineString, HotStretchProps> {
  if (!(snapMeters > 0) || !Number.isFinite(snapMeters)) throw new Error('snapMeters must be positive');
  if (!(years > 0) || !Number.isFinite(years)) throw new Error('years must be positive');
  if (!Number.isInteger(top) || top < 1) throw new Error('top must be a positive integer');
  const credited = creditIncidents(incidents, pieces.features, snapMeters, excludeStatuses);
  const rate = (p: number) => credited[p].length / (pieces.features[p].properties.length_m / 1000) / years;
  const ranked = pieces.features.map((_, p) => p).filter((p) => credited[p].length > 0)
    .sort((a, b) => rate(b) - rate(a) || credited[b].length - credited[a].length || a - b);
  return featureCollection(ranked.slice(0, top).map((p, i) => ({
    type: 'Feature' as const,
    geometry: pieces.features[p].geometry,
    properties: {
      ...pieces.features[p].properties, rank: i + 1, count: credited[p].length, rate_per_km_year: rate(p), incident_ids: credited[p],
      stroke: i < 5 ? '#b30000' : '#fc8d59', 'stroke-width': i < 5 ? 6 : 4,
    },
  })));
}

/** The ids of the incidents credited to each piece: every kept incident within `snapMeters` goes to its nearest piece. */
export function creditIncidents(incidents: FeatureCollection<Point>, pieces: readonly Piece[], snapMeters: number, excludeStatuses: readonly string[]): (string | number)[][] {
  const credited: (string | number)[][] = pieces.map(() => []);
  if (pieces.length === 0) return credited;
  const plane = localPlane(pieces[0].geometry.type === 'LineString' ? pieces[0].geometry.coordinates[0][1] : pieces[0].geometry.coordinates[0][0][1]);
  // Planar distances are within 0.5 % of turf's over a province, so the planar search widened by 2 % finds every candidate.
  const index = segmentIndex(snapMeters * 1.02);
  const pieceOf: number[] = [];
  pieces.forEach((piece, p) => partsOf(piece).forEach((line) => { index.add(line.map(plane.toPlane)); pieceOf.push(p); }));
  incidents.features.forEach((incident, i) => {
    if (excludeStatuses.includes(String(incident.properties?.status))) return;
    const at = incident.geometry.coordinates;
    const candidates = new Set<number>();
    const planar = plane.toPlane(at);
    for (let hit = index.nearest(planar, snapMeters * 1.02); hit; hit = index.nearest(planar, snapMeters * 1.02, (line) => candidates.has(pieceOf[line]))) candidates.add(pieceOf[hit.line]);
    let best: { piece: number; meters: number } | undefined;
    for (const p of candidates) {
      const meters = Math.min(...partsOf(pieces[p]).map((line) => pointToLineDistance(at, { type: 'LineString', coordinates: line }, { units: 'meters' })));
      if (meters <= snapMeters && (!best || meters < best.meters)) best = { piece: p, meters };
    }
    if (best) credited[best.piece].push(incident.id ?? incident.properties?.id ?? i);
  });
  return credited;
}

function partsOf(piece: Piece): Position[][] {
  return piece.geometry.type === 'LineString' ? [piece.geometry.coordinates] : piece.geometry.coordinates;
}
