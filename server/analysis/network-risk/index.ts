import { featureCollection, length, lineSliceAlong } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { featureId, routeParts, snapIncidents } from './snap.ts';

/** Properties of one ranked cable stretch. */
export type HotStretchProps = {
  rank: number;
  route_id: string | number;
  route_name: string | null;
  owner: string | null;
  tier: string | null;
  /** Part of a MultiLineString route (0 for a LineString). */
  part_index: number;
  /** Piece number along the route, 0 at its start, counting on across parts. */
  piece_index: number;
  start_m: number;
  end_m: number;
  length_m: number;
  count: number;
  /** Snapped incidents per km of this piece per year of the window. */
  rate_per_km_year: number;
  incident_ids: (string | number)[];
  stroke: string;
  'stroke-width': number;
};

/** Options of {@link hotStretches}. */
export type HotStretchOptions = {
  /** Incidents farther than this from every route (metres) are ignored. Default 100. */
  snapMeters?: number;
  /** Target piece length in metres; each part is cut into round(length / pieceMeters) equal pieces (at least one). Default 1000. */
  pieceMeters?: number;
  /** Length of the time window the incidents cover, in years (required, > 0). */
  years: number;
  /** Number of stretches returned. Default 20. */
  top?: number;
  /** Incident statuses left out. Default `['false_alarm', 'duplicate']`. */
  excludeStatuses?: readonly string[];
};

type Piece = { route: number; part: number; piece: number; pieceInPart: number; pieceMeters: number; ids: (string | number)[] };

/**
 * Ranks cable stretches by incidents per km per year: incidents are snapped to the nearest route
 * within `snapMeters`, each route part is cut into equal pieces of about `pieceMeters`, and the
 * pieces with the highest rate come first (ties: more incidents, then input order).
 *
 * @param incidents incident points (already limited to the `years`-long window); not mutated
 * @param cables cable routes with `name`, `owner`, `tier`; not mutated
 * @returns up to `top` LineString pieces with {@link HotStretchProps}, only pieces with incidents
 * @example
 * const stretches = hotStretches(incidents, cableRoutes, { years: 2 });
 */
export function hotStretches(
  incidents: FeatureCollection<Point>,
  cables: FeatureCollection<LineString | MultiLineString>,
  { snapMeters = 100, pieceMeters = 1000, years, top = 20, excludeStatuses = ['false_alarm', 'duplicate'] }: HotStretchOptions,
): FeatureCollection<LineString, HotStretchProps> {
  if (!(snapMeters > 0) || !Number.isFinite(snapMeters)) throw new Error('snapMeters must be positive');
  if (!(pieceMeters > 0) || !Number.isFinite(pieceMeters)) throw new Error('pieceMeters must be positive');
  if (!(years > 0) || !Number.isFinite(years)) throw new Error('years must be positive');
  if (!Number.isInteger(top) || top < 1) throw new Error('top must be a positive integer');
  const keptIndices = incidents.features.flatMap((f, i) => (excludeStatuses.includes(String(f.properties?.status)) ? [] : [i]));
  const kept = featureCollection(keptIndices.map((i) => incidents.features[i]));
  const parts = cables.features.map((route) => routeParts(route));
  const pieces = new Map<string, Piece>();
  const layouts = new Map<string, ReturnType<typeof partPieces>>();
  for (const snap of snapIncidents(kept, cables, snapMeters)) {
    const layoutKey = `${snap.route}/${snap.part}`;
    const layout = layouts.get(layoutKey) ?? partPieces(parts[snap.route], snap.part, pieceMeters);
    layouts.set(layoutKey, layout);
    const { pieceCount, pieceLength, firstPiece } = layout;
    const pieceInPart = Math.min(pieceCount - 1, Math.floor(snap.alongMeters / pieceLength));
    const piece = firstPiece + pieceInPart;
    const key = `${snap.route}/${piece}`;
    const entry = pieces.get(key) ?? { route: snap.route, part: snap.part, piece, pieceInPart, pieceMeters: pieceLength, ids: [] };
    const original = keptIndices[snap.incident];
    entry.ids.push(featureId(incidents.features[original], original));
    pieces.set(key, entry);
  }
  const rate = (p: Piece) => p.ids.length / (p.pieceMeters / 1000) / years;
  // Rates are compared at 6 dp so that pieces of 999.99 and 1000 m tie and fall back to input order.
  const ranked = [...pieces.values()].sort((a, b) => Math.round(rate(b) * 1e6) - Math.round(rate(a) * 1e6) || b.ids.length - a.ids.length || a.route - b.route || a.piece - b.piece);
  return featureCollection(ranked.slice(0, top).map((p, i) => stretchFeature(p, i + 1, rate(p), cables, parts)));
}

/** Equal pieces of one part, and the route-wide index of its first piece. */
function partPieces(parts: (Feature<LineString> | null)[], part: number, pieceMeters: number) {
  let firstPiece = 0;
  for (let k = 0; k < part; k++) {
    const earlier = parts[k];
    if (earlier) firstPiece += Math.max(1, Math.round(length(earlier, { units: 'meters' }) / pieceMeters));
  }
  const partMeters = length(parts[part] as Feature<LineString>, { units: 'meters' });
  const pieceCount = Math.max(1, Math.round(partMeters / pieceMeters));
  return { pieceCount, pieceLength: partMeters / pieceCount, firstPiece };
}

function stretchFeature(
  p: Piece, rank: number, rate: number,
  cables: FeatureCollection<LineString | MultiLineString>, parts: (Feature<LineString> | null)[][],
): Feature<LineString, HotStretchProps> {
  const route = cables.features[p.route];
  const text = (key: string) => (typeof route.properties?.[key] === 'string' ? (route.properties[key] as string) : null);
  const startInPart = p.pieceInPart * p.pieceMeters;
  const geometry = lineSliceAlong(parts[p.route][p.part] as Feature<LineString>, startInPart, startInPart + p.pieceMeters, { units: 'meters' }).geometry;
  const properties: HotStretchProps = {
    rank, route_id: featureId(route, p.route), route_name: text('name'), owner: text('owner'), tier: text('tier'),
    part_index: p.part, piece_index: p.piece, start_m: startInPart, end_m: startInPart + p.pieceMeters, length_m: p.pieceMeters,
    count: p.ids.length, rate_per_km_year: rate, incident_ids: p.ids,
    stroke: rank <= 5 ? '#b30000' : '#fc8d59', 'stroke-width': rank <= 5 ? 6 : 4,
  };
  return { type: 'Feature', geometry, properties };
}
