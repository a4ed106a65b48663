import type { HexGridOver } from '../hex-bin/index.ts';
import { hitsAt, RANK_LIMIT_SHARE, rankCells } from './evaluate.ts';
import { DAY_MS, kernelForecast, mixedForecast, outcome, type Events, type Exposure, type ForecastParameters } from './methods.ts';

/** Shares of the area the forecast is judged at. */
export const AREA_LEVELS = [0.01, 0.03, 0.05];
/** Shares of the area the calibration optimises: the small areas a patrol can cover. */
export const CALIBRATION_LEVELS = [0.01, 0.03];
/** Candidate bandwidths (m) and half-lives (days; null = no recency weighting) the calibration tries. */
export const BANDWIDTHS = [500, 1000];
export const HALF_LIVES: (number | null)[] = [365, 730, null];
/** Weights of the sites' and the cables' shares mixed into the kernel density. */
export const EXPOSURE_WEIGHTS: [number, number][] = [[0, 0], [0.2, 0], [0.4, 0], [0, 0.2], [0.2, 0.2], [0.4, 0.2]];
/** Past periods the parameters are judged on: the `days` after each of the previous months' firsts. */
export const CALIBRATION_PERIODS = 6;

export type Calibration = { parameters: ForecastParameters; meanHitRate: number; periods: number; candidates: number };

/** Hit rates of candidates on past periods, shared by the calibrations of neighbouring origins (the backtest's). */
export type CalibrationMemo = Map<string, number>;

/** The first of the month `months` before the month of `originMs`, UTC, epoch ms. */
export function monthsBefore(originMs: number, months: number): number {
  const d = new Date(originMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1);
}

/**
 * The parameters that would have done best on the last {@link CALIBRATION_PERIODS} periods before the origin (the
 * `days` after each of the previous months' firsts, each forecast with only the incidents before it, so every period
 * ends before the origin): the highest mean hit rate at 1 and 3 % of the area over every bandwidth, half-life and
 * exposure weight; ties go to the earlier candidate (wider bandwidth, longer half-life, less exposure: the smoother,
 * simpler forecast).
 * @param memo hit rates already computed for (period, candidate), filled in
 */
export function calibrate(events: Events, grid: HexGridOver, originMs: number, days: number, areaShares: ArrayLike<number>, exposure: Exposure, memo: CalibrationMemo = new Map()): Calibration {
  const periods = Array.from({ length: CALIBRATION_PERIODS }, (_, m) => monthsBefore(originMs, m + 1)).filter((from) => from + days * DAY_MS <= originMs);
  const limit = Math.ceil(RANK_LIMIT_SHARE * areaShares.length);
  let best: Calibration | null = null;
  let candidates = 0;
  for (const bandwidthMeters of [...BANDWIDTHS].reverse()) {
    for (const halfLifeDays of [null, ...[...HALF_LIVES].filter((h) => h !== null).reverse()]) {
      const densities = new Map<number, Float64Array>();
      for (const [siteWeight, cableWeight] of EXPOSURE_WEIGHTS) {
        candidates++;
        let sum = 0;
        for (const from of periods) {
          const key = `${from}|${bandwidthMeters}|${halfLifeDays}|${siteWeight}|${cableWeight}`;
          let rate = memo.get(key);
          if (rate === undefined) {
            if (!densities.has(from)) densities.set(from, kernelForecast(events, grid, from, { bandwidthMeters, halfLifeDays }, areaShares));
            const order = rankCells(mixedForecast(densities.get(from)!, exposure, { siteWeight, cableWeight }), limit);
            const hits = hitsAt(order, areaShares, outcomeOf(events, areaShares.length, from, days), CALIBRATION_LEVELS);
            rate = hits.reduce((s, h) => s + (h.total > 0 ? h.hits / h.total : 0), 0) / CALIBRATION_LEVELS.length;
            memo.set(key, rate);
          }
          sum += rate;
        }
        const meanHitRate = periods.length > 0 ? sum / periods.length : 0;
        if (!best || meanHitRate > best.meanHitRate + 1e-12) best = { parameters: { bandwidthMeters, halfLifeDays, siteWeight, cableWeight }, meanHitRate, periods: periods.length, candidates: 0 };
      }
    }
  }
  return { ...best!, candidates };
}

const outcomes = new WeakMap<Events, Map<string, Float64Array>>();
/** The outcome of a period, kept per events so the memoised best orders of `hitsAt` are reused. */
function outcomeOf(events: Events, cells: number, from: number, days: number): Float64Array {
  let byPeriod = outcomes.get(events);
  if (!byPeriod) outcomes.set(events, (byPeriod = new Map()));
  const key = `${from}|${days}`;
  if (!byPeriod.has(key)) byPeriod.set(key, outcome(events, cells, from, from + days * DAY_MS));
  return byPeriod.get(key)!;
}
