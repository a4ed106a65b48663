import type { Backtest, Method } from '../analysis/forecast/index.ts';

export const METHOD_LABELS: Record<Method, string> = {
  forecast: 'forecast (recency-weighted kernel density + sites and cable, calibrated)',
  last_3_months: 'last 3 months’ counts',
  last_12_months: 'last 12 months’ counts',
  kde: 'kernel density of the past (1 km, all history)',
  random: 'random',
};

const f = (v: number, digits = 2) => v.toFixed(digits);
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/** The backtest as a Markdown table: one row per method and area, hit rate, PAI and PEI with their 95 % intervals. */
export function formatBacktest(result: Backtest): string {
  const lines = ['method | area | hit rate [95 % CI] | PAI [95 % CI] | PEI [95 % CI]', '---|---|---|---|---'];
  for (const row of result.rows) {
    lines.push(`${METHOD_LABELS[row.method]} | ${row.level * 100} % | ${pct(row.hitRate)} [${pct(row.ci.hitRate[0])}–${pct(row.ci.hitRate[1])}] | ${f(row.pai)} [${f(row.ci.pai[0])}–${f(row.ci.pai[1])}] | ${f(row.pei)} [${f(row.ci.pei[0])}–${f(row.ci.pei[1])}]`);
  }
  return lines.join('\n');
}

/** The paired comparison with the last 12 months' counts, one line per area. */
export function formatComparison(result: Backtest): string {
  return result.comparison.map((c) => `${c.level * 100} %: forecast PAI ${f(c.forecastPai)} vs last 12 months ${f(c.baselinePai)}, difference ${c.difference >= 0 ? '+' : ''}${f(c.difference)} [paired 95 % CI ${f(c.ci[0])} to ${f(c.ci[1])}] → ${c.verdict}`).join('\n');
}
