import { distance } from '@turf/turf';
import type { Position } from 'geojson';

/**
 * Vertices snapped within `snapMeters` through a lon/lat bucket grid: `vertex(p)` returns the nearest existing vertex
 * within the snap distance, else appends `p` to `vertices` and returns its index; `near(p, meters)` only looks.
 * Each grid indexes the vertices it created, so one grid per carrier keeps carriers' networks apart.
 */
export function snapGrid(vertices: Position[], snapMeters: number) {
  const cell = snapMeters / 111_000;
  const grid = new Map<string, number[]>();
  const keyOf = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  const near = (p: Position, meters: number): number | undefined => {
    const [cx, cy] = [Math.floor(p[0] / cell), Math.floor(p[1] / cell)];
    let best: number | undefined, bestD = Infinity;
    const reach = Math.ceil(meters / snapMeters) + 1;
    for (let dx = -reach; dx <= reach; dx++) for (let dy = -reach; dy <= reach; dy++) {
      for (const v of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
        const d = distance(p, vertices[v], { units: 'meters' });
        if (d <= meters && d < bestD) { best = v; bestD = d; }
      }
    }
    return best;
  };
  const vertex = (p: Position): number => {
    const found = near(p, snapMeters);
    if (found !== undefined) return found;
    vertices.push(p);
    const key = keyOf(p[0], p[1]);
    grid.set(key, [...(grid.get(key) ?? []), vertices.length - 1]);
    return vertices.length - 1;
  };
  return { vertex, near };
}
