import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { candidatesNear } from '../spatial-index/index.ts';
import { createMinHeap } from './heap.ts';
import type { RoadGraph, Route } from './index.ts';

const meters = (a: Position, b: Position): number => distance(a, b, { units: 'meters' });

/** Index of the graph node nearest to `point` within `maxMeters`, or -1. */
export function nearestNode(graph: RoadGraph, point: Position, maxMeters: number): number {
  let best = -1;
  let bestD = Infinity;
  for (const i of candidatesNear(graph.index, point, maxMeters)) {
    const d = meters(point, graph.nodes[i]);
    if (d <= maxMeters && (d < bestD || (d === bestD && i < best))) [best, bestD] = [i, d];
  }
  return best;
}

/**
 * Shortest road route between two points (Dijkstra, binary heap). Both ends snap to their nearest
 * node within `maxSnapMeters`; the straight legs point→node are included. If either end does not
 * snap, or the ends lie in different connected components, returns the straight line (onRoad false).
 * @param options.maxSnapMeters metres, default 3000
 * @param options.edgeFactor multiplies each edge's length when searching (not in the reported length), e.g. to vary
 *   the route taken between the same two points; default none
 */
export function routeBetween(
  graph: RoadGraph,
  from: Position,
  to: Position,
  { maxSnapMeters = 3000, edgeFactor }: { maxSnapMeters?: number; edgeFactor?: (a: number, b: number) => number } = {},
): Route {
  if (!(maxSnapMeters >= 0)) throw new Error('maxSnapMeters must be non-negative');
  const straight: Route = { coordinates: [from, to], lengthMeters: meters(from, to), onRoad: false };
  const a = nearestNode(graph, from, maxSnapMeters);
  const b = nearestNode(graph, to, maxSnapMeters);
  if (a < 0 || b < 0 || graph.component[a] !== graph.component[b]) return straight;
  const path = shortestPath(graph, a, b, edgeFactor);
  if (!path) return straight;
  const coordinates = [from, ...path.map((n) => graph.nodes[n]), to];
  let lengthMeters = 0;
  for (let k = 1; k < coordinates.length; k++) lengthMeters += meters(coordinates[k - 1], coordinates[k]);
  return { coordinates, lengthMeters, onRoad: true };
}

function shortestPath(graph: RoadGraph, source: number, target: number, edgeFactor?: (a: number, b: number) => number): number[] | null {
  const dist = new Float64Array(graph.nodes.length).fill(Infinity);
  const prev = new Int32Array(graph.nodes.length).fill(-1);
  const heap = createMinHeap();
  dist[source] = 0;
  heap.push(source, 0);
  while (heap.size() > 0) {
    const [n, d] = heap.pop() as [number, number];
    if (d > dist[n]) continue;
    if (n === target) break;
    for (const [m, length] of graph.adjacency[n]) {
      const w = edgeFactor ? length * edgeFactor(n, m) : length;
      if (d + w < dist[m]) {
        dist[m] = d + w;
        prev[m] = n;
        heap.push(m, d + w);
      }
    }
  }
  if (!Number.isFinite(dist[target])) return null;
  const path = [target];
  while (path[path.length - 1] !== source) path.push(prev[path[path.length - 1]]);
  return path.reverse();
}
