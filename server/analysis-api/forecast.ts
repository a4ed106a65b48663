import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { lineKmPerCell, pointsPerCell } from '../analysis/exposure/index.ts';
import { backtest, eventsOf, incidentForecast, monthlyCutoffs, type Backtest, type Exposure } from '../analysis/forecast/index.ts';
import type { HexGridOver } from '../analysis/hex-bin/index.ts';
import { INCIDENTS_KEY, NETWORK_PREFIX, type ChangeCounters } from '../storage/change-counters.ts';
import type { FeatureProvider } from '../storage/provider.ts';
import { InvalidParameter } from '../errors.ts';
import { loadCollection, loadIncidents, selectionSummary } from './context.ts';
import { studyAreaGrid } from './grid-cache.ts';
import { parseNumber, type Selection } from './params.ts';

export const FORECAST_PARAMETERS = ['weeks'] as const;
const DAY_MS = 86_400_000;
const CELL_METERS = 1000;
/** The first backtest cut-off comes this many months into the record, so its calibration has a year of history. */
const FIRST_CUTOFF_MONTHS = 17;

/** `weeks`, a whole number from 1 to 12 (default 4). */
function parseWeeks(search: URLSearchParams): number {
  const weeks = parseNumber(search, 'weeks', 4, 1, 12)!;
  if (!Number.isInteger(weeks)) throw new InvalidParameter('weeks', 'weeks must be a whole number from 1 to 12');
  return weeks;
}

/** Sites and cable per cell of the grid, from the store (active sites; cable that is in the ground). */
function exposureOf(provider: FeatureProvider, grid: HexGridOver): Exposure {
  const sites = loadCollection<Point, { status: string }>(provider, 'bts_sites');
  const cables = loadCollection<LineString | MultiLineString, { status: string }>(provider, 'cable_routes');
  return {
    sites: pointsPerCell(grid, { type: 'FeatureCollection', features: sites.features.filter((f) => f.properties.status === 'active') }),
    cableKm: lineKmPerCell(grid, { type: 'FeatureCollection', features: cables.features.filter((f) => f.properties.status !== 'planned') } as FeatureCollection<LineString | MultiLineString>),
  };
}

/** The whole record of the selection up to its end (a forecast learns from all of it, weighting recent months by calibration). */
function history(provider: FeatureProvider, selection: Selection, explicitStart: boolean) {
  const start = explicitStart ? selection.start : (provider.extent('incidents').interval?.[0].slice(0, 10) ?? selection.start);
  return loadIncidents(provider, { ...selection, start });
}

/**
 * `GET /api/analysis/forecast?weeks=4`: expected incidents per 1 km cell over the weeks after the selection's end,
 * from the incidents up to it (all of the record unless `start` is given).
 */
export function forecastAnalysis(provider: FeatureProvider, selection: Selection, search: URLSearchParams) {
  const weeks = parseWeeks(search);
  const incidents = history(provider, selection, search.has('start'));
  const grid = studyAreaGrid(selection, CELL_METERS);
  const events = eventsOf(incidents, grid);
  const originMs = Date.parse(`${selection.end}T00:00:00Z`) + DAY_MS;
  const firstMs = events.time.length > 0 ? Math.min(...events.time) : originMs;
  const result = incidentForecast(events, grid, originMs, weeks * 7, firstMs, exposureOf(provider, grid));
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

const backtests = new Map<string, Backtest>();
const MAX_BACKTESTS = 8;

/**
 * `GET /api/analysis/forecast/backtest`: the rolling monthly backtest of the forecast on the selection's record
 * (`npm run backtest` prints the same for the demo), cached until the incidents or a network change.
 */
export function forecastBacktest(provider: FeatureProvider, counters: ChangeCounters, selection: Selection, search: URLSearchParams) {
  const weeks = parseWeeks(search);
  const key = JSON.stringify([selection.types, selection.sources, selection.statuses, selection.district, selection.area?.geometry ?? null, selection.end, weeks,
    counters.version(INCIDENTS_KEY), counters.total(NETWORK_PREFIX)]);
  let result = backtests.get(key);
  const incidents = history(provider, selection, false);
  if (!result) {
    const grid = studyAreaGrid(selection, CELL_METERS);
    const events = eventsOf(incidents, grid);
    const first = events.time.length > 0 ? new Date(Math.min(...events.time)) : new Date();
    const firstCutoff = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + FIRST_CUTOFF_MONTHS, 1);
    const cutoffs = monthlyCutoffs(firstCutoff, Date.parse(`${selection.end}T00:00:00Z`) + DAY_MS, weeks * 7);
    result = backtest(events, grid, cutoffs, weeks * 7, exposureOf(provider, grid));
    backtests.set(key, result);
    if (backtests.size > MAX_BACKTESTS) backtests.delete(backtests.keys().next().value!);
  }
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: result.cutoffs.length === 0 ? 'Chưa đủ dữ liệu để kiểm định dự báo (cần khoảng 18 tháng) / Not enough history to backtest the forecast (about 18 months needed)' : null,
    backtest: result,
  };
}
