import type { Position } from 'geojson';
import type { Rng } from '../prng/index.ts';
import { routeBetween, type RoadGraph, type Route } from '../road-routing/index.ts';
import { localIso } from './options.ts';
import type { Unit } from './sectors.ts';
import type { Visit } from './schedule.ts';
import { stopTimes } from './timing.ts';
import { orderStops } from './tour.ts';
import type { PatrolTarget, PlanShift, ResolvedOptions } from './types.ts';

/** Shift start, minutes after local midnight: 07:00, 15:00, 23:00. */
export const SHIFT_START_MINUTES = [7 * 60, 15 * 60, 23 * 60];
/** Road routes vary between this many patterns: edges get a seeded factor in [1, 1 + ROUTE_JITTER] in each. */
const ROUTE_VARIANTS = 4;
const ROUTE_JITTER = 0.3;

/** Memoised road routing between two positions, in one of {@link ROUTE_VARIANTS} patterns of edge weights. */
export type Router = (from: Position, to: Position, variant: number) => Route;

export function createRouter(graph: RoadGraph, seed: number): Router {
  const memo = new Map<string, Route>();
  const factor = (variant: number) => (a: number, b: number) => {
    // A hash of the (unordered) edge and the variant: the same edge weighs the same both ways and in every leg.
    let h = (Math.min(a, b) * 73_856_093) ^ (Math.max(a, b) * 19_349_663) ^ ((seed + variant * 83_492_791) >>> 0);
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
    return 1 + ROUTE_JITTER * ((h % 1000) / 1000);
  };
  return (from, to, variant) => {
    const key = `${variant}|${from[0]},${from[1]}|${to[0]},${to[1]}`;
    let route = memo.get(key);
    if (!route) {
      route = routeBetween(graph, from, to, { edgeFactor: factor(variant) });
      memo.set(key, route);
    }
    return route;
  };
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** A shift's stops in tour order and the road legs around the tour, before its times are drawn. */
export type PreparedShift = { unit: Unit; date: string; shift: number; tour: Visit[]; legs: Route[]; reversedLegs: Route[] };

/**
 * One shift's tour: stops in nearest-neighbour + 2-opt order, routed base → stops → base along the roads (both ways
 * round) in a route pattern drawn from the seed.
 * @param shift 1-based shift number
 */
export function prepareShift(unit: Unit, date: string, shift: number, visits: readonly Visit[], targets: readonly PatrolTarget[], route: Router, rng: Rng): PreparedShift {
  const base = unit.base.point;
  const tour = orderStops(base, visits.map((v) => targets[v.target].point)).map((i) => visits[i]);
  const variant = Math.floor(rng.next() * ROUTE_VARIANTS);
  const points = [base, ...tour.map((v) => targets[v.target].point), base];
  const legs = points.slice(1).map((p, k) => route(points[k], p, variant));
  const back = [...points].reverse();
  const reversedLegs = back.slice(1).map((p, k) => route(back[k], p, variant));
  return { unit, date, shift, tour, legs, reversedLegs };
}

/**
 * The shift with its times: the tour run in either direction, arrivals from `stopTimes` (a random start within the
 * shift's first hours, random waits between stops, the direction and timing that spread each target's surprise visits
 * over the times of day; `usage` counts the chosen slots).
 */
export function timeShift(prepared: PreparedShift, targets: readonly PatrolTarget[], usage: Map<number, Map<number, number>>, o: ResolvedOptions, rng: Rng, draws?: number): PlanShift {
  const { unit, date, shift, tour } = prepared;
  const base = unit.base.point;
  const minutesPerMeter = 60 / (o.speedKmh * 1000);
  const { reversed, arrivals } = stopTimes(prepared.legs.map((leg) => leg.lengthMeters * minutesPerMeter), o.dwellMinutes, o.shiftHours * 60, o.startWindowHours * 60,
    tour, usage, SHIFT_START_MINUTES[shift - 1], rng, draws);
  const order = reversed ? [...tour].reverse() : tour;
  const legs = reversed ? prepared.reversedLegs : prepared.legs;
  const coordinates: Position[] = [base];
  for (const leg of legs) coordinates.push(...leg.coordinates.slice(1));
  if (coordinates.length < 2) coordinates.push(base);
  const stops = order.map((visit, index) => {
    const target = targets[visit.target];
    return { order: index + 1, targetId: target.id, targetName: target.name, kind: visit.kind, arrival: localIso(date, SHIFT_START_MINUTES[shift - 1] + arrivals[index]),
      dwellMinutes: o.dwellMinutes, lon: target.point[0], lat: target.point[1] };
  });
  const distanceMeters = legs.reduce((s, leg) => s + leg.lengthMeters, 0);
  const end = (arrivals.at(-1) ?? 0) + (order.length > 0 ? o.dwellMinutes : 0) + legs[legs.length - 1].lengthMeters * minutesPerMeter;
  return {
    unitId: unit.id, unitName: unit.name, baseName: unit.base.name, date, shift, stops,
    route: { type: 'Feature', properties: { unitId: unit.id, date, shift }, geometry: { type: 'LineString', coordinates: coordinates.map((p) => [round6(p[0]), round6(p[1])]) } },
    minutes: Math.round(end * 10) / 10,
    distanceMeters: Math.round(distanceMeters),
  };
}
