import { distance, length, nearestPointOnLine } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { z } from 'zod';
import { fibreBreak, type FibreBreakPointProps, type FibreBreakSegmentProps } from '../analysis/fibre-break/index.ts';
import { Forbidden, InvalidBody } from '../errors.ts';
import type { FeatureStore, StoredFeature } from '../storage/features.ts';
import { parseSlackPoints } from './slack-points.ts';

/** `fibreBreak` of an alarm: the fibre monitor's reading on one of the carrier's cables. */
export const fibreBreakInput = z.object({
  routeId: z.number().int(),
  /** The exchange (a facility) the reading was taken from; default the route's first vertex. */
  fromFacility: z.number().int().optional(),
  /** Glass length to the break, as the OTDR reports it. */
  opticalDistanceMeters: z.number().finite().min(0).max(300_000),
  toleranceMeters: z.number().finite().min(0).max(10_000).optional(),
}).strict();
export type FibreBreakInput = z.infer<typeof fibreBreakInput>;

/** An exchange farther than this from both ends of the cable is not where the reading was taken. */
const END_MATCH_METERS = 300;
/** Thieves cut a stretch out at both ends: another break on the same cable within this time is likely the same theft. */
export const SECOND_CUT_HOURS = 6;

export type LocatedBreak = {
  point: [number, number];
  located: FeatureCollection<Point | LineString, FibreBreakPointProps | FibreBreakSegmentProps>;
  from: 'start' | 'end';
  description: string;
};

const problem = (path: string, message: string) => new InvalidBody(`${path}: ${message}`, { problems: [{ path, message }] });
const km = (meters: number) => (meters / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** The end of the route the facility sits at (within 300 m), or a 400 saying how far it is. */
function measuringEnd(line: Feature<LineString>, facility: StoredFeature): 'start' | 'end' {
  const at = (facility.geometry as Point).coordinates;
  const coordinates = line.geometry.coordinates;
  const toStart = distance(at, coordinates[0], { units: 'meters' }), toEnd = distance(at, coordinates[coordinates.length - 1], { units: 'meters' });
  if (Math.min(toStart, toEnd) > END_MATCH_METERS) {
    throw problem('fibreBreak.fromFacility', `facility ${facility.id} is ${Math.round(Math.min(toStart, toEnd))} m from the nearest end of route ${line.properties?.name ?? ''}: a reading is taken at an end`);
  }
  return toStart <= toEnd ? 'start' : 'end';
}

/**
 * Places the break of a fibre alarm on the carrier's cable route with its coils (`slack_points`) and `twist_factor`,
 * measured from the exchange's end, and words it for the incident.
 * @throws InvalidBody for a reading the route cannot hold, a route that is not one line or a facility not at an end
 */
export async function locateAlarmBreak(features: FeatureStore, route: StoredFeature, input: FibreBreakInput, carrier: string): Promise<LocatedBreak> {
  if (route.geometry.type !== 'LineString' && !(route.geometry.type === 'MultiLineString' && route.geometry.coordinates.length === 1)) {
    throw problem('fibreBreak.routeId', `route ${route.id} is not one continuous line, so a distance along it has no single place`);
  }
  const line: Feature<LineString> = {
    type: 'Feature', properties: route.properties,
    geometry: route.geometry.type === 'LineString' ? route.geometry : { type: 'LineString', coordinates: (route.geometry as MultiLineString).coordinates[0] },
  };
  let from: 'start' | 'end' = 'start';
  let exchange = '';
  if (input.fromFacility !== undefined) {
    const facility = await features.get('facilities', input.fromFacility);
    if (!facility) throw problem('fibreBreak.fromFacility', `facility ${input.fromFacility} does not exist`);
    if (facility.properties.owner !== carrier) throw new Forbidden('a reading is taken from one of the carrier’s own exchanges');
    from = measuringEnd(line, facility);
    exchange = ` từ ${String(facility.properties.name)}`;
  }
  const coils = parseSlackPoints(route.properties.slack_points, length(line, { units: 'meters' }));
  if ('problem' in coils) throw problem('fibreBreak.routeId', `route ${route.id}'s slack_points are malformed: ${coils.problem}`);
  const twistFactor = typeof route.properties.twist_factor === 'number' ? route.properties.twist_factor : 1;
  let located: LocatedBreak['located'];
  try {
    located = fibreBreak(line, { opticalDistanceMeters: input.opticalDistanceMeters, from, slackPoints: coils.points, twistFactor, toleranceMeters: input.toleranceMeters });
  } catch (error) {
    throw problem('fibreBreak.opticalDistanceMeters', (error as Error).message);
  }
  const [point, segment] = located.features as [Feature<Point, FibreBreakPointProps>, Feature<LineString, FibreBreakSegmentProps>];
  const description = `Đứt cáp quang ${String(route.properties.name)}: đo được ${km(input.opticalDistanceMeters)} km sợi quang${exchange}, `
    + `tức ${km(point.properties.fromEndMeters)} km theo tuyến (đã trừ ${point.properties.slackPointsPassed} cuộn dự phòng, ${Math.round(point.properties.slackPassedMeters)} m, hệ số xoắn ${twistFactor}); `
    + `tìm trong đoạn ${Math.round(segment.properties.lengthMeters)} m (± ${Math.round(point.properties.toleranceMeters)} m sợi quang)`;
  return { point: point.geometry.coordinates as [number, number], located, from, description };
}

export type OtherBreak = { incidentId: number; occurredAt: string; metresApart: number };

/**
 * Other fibre breaks on the same cable within {@link SECOND_CUT_HOURS} of this one, with how far apart they lie along
 * the route: thieves often cut a cable twice, a kilometre or so apart, and carry the stretch away.
 */
export async function otherBreaksOnRoute(features: FeatureStore, route: StoredFeature, at: [number, number], raisedAtMs: number, exceptIncident?: number): Promise<OtherBreak[]> {
  const window = SECOND_CUT_HOURS * 3600_000;
  const line = { type: 'Feature' as const, properties: {}, geometry: route.geometry as LineString | MultiLineString };
  const along = (position: number[]) => nearestPointOnLine(line, position, { units: 'meters' }).properties.location;
  const here = along(at);
  return (await features.query('incidents', {
    filters: [{ property: 'asset_collection', value: 'cable_routes' }, { property: 'asset_id', value: route.id }, { property: 'type', value: 'cable_cut' }],
    datetime: { startMs: raisedAtMs - window, endMs: raisedAtMs + window }, limit: 20, offset: 0,
  })).features
    .filter((incident) => incident.id !== exceptIncident)
    .map((incident) => ({ incidentId: incident.id, occurredAt: String(incident.properties.occurred_at), metresApart: Math.round(Math.abs(along((incident.geometry as Point).coordinates) - here)) }));
}

/** The warning added to the incident when the cable was cut more than once. */
export const secondCutWarning = (others: readonly OtherBreak[]) =>
  `Cảnh báo: cùng tuyến cáp có ${others.length} điểm đứt khác trong vòng ${SECOND_CUT_HOURS} giờ (`
  + others.map((other) => `vụ #${other.incidentId}, cách ${other.metresApart.toLocaleString('vi-VN')} m theo tuyến`).join('; ')
  + '): kẻ trộm thường cắt hai đầu một đoạn cáp — tìm cả đoạn giữa các điểm đứt.';
