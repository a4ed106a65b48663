import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { lineKmPerCell, pointsPerCell } from '../analysis/exposure/index.ts';
import { backtest, eventsOf, incidentForecast, monthlyCutoffs, type Backtest, type Exposure } from '../analysis/forecast/index.ts';
import type { HexGridOver } from '../analysis/hex-bin/index.ts';
import type { IncidentProperties } from '../analysis/selection/index.ts';
import { InvalidParameter } from '../errors.ts';
import { INCIDENTS_KEY, NETWORK_PREFIX, type ChangeCounters } from '../storage/change-counters.ts';
import type { FeatureStore } from '../storage/features.ts';
import type { AppWorkPool } from '../work/app-pool.ts';
import { loadCollection, readIncidents, selectedIncidents, selectionSummary } from './context.ts';
import { studyAreaGrid } from './grid-cache.ts';
import { checkDrawnArea, parseNumber, type Selection } from './params.ts';

export const FORECAST_PARAMETERS = ['weeks'] as const;
const DAY_MS = 86_400_000;
const CELL_METERS = 1000;
/** The first backtest cut-off comes this many months into the record, so its calibration has a year of history. */
const FIRST_CUTOFF_MONTHS = 17;

/** What a forecast reads from the store: the whole record up to the selection's end, and the sites and cable. */
export type ForecastInputs = {
  incidents: FeatureCollection<Point, IncidentProperties>;
  sites: FeatureCollection<Point>;
  cables: FeatureCollection<LineString | MultiLineString>;
  selection: Selection;
  weeks: number;
};

/** `weeks`, a whole number from 1 to 12 (default 4). */
function parseWeeks(search: URLSearchParams): number {
  const weeks = parseNumber(search, 'weeks', 4, 1, 12)!;
  if (!Number.isInteger(weeks)) throw new InvalidParameter('weeks', 'weeks must be a whole number from 1 to 12');
  return weeks;
}

/** Reads a forecast's inputs (main thread): the record from its start (or the given `start`), active sites, cable in the ground. */
export async function readForecastInputs(features: FeatureStore, selection: Selection, search: URLSearchParams): Promise<ForecastInputs> {
  const start = search.has('start') ? selection.start : ((await features.extent('incidents')).interval?.[0].slice(0, 10) ?? selection.start);
  const sites = await loadCollection<Point, { status: string }>(features, 'bts_sites');
  const cables = await loadCollection<LineString | MultiLineString, { status: string }>(features, 'cable_routes');
  return {
    incidents: await readIncidents(features, { ...selection, start }),
    sites: { type: 'FeatureCollection', features: sites.features.filter((f) => f.properties.status === 'active') },
    cables: { type: 'FeatureCollection', features: cables.features.filter((f) => f.properties.status !== 'planned') } as FeatureCollection<LineString | MultiLineString>,
    selection: { ...selection, start },
    weeks: parseWeeks(search),
  };
}

function prepare({ incidents: read, sites, cables, selection }: ForecastInputs) {
  checkDrawnArea(selection);
  const incidents = selectedIncidents(read, selection);
  const grid: HexGridOver = studyAreaGrid(selection, CELL_METERS);
  const exposure: Exposure = { sites: pointsPerCell(grid, sites), cableKm: lineKmPerCell(grid, cables) };
  return { incidents, grid, exposure, events: eventsOf(incidents, grid) };
}

