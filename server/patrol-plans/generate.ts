import { randomBytes } from 'node:crypto';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { patrolPlan, type PatrolPlan } from '../analysis/patrol-plan/index.ts';
import { loadCollection } from '../analysis-api/context.ts';
import { computeHotspots, parseHotspotSettings, readHotspotInputs, type HotspotInputs } from '../analysis-api/hotspots.ts';
import { coordinateTransfer } from '../analysis-api/cell-counts.ts';
import { parseSelection } from '../analysis-api/params.ts';
import type { FeatureStore } from '../storage/features.ts';
import type { AppWorkPool } from '../work/app-pool.ts';
import type { PlanRequest } from './request.ts';
import { planTargets } from './targets.ts';

/** What planning reads from the store: the hotspot analysis' inputs, key-target zones, police stations and roads. */
export type PlanInputs = {
  hotspots: HotspotInputs;
  zones: Feature<Polygon | MultiPolygon, Record<string, unknown>>[];
  bases: { id: string; name: string; point: [number, number] }[];
  roads: FeatureCollection<LineString | MultiLineString>;
  request: PlanRequest & { seed: string };
};

/** A plan from its inputs, pure (work pool): the hotspots, then targets, sectors, visits and routes. */
export function computePlan({ hotspots, zones, bases, roads, request }: PlanInputs): PatrolPlan {
  const analysis = computeHotspots(hotspots);
  const targets = planTargets(analysis.hotspots.features as Feature<Polygon | MultiPolygon, { rank: number; score: number }>[], zones);
  return patrolPlan({ targets, bases, roads }, {
    startDate: request.startDate, endDate: request.endDate, units: request.units, shiftsPerDay: request.shiftsPerDay,
    surpriseShare: request.surpriseShare, stopsPerShift: request.stopsPerShift, dwellMinutes: request.dwellMinutes, seed: request.seed,
  });
}

/** Generates a plan for a request: the store is read here, the plan computed in the work pool. */
export async function generatePlan(features: FeatureStore, work: AppWorkPool, request: PlanRequest): Promise<PatrolPlan> {
  const selection = await parseSelection(Object.fromEntries(Object.entries(request.selection ?? {}).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value])), features);
  const hotspots = await readHotspotInputs(features, selection, parseHotspotSettings(new URLSearchParams()));
  const stations = await loadCollection<Point, { name: string }>(features, 'police_stations');
  const inputs: PlanInputs = {
    hotspots,
    zones: (await loadCollection<Polygon | MultiPolygon>(features, 'key_targets')).features as PlanInputs['zones'],
    bases: stations.features.map((station) => ({ id: `police-station-${station.id}`, name: station.properties.name, point: station.geometry.coordinates as [number, number] })),
    roads: await loadCollection<LineString | MultiLineString>(features, 'roads'),
    request: { ...request, seed: request.seed ?? randomBytes(16).toString('hex') },
  };
  return work.run('patrolPlan', inputs, coordinateTransfer(hotspots.coordinates));
}
