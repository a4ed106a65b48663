import type { Position } from 'geojson';
import { routeBetween, type RoadGraph, type Route } from '../road-routing/index.ts';
import { localIso } from './options.ts';
import type { Unit } from './sectors.ts';
import type { Visit } from './schedule.ts';
import { orderStops } from './tour.ts';
import type { PatrolTarget, PlanShift, ResolvedOptions } from './types.ts';

/** Shift start, minutes after local midnight: 07:00, 15:00, 23:00. */
export const SHIFT_START_MINUTES = [7 * 60, 15 * 60, 23 * 60];

/** Memoised road routing between two positions. */
export type Router = (from: Position, to: Position) => Route;

export function createRouter(graph: RoadGraph): Router {
  const memo = new Map<string, Route>();
  return (from, to) => {
    const key = `${from[0]},${from[1]}|${to[0]},${to[1]}`;
    let route = memo.get(key);
    if (!route) {
      route = routeBetween(graph, from, to);
      memo.set(key, route);
    }
    return route;
  };
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * Orders a shift's visits (nearest neighbour + 2-opt), routes base → stops → base along the roads,
 * and times the arrivals from the shift start at `speedKmh` with `dwellMinutes` per stop.
 * @param shift 1-based shift number
 */
export function buildShift(unit: Unit, date: string, shift: number, visits: readonly Visit[], targets: readonly PatrolTarget[], route: Router, o: ResolvedOptions): PlanShift {
  const base = unit.base.point;
  const order = orderStops(base, visits.map((v) => targets[v.target].point)).map((i) => visits[i]);
  const minutesPerMeter = 60 / (o.speedKmh * 1000);
  const coordinates: Position[] = [base];
  let clock = 0;
  let distanceMeters = 0;
  let here: Position = base;
  const stops = order.map((visit, index) => {
    const target = targets[visit.target];
    const leg = route(here, target.point);
    coordinates.push(...leg.coordinates.slice(1));
    distanceMeters += leg.lengthMeters;
    clock += leg.lengthMeters * minutesPerMeter;
    const arrival = localIso(date, SHIFT_START_MINUTES[shift - 1] + clock);
    clock += o.dwellMinutes;
    here = target.point;
    return { order: index + 1, targetId: target.id, targetName: target.name, kind: visit.kind, arrival, dwellMinutes: o.dwellMinutes, lon: target.point[0], lat: target.point[1] };
  });
  const back = route(here, base);
  coordinates.push(...back.coordinates.slice(1));
  distanceMeters += back.lengthMeters;
  clock += back.lengthMeters * minutesPerMeter;
  if (coordinates.length < 2) coordinates.push(base);
  return {
    unitId: unit.id,
    unitName: unit.name,
    baseName: unit.base.name,
    date,
    shift,
    stops,
    route: { type: 'Feature', properties: { unitId: unit.id, date, shift }, geometry: { type: 'LineString', coordinates: coordinates.map((p) => [round6(p[0]), round6(p[1])]) } },
    minutes: Math.round(clock * 10) / 10,
    distanceMeters: Math.round(distanceMeters),
  };
}
