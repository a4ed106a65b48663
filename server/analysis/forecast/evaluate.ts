/** Hits of a ranking at one share of the area: incidents in the top cells that together cover at most that share. */
export type Hits = { hits: number; total: number; areaShare: number; bestHits: number; bestAreaShare: number };

/**
 * Cell indices by descending score, ties by index; with `limit`, only the first `limit` (found from a native sort of
 * the scores, so ranking 4,000 cells for a 5 % area takes a fraction of a full comparator sort).
 */
export function rankCells(scores: ArrayLike<number>, limit = scores.length): number[] {
  const n = scores.length;
  const byScore = (a: number, b: number) => scores[b] - scores[a] || a - b;
  if (limit >= n) return Array.from({ length: n }, (_, i) => i).sort(byScore);
  const threshold = Float64Array.from(scores).sort()[n - limit];
  const top: number[] = [];
  for (let i = 0; i < n; i++) if (scores[i] >= threshold) top.push(i);
  return top.sort(byScore).slice(0, limit);
}

/** Enough top cells for {@link hitsAt} at shares up to 5 % of the area, unless the top cells are slivers at the border. */
export const RANK_LIMIT_SHARE = 0.12;
const bestOrders = new WeakMap<object, number[]>();

/**
 * For each share of the area: the cells in rank order while their cumulative area stays within it (at least one cell)
 * and how many of the outcome's incidents they hold, with the most the same budget could hold (cells by actual
 * incidents per unit of area), for the PEI.
 * @param order cells by descending forecast score (at least enough of them to fill the largest share)
 * @param areas area per cell (any unit)
 * @param outcome incidents per cell in the forecast period
 */
export function hitsAt(order: readonly number[], areas: ArrayLike<number>, outcome: ArrayLike<number>, shares: readonly number[]): Hits[] {
  let areaTotal = 0, total = 0;
  for (let i = 0; i < areas.length; i++) { areaTotal += areas[i]; total += outcome[i]; }
  let best = bestOrders.get(outcome as object);
  if (!best) bestOrders.set(outcome as object, (best = rankCells(Array.from({ length: areas.length }, (_, i) => outcome[i] / areas[i]))));
  const take = (cells: readonly number[], share: number) => {
    let area = 0, hits = 0, k = 0;
    for (; k < cells.length; k++) {
      const i = cells[k];
      if (area > 0 && area + areas[i] > share * areaTotal) break;
      area += areas[i];
      hits += outcome[i];
    }
    if (k === cells.length && cells.length < areas.length) throw new Error('order must rank enough cells for the share');
    return { area: area / areaTotal, hits };
  };
  return shares.map((share) => {
    const ranked = take(order, share), ideal = take(best, share);
    return { hits: ranked.hits, total, areaShare: ranked.area, bestHits: ideal.hits, bestAreaShare: ideal.area };
  });
}

/**
 * Over several forecast periods pooled: hit rate n/N, PAI = (n/N)/(a/A) (Chainey, Tompson & Uhlig 2008) and
 * PEI = PAI / PAI* with PAI* the best possible at that area (Hunt 2016).
 */
export function scores(hits: readonly Hits[]): { hitRate: number; pai: number; pei: number } {
  const n = hits.reduce((s, h) => s + h.hits, 0), total = hits.reduce((s, h) => s + h.total, 0);
  const mean = (f: (h: Hits) => number) => hits.reduce((s, h) => s + f(h), 0) / Math.max(1, hits.length);
  const hitRate = total > 0 ? n / total : 0;
  const area = mean((h) => h.areaShare), bestArea = mean((h) => h.bestAreaShare);
  const pai = area > 0 ? hitRate / area : 0;
  const best = total > 0 && bestArea > 0 ? hits.reduce((s, h) => s + h.bestHits, 0) / total / bestArea : 0;
  return { hitRate, pai, pei: best > 0 ? pai / best : 0 };
}
