import { featureCollection, point } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';

/** Mulberry32: a tiny seeded PRNG for reproducible synthetic incidents. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform background in [w,s,e,n] plus Gaussian clusters (sd in degrees) around the given centres. */
export function syntheticIncidents(seed: number, box: [number, number, number, number], background: number,
  clusters: { center: [number, number]; count: number; sdDegrees: number }[]): FeatureCollection<Point> {
  const rand = prng(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const pts = Array.from({ length: background }, () => point([box[0] + rand() * (box[2] - box[0]), box[1] + rand() * (box[3] - box[1])]));
  for (const c of clusters) {
    for (let i = 0; i < c.count; i++) pts.push(point([c.center[0] + gauss() * c.sdDegrees, c.center[1] + gauss() * c.sdDegrees]));
  }
  return featureCollection(pts);
}
