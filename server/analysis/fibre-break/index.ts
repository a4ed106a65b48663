import { along, featureCollection, length, lineSliceAlong } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';

/** A reserve coil of fibre left at a splice closure, a manhole or a pole. */
export type SlackPoint = {
  /** Where the coil is, in metres along the route from its first vertex. */
  positionMeters: number;
  /** Metres of fibre in the coil. */
  slackMeters: number;
};

/** Options of {@link fibreBreak}. */
export type FibreBreakOptions = {
  /** Glass length from the measuring end to the break, as the OTDR reports it, in metres (required, ≥ 0). */
  opticalDistanceMeters: number;
  /** The end the distance is measured from: the route's first vertex (`start`, default) or its last (`end`). */
  from?: 'start' | 'end';
  /** Reserve coils along the route. Default none. */
  slackPoints?: readonly SlackPoint[];
  /** Glass per metre of cable from the data sheet (helical lay). Default 1; at least 1, at most 1.1. */
  twistFactor?: number;
  /**
   * Half-width of the search window in metres of glass. Default 20 m + 2 % of the optical distance: a twist factor
   * anywhere in the data sheet's 1.00–1.02 and a coil left off the records.
   */
  toleranceMeters?: number;
};

export type FibreBreakPointProps = {
  kind: 'break';
  /** Where the break is, in metres along the route from its first vertex. */
  routeMeters: number;
  /** The same, from the measuring end. */
  fromEndMeters: number;
  routeLengthMeters: number;
  opticalDistanceMeters: number;
  /** Glass of the coils between the measuring end and the break. */
  slackPassedMeters: number;
  slackPointsPassed: number;
  /** Index (in `slackPoints`) of the coil the break lies in, when the distance ends inside one. */
  inSlackPoint: number | null;
  twistFactor: number;
  toleranceMeters: number;
  'marker-color': string;
};

export type FibreBreakSegmentProps = {
  kind: 'search_segment';
  /** The search window, in metres along the route from its first vertex. */
  startMeters: number;
  endMeters: number;
  lengthMeters: number;
  stroke: string;
  'stroke-width': number;
};

type Walk = { fromEndMeters: number; slackPassedMeters: number; slackPointsPassed: number; inSlackPoint: number | null };

/**
 * Route metres from the measuring end at which `glassMeters` of fibre is used up: glass runs `twist` metres per metre
 * of route, and each coil passed adds its slack at once. A distance that ends inside a coil lies at the coil.
 */
function walk(glassMeters: number, coils: { at: number; slack: number; index: number }[], twist: number): Walk {
  let glass = 0, at = 0, slackPassedMeters = 0, slackPointsPassed = 0;
  for (const coil of coils) {
    const reached = glass + (coil.at - at) * twist;
    if (glassMeters <= reached) break;
    if (glassMeters <= reached + coil.slack) return { fromEndMeters: coil.at, slackPassedMeters: slackPassedMeters + (glassMeters - reached), slackPointsPassed, inSlackPoint: coil.index };
    glass = reached + coil.slack;
    at = coil.at;
    slackPassedMeters += coil.slack;
    slackPointsPassed += 1;
  }
  return { fromEndMeters: at + (glassMeters - glass) / twist, slackPassedMeters, slackPointsPassed, inSlackPoint: null };
}

function singleLine(route: Feature<LineString | MultiLineString>): Feature<LineString> {
  const geometry = route.geometry;
  if (geometry.type === 'LineString') return route as Feature<LineString>;
  if (geometry.type === 'MultiLineString' && geometry.coordinates.length === 1) {
    return { type: 'Feature', properties: route.properties, geometry: { type: 'LineString', coordinates: geometry.coordinates[0] } };
  }
  throw new Error('route must be one continuous line (a LineString or a one-part MultiLineString) to be walked');
}

/**
 * Locates a fibre break from an OTDR reading: walks the route from the measuring end, subtracts the slack of the
 * coils passed, divides by the twist factor, and places the break with turf `along`. The search segment covers
 * every route position whose glass distance lies within ± `toleranceMeters` of the reading.
 *
 * @param route the cable route (a LineString, or a MultiLineString of one part); not mutated
 * @param options see {@link FibreBreakOptions}
 * @returns the break (Point) and the search segment (LineString), in that order, with simplestyle colours
 * @example
 * const [breakPoint, segment] = fibreBreak(route, { opticalDistanceMeters: 12_400, slackPoints: [{ positionMeters: 3_000, slackMeters: 30 }], twistFactor: 1.01 }).features;
 */
