import { distance } from '@turf/turf';
import type { Position } from 'geojson';

/** A local plane in metres around a latitude (equirectangular: x = lon·k_x, y = lat·k_y, scales from turf). */
export type Plane = { toPlane: (p: Position) => [number, number]; toLonLat: (p: readonly number[]) => Position };

export function localPlane(latitude: number): Plane {
  const kx = distance([0, latitude], [1, latitude], { units: 'meters' });
  const ky = distance([0, latitude - 0.5], [0, latitude + 0.5], { units: 'meters' });
  return { toPlane: (p) => [p[0] * kx, p[1] * ky], toLonLat: (p) => [p[0] / kx, p[1] / ky] };
}

/** The foot of the perpendicular from p to segment ab, its distance and its parameter t in [0, 1]. */
export function footOnSegment(p: readonly number[], a: readonly number[], b: readonly number[]): { point: [number, number]; meters: number; t: number } {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  const point: [number, number] = [a[0] + t * dx, a[1] + t * dy];
  return { point, meters: Math.hypot(p[0] - point[0], p[1] - point[1]), t };
}

/** Points every `stepMeters` (or closer) along a planar polyline, with their distance along it; ends included. */
export function densify(line: readonly (readonly number[])[], stepMeters: number): { point: [number, number]; along: number }[] {
  const out: { point: [number, number]; along: number }[] = [{ point: [line[0][0], line[0][1]], along: 0 }];
  let along = 0;
  for (let k = 1; k < line.length; k++) {
    const [a, b] = [line[k - 1], line[k]];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const steps = Math.max(1, Math.ceil(length / stepMeters));
    for (let s = 1; s <= steps; s++) out.push({ point: [a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps], along: along + (length * s) / steps });
    along += length;
  }
  return out;
}

/** Planar polylines' segments in a bucket grid, for nearest-segment queries within a radius. */
export function segmentIndex(cellMeters: number) {
  const lines: (readonly (readonly number[])[])[] = [];
  const buckets = new Map<string, [number, number][]>();
  const keyOf = (x: number, y: number) => `${Math.floor(x / cellMeters)},${Math.floor(y / cellMeters)}`;
  const add = (line: readonly (readonly number[])[]): number => {
    const id = lines.length;
    lines.push(line);
    for (let k = 1; k < line.length; k++) {
      const [a, b] = [line[k - 1], line[k]];
      const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / cellMeters));
      const keys = new Set<string>();
      for (let s = 0; s <= steps; s++) keys.add(keyOf(a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps));
      for (const key of keys) buckets.set(key, [...(buckets.get(key) ?? []), [id, k]]);
    }
    return id;
  };
  /** The nearest segment within `meters` (at most one cell), skipping lines for which `skip` is true. */
  const nearest = (p: readonly number[], meters: number, skip: (line: number) => boolean = () => false) => {
    let best: { line: number; segment: number; point: [number, number]; meters: number; t: number } | undefined;
    const [cx, cy] = [Math.floor(p[0] / cellMeters), Math.floor(p[1] / cellMeters)];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
      for (const [line, segment] of buckets.get(`${cx + dx},${cy + dy}`) ?? []) {
        if (skip(line)) continue;
        const foot = footOnSegment(p, lines[line][segment - 1], lines[line][segment]);
        if (foot.meters <= meters && (!best || foot.meters < best.meters)) best = { line, segment, ...foot };
      }
    }
    return best;
  };
  return { add, nearest, lines };
}

/** The part of a planar polyline between two distances along it (clamped), interpolated at both ends. */
export function sliceAlong(line: readonly (readonly number[])[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let along = 0;
  for (let k = 1; k < line.length; k++) {
    const [a, b] = [line[k - 1], line[k]];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const at = (d: number): [number, number] => { const t = length === 0 ? 0 : (d - along) / length; return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]; };
    if (along + length >= from && along <= to) {
      if (out.length === 0) out.push(at(Math.max(from, along)));
      if (along + length <= to) out.push([b[0], b[1]]); else { out.push(at(to)); break; }
    }
    along += length;
  }
  return out;
}
