import { gpx } from '@tmcw/togeojson';
import type { Position } from 'geojson';
import { AppError, InvalidBody } from '../errors.ts';
import { readXml } from '../imports/xml.ts';
import { geometryProblems } from '../geometry/validate.ts';
import { measureTracks, type PlanForMeasure, type Track } from './measure.ts';

/** Tracks and lone waypoints of a GPX file, with per-position times when the device recorded them. */
export function readGpx(text: string): Track[] {
  const read = readXml(text, 'gpx');
  if ('problem' in read) throw new AppError(422, 'MalformedXml', `not GPX: ${read.problem.message}`, { line: read.problem.line, column: read.problem.column });
  const tracks: Track[] = [];
  for (const feature of gpx(read.document).features) {
    const geometry = feature.geometry;
    const times = (feature.properties?.coordinateProperties as { times?: (string | null)[] | (string | null)[][] } | undefined)?.times ?? null;
    if (!geometry) continue;
    const problems = geometryProblems(geometry, 'track');
    if (problems.length) throw new InvalidBody(`${problems[0].path}: ${problems[0].message}`, { problems });
    const flat = (positions: Position[]) => positions.map((p) => [p[0], p[1]]);
    if (geometry.type === 'LineString') tracks.push({ coordinates: flat(geometry.coordinates), times: (times as (string | null)[] | null) ?? null });
    else if (geometry.type === 'MultiLineString') geometry.coordinates.forEach((line, index) => tracks.push({ coordinates: flat(line), times: ((times as (string | null)[][] | null)?.[index]) ?? null }));
    else if (geometry.type === 'Point') tracks.push({ coordinates: [[geometry.coordinates[0], geometry.coordinates[1]]], times: typeof feature.properties?.time === 'string' ? [feature.properties.time] : null });
  }
  if (tracks.length === 0) throw new InvalidBody('the GPX file holds no track or waypoint');
  return tracks;
}

/**
 * A GPX upload read and measured against its plan, pure (work pool: a day of 1 Hz logging is 86,400 positions): the
 * tracks' geometry, first and last GPS time, and which planned stops they visited.
 */
export function measureGpx({ text, plan }: { text: string; plan: PlanForMeasure }) {
  const tracks = readGpx(text);
  const times = tracks.flatMap((track) => track.times ?? []).filter((time): time is string => typeof time === 'string').sort();
  return {
    measure: measureTracks(plan, tracks),
    startedAt: times[0] ?? null,
    endedAt: times.at(-1) ?? null,
    geometry: { type: 'MultiLineString' as const, coordinates: tracks.map((track) => track.coordinates) },
  };
}
