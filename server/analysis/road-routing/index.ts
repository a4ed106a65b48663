import { distance } from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { candidatesNear, createGridIndex, type GridIndex } from '../spatial-index/index.ts';

/** Undirected road graph: merged vertices, adjacency with edge lengths in metres, component labels. */
export type RoadGraph = {
  nodes: Position[];
  /** adjacency[i] = [[neighbour, metres], ...] */
  adjacency: Array<Array<[number, number]>>;
  /** component[i] = id of the connected component of node i. */
  component: number[];
  /** Grid index over `nodes` (1 km cells) for snapping. */
  index: GridIndex;
};

/** A route: coordinates from `from` to `to`, its length in metres, and whether it followed the roads. */
export type Route = { coordinates: Position[]; lengthMeters: number; onRoad: boolean };

const meters = (a: Position, b: Position): number => distance(a, b, { units: 'meters' });

function lineParts(roads: FeatureCollection<LineString | MultiLineString>): Position[][] {
  const lines: Position[][] = [];
  for (const feature of roads.features) {
    const g = feature.geometry;
    if (g?.type === 'LineString') lines.push(g.coordinates);
    else if (g?.type === 'MultiLineString') lines.push(...g.coordinates);
  }
  return lines;
}

/**
 * Builds a routable graph from road lines. Vertices closer than `snapMeters` are merged (grid
 * hashing), so lines that touch at slightly different coordinates connect; dead ends are then bridged
 * to the nearest other component within `bridgeMeters`. Does not mutate input.
 * @param options.snapMeters merge radius in metres, default 30; must be positive
 * @param options.bridgeMeters max gap in metres bridged from a dead end to another component, default 150; 0 disables
 */
export function roadGraph(
  roads: FeatureCollection<LineString | MultiLineString>,
  { snapMeters = 30, bridgeMeters = 150 }: { snapMeters?: number; bridgeMeters?: number } = {},
): RoadGraph {
  if (!(snapMeters > 0) || !Number.isFinite(snapMeters)) throw new Error('snapMeters must be positive');
  if (!(bridgeMeters >= 0) || !Number.isFinite(bridgeMeters)) throw new Error('bridgeMeters must be non-negative');
  const lines = lineParts(roads);
  const raw = lines.flat();
  const rawIndex = createGridIndex(raw, snapMeters);
  const nodeOf = new Int32Array(raw.length).fill(-1);
  const nodes: Position[] = [];
  raw.forEach((p, i) => {
    if (nodeOf[i] >= 0) return;
    nodeOf[i] = nodes.length;
    for (const j of candidatesNear(rawIndex, p, snapMeters)) {
      if (nodeOf[j] < 0 && meters(p, raw[j]) <= snapMeters) nodeOf[j] = nodes.length;
    }
    nodes.push([p[0], p[1]]);
  });
  const adjacency: Array<Array<[number, number]>> = nodes.map(() => []);
  let offset = 0;
  for (const line of lines) {
    for (let k = 1; k < line.length; k++) {
      const a = nodeOf[offset + k - 1];
      const b = nodeOf[offset + k];
      if (a === b) continue;
      const w = meters(nodes[a], nodes[b]);
      adjacency[a].push([b, w]);
      adjacency[b].push([a, w]);
    }
    offset += line.length;
  }
  const index = createGridIndex(nodes, 1000);
  bridgeDanglingEnds(nodes, adjacency, index, bridgeMeters);
  return { nodes, adjacency, component: components(adjacency), index };
}

/**
 * Joins each dead end (degree-1 node) to the nearest node of another connected component within
 * `bridgeMeters`: OSM extracts and simplified lines often leave small gaps (30–100 m) at junctions.
 */
function bridgeDanglingEnds(
  nodes: Position[],
  adjacency: Array<Array<[number, number]>>,
  index: GridIndex,
  bridgeMeters: number,
): void {
  if (bridgeMeters <= 0) return;
  const component = components(adjacency);
  for (let n = 0; n < nodes.length; n++) {
    if (adjacency[n].length !== 1) continue;
    let best = -1;
    let bestD = Infinity;
    for (const m of candidatesNear(index, nodes[n], bridgeMeters)) {
      if (component[m] === component[n]) continue;
      const d = meters(nodes[n], nodes[m]);
      if (d <= bridgeMeters && d < bestD) [best, bestD] = [m, d];
    }
    if (best < 0) continue;
    adjacency[n].push([best, bestD]);
    adjacency[best].push([n, bestD]);
    const from = component[best];
    for (let k = 0; k < component.length; k++) if (component[k] === from) component[k] = component[n];
  }
}

function components(adjacency: Array<Array<[number, number]>>): number[] {
  const label = new Array<number>(adjacency.length).fill(-1);
  let next = 0;
  for (let start = 0; start < adjacency.length; start++) {
    if (label[start] >= 0) continue;
    const stack = [start];
    label[start] = next;
    while (stack.length > 0) {
      const n = stack.pop() as number;
      for (const [m] of adjacency[n]) {
        if (label[m] < 0) {
          label[m] = next;
          stack.push(m);
        }
      }
    }
    next++;
  }
  return label;
}

export { routeBetween, nearestNode } from './route.ts';
