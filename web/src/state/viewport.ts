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

/** The province's extent, where the map starts. */
export const PROVINCE_BOUNDS: Bbox = [107.33, 13.9, 108.55, 15.42];

/** Default incident window: the last 12 months of the demo data's period 2023-11-01..2026-10-31. */
export const DATA_PERIOD = { start: '2023-11-01', end: '2026-10-31' } as const;
export const DEFAULT_INCIDENT_RANGE = { start: '2025-11-01', end: '2026-10-31' } as const;
