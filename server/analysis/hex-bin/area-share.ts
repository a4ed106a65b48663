import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { hexAt, type HexLayout } from './layout.ts';


type Ring = Float64Array; // x0, y0, x1, y1, … in a local plane (degrees of longitude scaled by cos φ₀)

/** A study area projected once into the local plane the shares are measured in. */
export type PlanarArea = { cosine: number; polygons: Ring[][] };

export function planarArea(studyArea: Feature<Polygon | MultiPolygon>): PlanarArea {
  const polygons = studyArea.geometry.type === 'Polygon' ? [studyArea.geometry.coordinates] : studyArea.geometry.coordinates;
  const cosine = Math.cos((polygons[0][0][0][1] * Math.PI) / 180);
  return { cosine, polygons: polygons.map((rings) => rings.map((ring) => toPlane(ring, cosine))) };
}

/**
 * The share of a hexagon's area inside the study area, area(hex ∩ area) / area(hex): every ring of the study area is
 * clipped against the (convex) hexagon (Sutherland–Hodgman, whose degenerate seams along the clip edges have no
 * area) in a local plane, where area ratios are exact to the grid's own flat-earth approximation (< 0.01 % over a cell).
 * @param hexRing the hexagon's closed ring [lon, lat]
 * @returns a share in [0, 1]
 */
export function insideShare(hexRing: Position[], area: PlanarArea): number {
  const hex = toPlane(hexRing, area.cosine);
  const hexArea = Math.abs(signedArea(hex));
  let inside = 0;
  for (const [outer, ...holes] of area.polygons) {
    inside += Math.abs(signedArea(clipToConvex(outer, hex)));
    for (const hole of holes) inside -= Math.abs(signedArea(clipToConvex(hole, hex)));
  }
  return Math.max(0, Math.min(1, inside / hexArea));
}

function toPlane(ring: Position[], cosine: number): Ring {
  // The closing position repeats the first; drop it.
  const out = new Float64Array((ring.length - 1) * 2);
  for (let k = 0; k < ring.length - 1; k++) {
    out[2 * k] = ring[k][0] * cosine;
    out[2 * k + 1] = ring[k][1];
  }
  return out;
}

/** Shoelace area of an open ring. */
function signedArea(ring: Ring): number {
  let sum = 0;
  const n = ring.length / 2;
  for (let k = 0; k < n; k++) {
    const j = (k + 1) % n;
    sum += ring[2 * k] * ring[2 * j + 1] - ring[2 * j] * ring[2 * k + 1];
  }
  return sum / 2;
}

/** Sutherland–Hodgman: `subject` clipped by each edge of the convex `clip` ring in turn. */
function clipToConvex(subject: Ring, clip: Ring): Ring {
  const orientation = Math.sign(signedArea(clip));
  let output: number[] = Array.from(subject);
  const m = clip.length / 2;
  for (let e = 0; e < m && output.length > 0; e++) {
    const ax = clip[2 * e], ay = clip[2 * e + 1];
    const bx = clip[2 * ((e + 1) % m)], by = clip[2 * ((e + 1) % m) + 1];
    const side = (x: number, y: number) => orientation * ((bx - ax) * (y - ay) - (by - ay) * (x - ax));
    const input = output;
    output = [];
    const n = input.length / 2;
    for (let k = 0; k < n; k++) {
      const px = input[2 * k], py = input[2 * k + 1];
      const qx = input[2 * ((k + 1) % n)], qy = input[2 * ((k + 1) % n) + 1];
      const sp = side(px, py), sq = side(qx, qy);
      if (sp >= 0) output.push(px, py);
      if ((sp >= 0) !== (sq >= 0)) {
        const t = sp / (sp - sq);
        output.push(px + t * (qx - px), py + t * (qy - py));
      }
    }
  }
  return Float64Array.from(output);
}

/**
 * Keys of the hexes the study area's boundary may cross: every boundary segment is walked in steps of a quarter cell
 * and the hex under each step and the hexes around it are marked. Any hex not marked is wholly inside or outside.
 */
export function boundaryKeys(layout: HexLayout, studyArea: Feature<Polygon | MultiPolygon>, keyOf: (col: number, row: number) => number): Set<number> {
  const keys = new Set<number>();
  const step = Math.min(layout.rx, layout.ry) / 4;
  const mark = (lon: number, lat: number) => {
    const [col, row] = hexAt(layout, lon, lat);
    for (let dc = -1; dc <= 1; dc++) for (let dr = -1; dr <= 1; dr++) keys.add(keyOf(col + dc, row + dr));
  };
  const polygons = studyArea.geometry.type === 'Polygon' ? [studyArea.geometry.coordinates] : studyArea.geometry.coordinates;
  for (const ring of polygons.flat()) {
    for (let k = 1; k < ring.length; k++) {
      const [x0, y0] = ring[k - 1], [x1, y1] = ring[k];
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
      for (let s = 0; s <= steps; s++) mark(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps);
    }
  }
  return keys;
}
