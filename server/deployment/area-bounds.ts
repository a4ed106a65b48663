import { bbox as turfBbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

const STEP = 0.05;

/**
 * Where maps of the area start: the extent of its communes, widened outwards to a 0.05° grid (a few km), so the
 * outline never touches the map's edge.
 * @example areaBounds(communes of data/kontum) // [107.3, 13.9, 108.55, 15.45]
 */
export function areaBounds(communes: FeatureCollection): Bounds {
  const [west, south, east, north] = turfBbox(communes);
  const down = (value: number) => Math.round(Math.floor(value / STEP) * STEP * 100) / 100;
  const up = (value: number) => Math.round(Math.ceil(value / STEP) * STEP * 100) / 100;
  return [down(west), down(south), up(east), up(north)];
}
