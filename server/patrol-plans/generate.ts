import { randomBytes } from 'node:crypto';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { patrolPlan, type PatrolPlan } from '../analysis/patrol-plan/index.ts';
import { AppError } from '../errors.ts';
import { loadCollection } from '../analysis-api/context.ts';
import { computeHotspots, parseHotspotSettings, readHotspotInputs, type HotspotInputs } from '../analysis-api/hotspots.ts';
import { coordinateTransfer } from '../analysis-api/cell-counts.ts';
import { parseSelection } from '../analysis-api/params.ts';
import type { FeatureStore } from '../storage/features.ts';
import type { AppWorkPool } from '../work/app-pool.ts';
import type { PlanRequest } from './request.ts';
import { forecastTargets, planTargets } from './targets.ts';
import { computeForecast, readForecastInputs, type ForecastInputs } from '../analysis-api/forecast.ts';

/** What planning reads from the store: the hotspot analysis' (or forecast's) inputs, key-target zones, police stations and roads. */
export type PlanInputs = {
  hotspots: HotspotInputs | null;
  forecast: ForecastInputs | null;
  zones: Feature<Polygon | MultiPolygon, Record<string, unknown>>[];
  bases: { id: string; name: string; point: [number, number] }[];
  roads: FeatureCollection<LineString | MultiLineString>;
  request: PlanRequest & { seed: string };
};

/** A plan from its inputs, pure (work pool): the hotspots, then targets, sectors, visits and routes. */
export function computePlan({ hotspots, forecast, zones, bases, roads, request }: PlanInputs): PatrolPlan {
  const areas = forecast ? forecastTargets(computeForecast(forecast).cells)
    : computeHotspots(hotspots!).hotspots.features as Feature<Polygon | MultiPolygon, { rank: number; score: number }>[];
  const targets = planTargets(areas, zones, forecast ? 'forecast' : 'hotspots');
  return patrolPlan({ targets, bases, roads }, {
    startDate: request.startDate, endDate: request.endDate, units: request.units, shiftsPerDay: request.shiftsPerDay,
    surpriseShare: request.surpriseShare, stopsPerShift: request.stopsPerShift, dwellMinutes: request.dwellMinutes, seed: request.seed,
  });
}

/** Generates a plan for a request: the store is read here, the plan computed in the work pool. */
export async function generatePlan(features: FeatureStore, work: AppWorkPool, request: PlanRequest): Promise<PatrolPlan> {
  const selection = await parseSelection(Object.fromEntries(Object.entries(request.selection ?? {}).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value])), features);
  const fromForecast = request.targetsFrom === 'forecast';
  const hotspots = fromForecast ? null : await readHotspotInputs(features, selection, parseHotspotSettings(new URLSearchParams()));
  const forecast = fromForecast ? await readForecastInputs(features, selection, new URLSearchParams({ weeks: String(planWeeks(request)) })) : null;
  const stations = await loadCollection<Point, { name: string }>(features, 'police_stations');
  // Patrols start from police stations: a database without any (a new production one) cannot plan yet.
  if (stations.features.length === 0) throw new AppError(422, 'NoPatrolBases', 'no police stations to start patrols from: add them to the police_stations layer first', {});
  const inputs: PlanInputs = {
    hotspots,
    forecast,
    zones: (await loadCollection<Polygon | MultiPolygon>(features, 'key_targets')).features as PlanInputs['zones'],
    bases: stations.features.map((station) => ({ id: `police-station-${station.id}`, name: station.properties.name, point: station.geometry.coordinates as [number, number] })),
    roads: await loadCollection<LineString | MultiLineString>(features, 'roads'),
    request: { ...request, seed: request.seed ?? randomBytes(16).toString('hex') },
  };
  return work.run('patrolPlan', inputs, coordinateTransfer(hotspots?.coordinates ?? null));
}

/** The forecast a plan takes its targets from covers the plan's horizon, in whole weeks (1–12). */
function planWeeks(request: PlanRequest): number {
  const days = (Date.parse(request.endDate) - Date.parse(request.startDate)) / 86_400_000 + 1;
  return Math.min(12, Math.max(1, Math.ceil(days / 7)));
}
