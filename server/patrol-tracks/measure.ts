import { distance, pointToLineDistance } from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { riskShare, watchedShare, type Watch } from '../analysis/patrol-plan/dwell.ts';

/** What of a plan the measure needs: its shifts' stops, its targets' risk weights, its horizon and its own coverage. */
export type PlanForMeasure = {
  shifts: { date: string; shift: number; unitName: string; stops: { order: number; targetId: string; targetName: string; lon: number; lat: number }[] }[];
  targets: { id: string; risk: number }[];
  parameters?: { startDate: string; endDate: string; residualMinutes?: number };
  coverage?: { expectedRiskSharePerDay?: number };
};
/** A track's line and, when the GPS recorded them, the time of each position (ISO 8601). */
export type Track = { coordinates: Position[]; times: (string | null)[] | null };

export const VISIT_RADIUS_METERS = 150;
/** Track points further apart in time than this are not taken as continuous presence. */
export const MAX_GAP_MINUTES = 10;

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
    watched: watchedCoverage(plan, tracks, radius),
  };
}

/**
 * The plan's own coverage model (`../analysis/patrol-plan/dwell.ts`) applied to the tracks: a target is watched while
 * consecutive track points (at most {@link MAX_GAP_MINUTES} apart) stay within `radius` of it — each such run one
 * visit — then by the decaying residual deterrence; the share of the risk-weighted time watched is comparable with the plan's
 * `expectedRiskSharePerDay`. Null when the tracks carry no times (dwell cannot be measured) or the plan no horizon.
 */
function watchedCoverage(plan: PlanForMeasure, tracks: Track[], radius: number) {
  const { parameters } = plan;
  if (!parameters || !tracks.some((track) => track.times?.some((time) => time !== null))) return null;
  const residualMinutes = parameters.residualMinutes ?? 30;
  const origin = Date.parse(`${parameters.startDate}T07:00:00+07:00`);
  const horizon = ((Date.parse(`${parameters.endDate}T00:00:00Z`) - Date.parse(`${parameters.startDate}T00:00:00Z`)) / 86_400_000 + 1) * 1440;
  const places = new Map<string, Position>();
  for (const shift of plan.shifts) for (const stop of shift.stops) if (!places.has(stop.targetId)) places.set(stop.targetId, [stop.lon, stop.lat]);
  const shares = plan.targets.map((target) => {
    const at = places.get(target.id);
    if (!at) return 0;
    const watches: Watch[] = [];
    for (const track of tracks) {
      const points = track.coordinates.map((position, i) => ({ position, minute: track.times?.[i] ? (Date.parse(track.times[i]!) - origin) / 60_000 : NaN }))
        .filter((p) => Number.isFinite(p.minute)).sort((a, b) => a.minute - b.minute);
      const near = points.map((p) => distance(at, p.position, { units: 'meters' }) <= radius);
      // Each run of consecutive near points (none more than the gap apart) is one visit, from its first to its last point.
      points.forEach((p, i) => {
        if (!near[i]) return;
        const last = watches[watches.length - 1];
        const continues = i > 0 && near[i - 1] && p.minute - points[i - 1].minute <= MAX_GAP_MINUTES && last?.endMinute === points[i - 1].minute;
        if (continues) last.endMinute = p.minute; else watches.push({ startMinute: p.minute, endMinute: p.minute });
      });
    }
    return watchedShare(watches.filter((w) => w.endMinute >= 0 && w.startMinute <= horizon), horizon, residualMinutes);
  });
  return {
    riskSharePerDay: riskShare(plan.targets.map((t) => t.risk), shares),
    plannedRiskSharePerDay: plan.coverage?.expectedRiskSharePerDay ?? null,
    model: `share of the risk-weighted time the targets were watched: while the track stayed within ${radius} m, then a deterrence decaying with a ${residualMinutes}-minute time constant (the plan's model)`,
  };
}
