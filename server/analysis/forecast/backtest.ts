import type { HexGridOver } from '../hex-bin/index.ts';
import { childRng, createRng } from '../prng/index.ts';
import { AREA_LEVELS, calibrate, type CalibrationMemo } from './calibrate.ts';
import { hitsAt, RANK_LIMIT_SHARE, rankCells, scores, type Hits } from './evaluate.ts';
import { DAY_MS, kernelForecast, mixedForecast, outcome, recentCounts, withRandomTies, type Events, type Exposure, type ForecastParameters, type KernelParameters } from './methods.ts';

/** The methods compared: the default forecast and four baselines computed in the same run. */
export const METHODS = ['forecast', 'last_3_months', 'last_12_months', 'kde', 'random'] as const;
export type Method = (typeof METHODS)[number];
/** The baseline kernel density: every past incident alike, a fixed 1 km bandwidth. */
export const KDE_BASELINE: KernelParameters = { bandwidthMeters: 1000, halfLifeDays: null };

type Interval = [number, number];
export type BacktestRow = { method: Method; level: number; hitRate: number; pai: number; pei: number; ci: { hitRate: Interval; pai: Interval; pei: Interval } };
/**
 * The forecast's PAI against the last 12 months' counts at one area: the difference, its paired 95 % bootstrap
 * interval (the same resampled cut-offs for both), and `better` / `worse` when the interval excludes 0, else `level`.
 */
export type Comparison = { level: number; forecastPai: number; baselinePai: number; difference: number; ci: Interval; verdict: 'better' | 'level' | 'worse' };
export type Backtest = {
  cutoffs: string[]; days: number; rows: BacktestRow[]; comparison: Comparison[];
  parameters: ({ cutoff: string } & ForecastParameters)[]; bootstrap: number; tieDraws: number;
};
/** Rankings with ties (counts, random) are judged by their mean over this many random orders of the ties. */
const TIE_DRAWS = 10;

/**
 * Rolling-origin backtest: from each cut-off, every method ranks the cells with only the incidents before it, and is
 * judged on the incidents of the next `days` (hit rate, PAI, PEI at 1, 3 and 5 % of the area, pooled over cut-offs).
 * 95 % intervals: a bootstrap over cut-offs (resampled with replacement, seeded), percentiles 2.5 and 97.5.
 * @param cutoffs forecast origins, epoch ms
 */
export function backtest(events: Events, grid: HexGridOver, cutoffs: readonly number[], days: number, exposure: Exposure, options: { seed?: number; bootstrap?: number } = {}): Backtest {
  const { seed = 20250701, bootstrap = 1000 } = options;
  const areaShares = Float64Array.from(grid.cells.features, (f) => f.properties.area_share);
  const n = areaShares.length;
  const perCutoff = new Map<Method, Hits[][]>(METHODS.map((m) => [m, []]));
  const parameters: Backtest['parameters'] = [];
  const memo: CalibrationMemo = new Map();
  cutoffs.forEach((origin, c) => {
    const actual = outcome(events, n, origin, origin + days * DAY_MS);
    const chosen = calibrate(events, grid, origin, days, areaShares, exposure, memo);
    parameters.push({ cutoff: new Date(origin).toISOString().slice(0, 10), ...chosen.parameters });
    const rng = childRng(seed, `cutoff:${c}`);
    const scores: Record<Method, Float64Array> = {
      forecast: mixedForecast(kernelForecast(events, grid, origin, chosen.parameters, areaShares), exposure, chosen.parameters),
      last_3_months: recentCounts(events, n, origin, 91),
      last_12_months: recentCounts(events, n, origin, 365),
      kde: kernelForecast(events, grid, origin, KDE_BASELINE, areaShares),
      random: new Float64Array(n),
    };
    for (const method of METHODS) {
      // Ties (counts, the all-equal random scores) in random order, averaged over draws: the ranking's expected hits.
      const draws = Array.from({ length: TIE_DRAWS }, () => hitsAt(rankCells(withRandomTies(scores[method], rng), Math.ceil(RANK_LIMIT_SHARE * n)), areaShares, actual, AREA_LEVELS));
      perCutoff.get(method)!.push(AREA_LEVELS.map((_, l) => meanHits(draws.map((draw) => draw[l]))));
    }
  });
  const rows: BacktestRow[] = [];
  const resample = createRng(seed ^ 0xb007);
  const draws = Array.from({ length: bootstrap }, () => cutoffs.map(() => resample.int(0, cutoffs.length - 1)));
  for (const method of METHODS) {
    AREA_LEVELS.forEach((level, l) => {
      const hits = perCutoff.get(method)!.map((byLevel) => byLevel[l]);
      const point = scores(hits);
      const samples = draws.map((draw) => scores(draw.map((c) => hits[c])));
      const interval = (pick: (s: { hitRate: number; pai: number; pei: number }) => number): Interval => {
        const sorted = samples.map(pick).sort((a, b) => a - b);
        return [sorted[Math.floor(0.025 * (sorted.length - 1))], sorted[Math.ceil(0.975 * (sorted.length - 1))]];
      };
      rows.push({ method, level, ...point, ci: { hitRate: interval((s) => s.hitRate), pai: interval((s) => s.pai), pei: interval((s) => s.pei) } });
    });
  }
  const comparison = AREA_LEVELS.map((level, l): Comparison => {
    const ours = perCutoff.get('forecast')!.map((byLevel) => byLevel[l]), theirs = perCutoff.get('last_12_months')!.map((byLevel) => byLevel[l]);
    const differences = draws.map((draw) => scores(draw.map((c) => ours[c])).pai - scores(draw.map((c) => theirs[c])).pai).sort((a, b) => a - b);
    const ci: Interval = [differences[Math.floor(0.025 * (differences.length - 1))], differences[Math.ceil(0.975 * (differences.length - 1))]];
    const forecastPai = scores(ours).pai, baselinePai = scores(theirs).pai;
    return { level, forecastPai, baselinePai, difference: forecastPai - baselinePai, ci, verdict: ci[0] > 0 ? 'better' : ci[1] < 0 ? 'worse' : 'level' };
  });
  return { cutoffs: cutoffs.map((c) => new Date(c).toISOString().slice(0, 10)), days, rows, comparison, parameters, bootstrap, tieDraws: TIE_DRAWS };
}

function meanHits(draws: Hits[]): Hits {
  const mean = (f: (h: Hits) => number) => draws.reduce((s, h) => s + f(h), 0) / draws.length;
  return { hits: mean((h) => h.hits), total: draws[0].total, areaShare: mean((h) => h.areaShare), bestHits: draws[0].bestHits, bestAreaShare: draws[0].bestAreaShare };
}

/** Monthly cut-offs (the 1st of each month, UTC) from `first` while a whole period of `days` still fits before `endMs`. */
export function monthlyCutoffs(firstMs: number, endMs: number, days: number): number[] {
  const out: number[] = [];
  const start = new Date(firstMs);
  for (let k = 0; ; k++) {
    const cutoff = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1);
    if (cutoff + days * DAY_MS > endMs) return out;
    if (cutoff >= firstMs) out.push(cutoff);
  }
}
