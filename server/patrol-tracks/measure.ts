import { distance, pointToLineDistance } from '@turf/turf';
import type { LineString, Position } from 'geojson';

/** What of a plan the measure needs: its shifts' stops and its targets' risk weights. */
export type PlanForMeasure = {
  shifts: { date: string; shift: number; unitName: string; stops: { order: number; targetId: string; targetName: string; lon: number; lat: number }[] }[];
  targets: { id: string; risk: number }[];
};
/** A track's line and, when the GPS recorded them, the time of each position (ISO 8601). */
export type Track = { coordinates: Position[]; times: (string | null)[] | null };

export const VISIT_RADIUS_METERS = 150;

/** The Vietnam-local date (UTC+7) of an instant. */
const localDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * Which planned stops a patrol's tracks passed within `radius` metres of — on the stop's planned date when the
 * tracks carry times — and what share of the plan's risk those visits covered (each stop weighs its target's risk).
 */
export function measureTracks(plan: PlanForMeasure, tracks: Track[], radius = VISIT_RADIUS_METERS) {
  const risk = new Map(plan.targets.map((target) => [target.id, target.risk]));
  const visited: object[] = [], missed: object[] = [];
  let riskPlanned = 0, riskCovered = 0;
  for (const shift of plan.shifts) {
    for (const stop of shift.stops) {
      const at = [stop.lon, stop.lat];
      const passed = tracks.some((track) => {
        if (track.times) {
          return track.coordinates.some((position, index) => {
            const time = track.times![index];
            return time !== null && localDate(time) === shift.date && distance(at, position, { units: 'meters' }) <= radius;
          });
        }
        if (track.coordinates.length === 1) return distance(at, track.coordinates[0], { units: 'meters' }) <= radius;
        return pointToLineDistance(at, { type: 'LineString', coordinates: track.coordinates } as LineString, { units: 'meters' }) <= radius;
      });
      const weight = risk.get(stop.targetId) ?? 0;
      riskPlanned += weight;
      const entry = { date: shift.date, shift: shift.shift, unit: shift.unitName, order: stop.order, targetId: stop.targetId, targetName: stop.targetName };
      if (passed) { visited.push(entry); riskCovered += weight; } else missed.push(entry);
    }
  }
  const stops = visited.length + missed.length;
  return {
    visitedStops: visited, missedStops: missed,
    stopShare: stops === 0 ? 0 : visited.length / stops,
    riskCovered: riskPlanned === 0 ? 0 : riskCovered / riskPlanned,
    radiusMeters: radius,
  };
}