export function fibreBreak(
  route: Feature<LineString | MultiLineString>,
  { opticalDistanceMeters, from = 'start', slackPoints = [], twistFactor = 1, toleranceMeters }: FibreBreakOptions,
): FeatureCollection<Point | LineString, FibreBreakPointProps | FibreBreakSegmentProps> {
  if (!(Number.isFinite(opticalDistanceMeters) && opticalDistanceMeters >= 0)) throw new Error('opticalDistanceMeters must be a non-negative number');
  if (from !== 'start' && from !== 'end') throw new Error("from must be 'start' or 'end'");
  if (!(Number.isFinite(twistFactor) && twistFactor >= 1 && twistFactor <= 1.1)) throw new Error('twistFactor must lie between 1 and 1.1');
  const tolerance = toleranceMeters ?? 20 + 0.02 * opticalDistanceMeters;
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) throw new Error('toleranceMeters must be a non-negative number');
  const line = singleLine(route);
  const routeLengthMeters = length(line, { units: 'meters' });
  slackPoints.forEach((point, index) => {
    if (!(Number.isFinite(point.positionMeters) && point.positionMeters >= 0 && point.positionMeters <= routeLengthMeters + 0.5)) {
      throw new Error(`slackPoints[${index}].positionMeters must lie on the route (0–${Math.round(routeLengthMeters)} m)`);
    }
    if (!(Number.isFinite(point.slackMeters) && point.slackMeters >= 0)) throw new Error(`slackPoints[${index}].slackMeters must be a non-negative number`);
  });
  const toEnd = (routeMeters: number) => (from === 'start' ? routeMeters : routeLengthMeters - routeMeters);
  const coils = slackPoints.map((point, index) => ({ at: toEnd(Math.min(point.positionMeters, routeLengthMeters)), slack: point.slackMeters, index }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const glassLength = routeLengthMeters * twistFactor + coils.reduce((sum, coil) => sum + coil.slack, 0);
  // A reading a few metres past the far end is the far connector; farther than the tolerance, the records are wrong.
  if (opticalDistanceMeters > glassLength + tolerance) {
    throw new Error(`opticalDistanceMeters (${opticalDistanceMeters} m) exceeds the route's glass length (${Math.round(glassLength)} m with its coils and twist)`);
  }
  const located = walk(Math.min(opticalDistanceMeters, glassLength), coils, twistFactor);
  const fromEndMeters = Math.min(located.fromEndMeters, routeLengthMeters);
  const near = toEnd(Math.min(walk(Math.max(0, opticalDistanceMeters - tolerance), coils, twistFactor).fromEndMeters, routeLengthMeters));
  const far = toEnd(Math.min(walk(Math.min(glassLength, opticalDistanceMeters + tolerance), coils, twistFactor).fromEndMeters, routeLengthMeters));
  const routeMeters = toEnd(fromEndMeters);
  const [startMeters, endMeters] = [Math.min(near, far), Math.max(near, far)];
  const breakPoint = along(line, routeMeters, { units: 'meters' });
  const segment = lineSliceAlong(line, startMeters, Math.max(endMeters, startMeters + 1e-6), { units: 'meters' });
  const pointProps: FibreBreakPointProps = {
    kind: 'break', routeMeters, fromEndMeters, routeLengthMeters, opticalDistanceMeters, slackPassedMeters: located.slackPassedMeters,
    slackPointsPassed: located.slackPointsPassed, inSlackPoint: located.inSlackPoint, twistFactor, toleranceMeters: tolerance, 'marker-color': '#d7191c',
  };
  const segmentProps: FibreBreakSegmentProps = { kind: 'search_segment', startMeters, endMeters, lengthMeters: endMeters - startMeters, stroke: '#fdae61', 'stroke-width': 6 };
  return featureCollection<Point | LineString, FibreBreakPointProps | FibreBreakSegmentProps>([
    { type: 'Feature', properties: pointProps, geometry: breakPoint.geometry },
    { type: 'Feature', properties: segmentProps, geometry: segment.geometry },
  ]);
}
