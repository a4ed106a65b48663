import { hexGridOver, type HexGridOver } from '../analysis/hex-bin/index.ts';
import type { Selection } from './params.ts';

const MAX_ENTRIES = 16;
const cache = new Map<string, HexGridOver>();

/**
 * The hex grid over a selection's study area, built once per area and cell size: clipping ~4,000 hexes to the
 * detailed province outline costs about a second, binning and Gi* on it a few milliseconds.
 */
export function studyAreaGrid(selection: Selection, cellSizeMeters: number): HexGridOver {
  const area = selection.district ? `district:${selection.district}` : selection.area ? `area:${JSON.stringify(selection.area.geometry)}` : 'province';
  const key = `${area}|${cellSizeMeters}`;
  const cached = cache.get(key);
  if (cached) {
    // Refresh recency so the least recently used grid is the one evicted.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const grid = hexGridOver(selection.studyArea, { cellSizeMeters });
  cache.set(key, grid);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return grid;
}