/** The forecast from its inputs, pure (work pool): expected incidents per 1 km cell over the weeks after the selection's end. */
export function computeForecast(inputs: ForecastInputs) {
  const { incidents, grid, exposure, events } = prepare(inputs);
  const { selection, weeks } = inputs;
  const originMs = Date.parse(`${selection.end}T00:00:00Z`) + DAY_MS;
  const firstMs = events.time.length > 0 ? Math.min(...events.time) : originMs;
  const result = incidentForecast(events, grid, originMs, weeks * 7, firstMs, exposure);
  const { bandwidthMeters, halfLifeDays, siteWeight, cableWeight } = result.calibration.parameters;
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? 'Không có vụ việc để dự báo / No incidents to forecast from' : null,
    forecast: {
      weeks, from: result.origin, until: result.until, expectedTotal: result.expectedTotal, totalBasis: result.totalBasis,
      method: {
        name: 'recency-weighted kernel density mixed with the sites and cable in each cell, calibrated on the previous months',
        description: `Each past incident weighs 2^(−age/${halfLifeDays ?? '∞'} days), smoothed with a ${bandwidthMeters} m Gaussian kernel; `
          + `${Math.round((1 - siteWeight - cableWeight) * 100)} % of the forecast is that density, ${Math.round(siteWeight * 100)} % the cell's share of the BTS sites, `
          + `${Math.round(cableWeight * 100)} % its share of the cable. Chosen among ${result.calibration.candidates} candidates as the best mean hit rate at 1 and 3 % of the area `
          + `over the ${result.calibration.periods} previous months.`,
        parameters: result.calibration.parameters,
        calibrationHitRate: result.calibration.meanHitRate,
      },
    },
    cells: result.cells,
  };
}

/** The rolling monthly backtest from its inputs, pure (work pool). */
export function computeBacktest(inputs: ForecastInputs) {
  const { incidents, grid, exposure, events } = prepare(inputs);
  const days = inputs.weeks * 7;
  const first = events.time.length > 0 ? new Date(Math.min(...events.time)) : new Date(Date.parse(`${inputs.selection.end}T00:00:00Z`));
  const firstCutoff = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + FIRST_CUTOFF_MONTHS, 1);
  const cutoffs = monthlyCutoffs(firstCutoff, Date.parse(`${inputs.selection.end}T00:00:00Z`) + DAY_MS, days);
  const result: Backtest = backtest(events, grid, cutoffs, days, exposure);
  return {
    selection: selectionSummary(inputs.selection, incidents.features.length),
    message: result.cutoffs.length === 0 ? 'Chưa đủ dữ liệu để kiểm định dự báo (cần khoảng 18 tháng) / Not enough history to backtest the forecast (about 18 months needed)' : null,
    backtest: result,
  };
}

/**
 * A backtest recalibrates the forecast at every cut-off: about 20 s on the demo's record on a 2-core machine, so it
 * may run past the pool's per-job budget up to this, and its answer is kept (below) until the data change.
 */
export const BACKTEST_BUDGET_MS = 180_000;
const backtests = new Map<string, Promise<ReturnType<typeof computeBacktest>>>();
const MAX_BACKTESTS = 8;

/** `GET /api/analysis/forecast?weeks=4`: read here, computed in the work pool. */
export async function forecastAnalysis(features: FeatureStore, work: AppWorkPool, selection: Selection, search: URLSearchParams) {
  return work.run('forecast', await readForecastInputs(features, selection, search));
}

/**
 * `GET /api/analysis/forecast/backtest`: the rolling backtest of the forecast on the selection's record (`npm run
 * backtest` prints the same for the demo), kept until the incidents or a network change.
 */
export async function forecastBacktest(features: FeatureStore, counters: ChangeCounters, work: AppWorkPool, selection: Selection, search: URLSearchParams) {
  const inputs = await readForecastInputs(features, selection, search);
  // Kept on the main thread, so every worker's later requests find it; a failed run is not kept.
  const key = JSON.stringify([inputs.selection, inputs.weeks, await counters.version(INCIDENTS_KEY), await counters.total(NETWORK_PREFIX)]);
  let result = backtests.get(key);
  if (!result) {
    result = work.run('forecastBacktest', inputs, [], { budgetMs: BACKTEST_BUDGET_MS });
    backtests.set(key, result);
    result.catch(() => backtests.delete(key));
    if (backtests.size > MAX_BACKTESTS) backtests.delete(backtests.keys().next().value!);
  }
  return result;
}
