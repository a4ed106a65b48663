import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { BaseData, CommuneProps } from './base.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';

/** Rounds a coordinate to 6 decimal places (~0.1 m), the precision every output carries. */
export function roundPosition(position: Position): Position {
  return [Math.round(position[0] * 1e6) / 1e6, Math.round(position[1] * 1e6) / 1e6];
}

/** Rounds a line and drops the consecutive duplicates rounding can create. */
export function roundLine(line: Position[]): Position[] {
  const rounded: Position[] = [];
  for (const position of line.map(roundPosition)) {
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) rounded.push(position);
  }
  return rounded;
}

export type CommuneLocator = (position: Position) => CommuneProps | undefined;

/** Point-in-commune lookup with a bbox prefilter (40 polygons, called tens of thousands of times). */
export function communeLocator(base: BaseData): CommuneLocator {
  const entries = base.communes.features.map((commune) => ({
    commune: commune as Feature<Polygon | MultiPolygon, CommuneProps>,
    bbox: turf.bbox(commune),
  }));
  return (position) => {
    for (const { commune, bbox } of entries) {
      const [west, south, east, north] = bbox;
      if (position[0] < west || position[0] > east || position[1] < south || position[1] > north) continue;
      if (turf.booleanPointInPolygon(position, commune)) return commune.properties;
    }
    return undefined;
  };
}

/** A point uniformly distributed in a disc of `radiusKm` around `centre`. */
export function pointNear(rng: Rng, centre: Position, radiusKm: number): Position {
  const distanceKm = radiusKm * Math.sqrt(rng.next());
  return turf.destination(centre, distanceKm, rng.range(-180, 180), { units: 'kilometers' }).geometry.coordinates;
}

/**
 * Draws points with `draw` until one lands inside a commune (so inside the province), up to `attempts` tries.
 * @returns the point and its commune, or undefined when every try fell outside
 */
export function drawInside(
  locate: CommuneLocator,
  draw: () => Position,
  attempts = 50,
): { position: Position; commune: CommuneProps } | undefined {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const position = roundPosition(draw());
    const commune = locate(position);
    if (commune) return { position, commune };
  }
  return undefined;
}

/** A uniform point over the province, by rejection from its bbox. */
export function uniformInProvince(rng: Rng, locate: CommuneLocator, bbox: number[]): { position: Position; commune: CommuneProps } {
  const found = drawInside(locate, () => [rng.range(bbox[0], bbox[2]), rng.range(bbox[1], bbox[3])], 1000);
  if (!found) throw new Error('bbox must overlap the communes');
  return found;
}
