import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Plan } from './types.ts';

/** What the patrol workspace draws on the map, by analysis source. */
export type PatrolOverlay = {
  cells?: FeatureCollection;
  clusters?: FeatureCollection;
  stretches?: FeatureCollection;
  trends?: FeatureCollection;
  /** Forecast cells in the top 1/3/5 % of the area (`top_percent`), outlined over the Gi* cells. */
  forecast?: FeatureCollection;
  routes?: FeatureCollection;
  stops?: FeatureCollection;
};

/** A plan's shift routes (coloured per unit) and its stops (numbered, periodic or surprise). */
export function planOverlay(plan: Plan | null): Pick<PatrolOverlay, 'routes' | 'stops'> {
  if (!plan) return { routes: undefined, stops: undefined };
  const unitIndex = new Map<string, number>();
  for (const shift of plan.shifts) if (!unitIndex.has(shift.unitId)) unitIndex.set(shift.unitId, unitIndex.size);
  const routes = plan.shifts.map((shift) => ({ ...shift.route, properties: { ...shift.route.properties, unit_index: unitIndex.get(shift.unitId) } }));
  const seen = new Set<string>();
  const stops: Feature<Point>[] = [];
  for (const shift of plan.shifts) {
    for (const stop of shift.stops) {
      if (seen.has(stop.targetId)) continue;
      seen.add(stop.targetId);
      stops.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [stop.lon, stop.lat] }, properties: { order: stop.order, kind: stop.kind, name: stop.targetName } });
    }
  }
  return { routes: { type: 'FeatureCollection', features: routes }, stops: { type: 'FeatureCollection', features: stops } };
}
