import { computeBacktest, computeForecast } from '../analysis-api/forecast.ts';
import { computeHotspots } from '../analysis-api/hotspots.ts';
import { computeNetworkRisk } from '../analysis-api/network-risk.ts';
import { computeTrends } from '../analysis-api/trends.ts';
import { checkImport } from '../imports/check.ts';
import { drawnInventoryArea } from '../inventory/area.ts';
import { tallyAreaFor } from '../inventory/tally.ts';
import { zoneGeometryProblems } from '../key-targets/zone-geometry.ts';
import { buildNetwork } from '../network-graph/build.ts';
import type { NetworkInput } from '../network-graph/types.ts';
import { computePlan } from '../patrol-plans/generate.ts';
import { measureGpx } from '../patrol-tracks/gpx.ts';

/**
 * The pure computations the work pool runs off the event loop, by name (issue 13). Each takes plain data that the
 * main thread read from the store, and returns plain data: no database and no HTTP here, so the same tasks serve
 * SQLite, an in-memory test database and an asynchronous PostgreSQL store, and a job can be cut off at any point.
 */
export const TASKS = {
  inventoryArea: drawnInventoryArea,
  inventoryTally: tallyAreaFor,
  hotspots: computeHotspots,
  trends: computeTrends,
  networkRisk: computeNetworkRisk,
  forecast: computeForecast,
  forecastBacktest: computeBacktest,
  patrolPlan: computePlan,
  zoneGeometryProblems,
  checkImport,
  measureGpx,
  networkGraph: (input: NetworkInput) => buildNetwork(input),
};

export type AppTasks = typeof TASKS;
