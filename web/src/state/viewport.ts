import type { Bbox } from '../api/types.ts';

const GRID_DEGREES = 0.05;

/**
 * Pads a viewport bbox by a fraction of its size on every side and snaps it outwards to a 0.05° grid, so
 * small pans reuse the cached answer.
 * @param bbox viewport [minX, minY, maxX, maxY] in degrees
 * @param paddingFraction share of the width/height added on each side (default 0.25)
 */
export function padBbox(bbox: Bbox, paddingFraction = 0.25): Bbox {
  const [minX, minY, maxX, maxY] = bbox;
  const padX = (maxX - minX) * paddingFraction, padY = (maxY - minY) * paddingFraction;
  const down = (value: number) => Math.floor(value / GRID_DEGREES) * GRID_DEGREES;
  const up = (value: number) => Math.ceil(value / GRID_DEGREES) * GRID_DEGREES;
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return [
    round(Math.max(-180, down(minX - padX))), round(Math.max(-90, down(minY - padY))),
    round(Math.min(180, up(maxX + padX))), round(Math.min(90, up(maxY + padY))),
  ];
}

/** Today's date in Vietnam (UTC+7) as YYYY-MM-DD: the end of every default period. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The default incident window: the year up to and including today, so a case filed today is on the map.
 * @example defaultIncidentRange(new Date('2026-12-01T09:00:00Z')) // { start: '2025-12-02', end: '2026-12-01' }
 */
export function defaultIncidentRange(now: Date = new Date()): { start: string; end: string } {
  const end = vietnamToday(now);
  const start = new Date(`${end}T00:00:00Z`);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  start.setUTCDate(start.getUTCDate() + 1);
  return { start: start.toISOString().slice(0, 10), end };
}

/** The first day of the demo's incident record (2023-11-01); date pickers start there. */
export const RECORD_START = '2023-11-01';
