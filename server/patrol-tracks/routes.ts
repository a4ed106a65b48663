import { Hono } from 'hono';
import { gpx } from '@tmcw/togeojson';
import type { Position } from 'geojson';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { actorName } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { AppError, InvalidBody } from '../errors.ts';
import { readXml } from '../imports/xml.ts';
import { geometryProblems } from '../geometry/validate.ts';
import { limitBody } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { actorOf } from '../http/actor.ts';
import { planOr404 } from '../patrol-plans/routes.ts';
import { applied, transact } from '../writes/transact.ts';
import { measureTracks, type PlanForMeasure, type Track } from './measure.ts';

export const PATROL_TRACK_RULES: RouteRule[] = [
  rule('POST', '/api/patrol-plans/:id/tracks', POLICE),
  rule('GET', '/api/patrol-plans/:id/tracks', SECURITY),
];

/** Tracks and lone waypoints of a GPX file, with per-position times when the device recorded them. */
function readGpx(text: string): Track[] {
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
 * `/api/patrol-plans/:id/tracks`: police upload the GPX of a patrol carried out; the answer (and the stored record)
 * says which planned stops it visited and what share of the plan's risk that covered.
 */
export function patrolTrackRoutes(services: Services) {
  const { storage, now } = services;
  return new Hono<AppEnv>()
    .post('/:id/tracks', limitBody(5 * 1024 * 1024), async (c) => {
      // An unknown plan is a 404 before the file is read; the transaction reads it again.
      await planOr404(storage.plans, c.req.param('id'));
      const tracks = readGpx(await c.req.text());
      const principal = c.get('principal');
      const stored = await transact(services, actorOf(c), {
        read: (tx) => planOr404(tx.plans, c.req.param('id')),
        apply: async (tx, saved) => {
          const body = saved.body as unknown as PlanForMeasure;
          const measure = measureTracks({ shifts: body.shifts ?? [], targets: body.targets ?? [] }, tracks);
          const times = tracks.flatMap((track) => track.times ?? []).filter((time): time is string => typeof time === 'string').sort();
          const geometry = { type: 'MultiLineString', coordinates: tracks.map((track) => track.coordinates) };
          const id = await tx.tracks.add({ planId: saved.id, name: c.req.query('name') ?? null, uploadedBy: actorName(principal), uploadedAt: now().toISOString(), startedAt: times[0] ?? null, endedAt: times.at(-1) ?? null, geometry, measure });
          return applied({ id, planId: saved.id, startedAt: times[0] ?? null, endedAt: times.at(-1) ?? null, ...measure }, [
            { action: 'create', targetType: 'patrol_tracks', targetId: id, details: { plan: saved.id, riskCovered: measure.riskCovered } },
          ]);
        },
      });
      return c.json(stored, 201);
    })
    .get('/:id/tracks', async (c) => {
      const saved = await planOr404(storage.plans, c.req.param('id'));
      return c.json({ planId: saved.id, tracks: await storage.tracks.list(saved.id) });
    });
}
