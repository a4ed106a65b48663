import { distance } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';

export type NetworkInput = {
  cables: Feature<LineString | MultiLineString, { owner: string }>[];
  /** Sites and facilities; facilities of kind exchange or data_centre are the roots of their owner's network. */
  nodes: Feature<Point, { owner: string; kind?: string | null }>[];
};
export type NetworkOptions = { snapMeters?: number; attachMeters?: number };
/** A cut: a whole route, or one segment of it (the piece between two vertices that the cut point lies on). */
export type Cut = { routeId: number | string; segment?: { part: number; index: number } };
export type AssetRef = { id: number | string; owner: string; kind: string | null };

type Edge = { a: number; b: number; route: number | string; part: number; index: number };
export type Network = { vertices: Position[]; edges: Edge[]; attached: Map<number, number[]>; assets: AssetRef[]; owners: Map<number | string, string> };

const ROOT_KINDS = ['exchange', 'data_centre'];

/**
 * The carriers' networks as a graph: cable vertices within `snapMeters` (default 30) are one node, so routes join at
 * shared ends; consecutive vertices of a route are an edge; each site or facility hangs on the nearest vertex
 * within `attachMeters` (default 50), if any.
 */
export function buildNetwork(input: NetworkInput, options: NetworkOptions = {}): Network {
  const snap = options.snapMeters ?? 30, attach = options.attachMeters ?? 50;
  const cell = snap / 111_000;
  const grid = new Map<string, number[]>();
  const vertices: Position[] = [];
  const keyOf = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  const near = (p: Position, meters: number): number | undefined => {
    const [cx, cy] = [Math.floor(p[0] / cell), Math.floor(p[1] / cell)];
    let best: number | undefined, bestD = Infinity;
    const reach = Math.ceil(meters / snap);
    for (let dx = -reach; dx <= reach; dx++) for (let dy = -reach; dy <= reach; dy++) {
      for (const v of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
        const d = distance(p, vertices[v], { units: 'meters' });
        if (d <= meters && d < bestD) { best = v; bestD = d; }
      }
    }
    return best;
  };
  const vertex = (p: Position): number => {
    const found = near(p, snap);
    if (found !== undefined) return found;
    vertices.push(p);
    const key = keyOf(p[0], p[1]);
    grid.set(key, [...(grid.get(key) ?? []), vertices.length - 1]);
    return vertices.length - 1;
  };
  const edges: Edge[] = [];
  const owners = new Map<number | string, string>();
  for (const cable of input.cables) {
    owners.set(cable.id!, cable.properties.owner);
    const parts = cable.geometry.type === 'LineString' ? [cable.geometry.coordinates] : cable.geometry.coordinates;
    parts.forEach((line, part) => {
      let previous = vertex(line[0]);
      for (let index = 1; index < line.length; index++) {
        const next = vertex(line[index]);
        if (next !== previous) edges.push({ a: previous, b: next, route: cable.id!, part, index: index - 1 });
        previous = next;
      }
    });
  }
  const attached = new Map<number, number[]>();
  const assets: AssetRef[] = input.nodes.map((node) => ({ id: node.id!, owner: node.properties.owner, kind: node.properties.kind ?? null }));
  input.nodes.forEach((node, index) => {
    const v = near(node.geometry.coordinates, attach);
    if (v !== undefined) attached.set(index, [...(attached.get(index) ?? []), v]);
  });
  return { vertices, edges, attached, assets, owners };
}

/** Assets of `owner` that reach one of its roots over edges of its own routes that are not cut. */
function reachable(network: Network, owner: string, cut: (edge: Edge) => boolean): Set<number> {
  const adjacency = new Map<number, number[]>();
  for (const edge of network.edges) {
    if (network.owners.get(edge.route) !== owner || cut(edge)) continue;
    adjacency.set(edge.a, [...(adjacency.get(edge.a) ?? []), edge.b]);
    adjacency.set(edge.b, [...(adjacency.get(edge.b) ?? []), edge.a]);
  }
  const seen = new Set<number>();
  const queue: number[] = [];
  network.assets.forEach((asset, index) => {
    if (asset.owner === owner && ROOT_KINDS.includes(asset.kind ?? '')) for (const v of network.attached.get(index) ?? []) if (!seen.has(v)) { seen.add(v); queue.push(v); }
  });
  while (queue.length) {
    const v = queue.pop()!;
    for (const w of adjacency.get(v) ?? []) if (!seen.has(w)) { seen.add(w); queue.push(w); }
  }
  const up = new Set<number>();
  network.assets.forEach((asset, index) => {
    if (asset.owner === owner && (network.attached.get(index) ?? []).some((v) => seen.has(v))) up.add(index);
  });
  return up;
}

/**
 * What a cut takes down: the owner's sites and facilities that reached an exchange before the cut and reach none
 * after (`isolated`), and those hanging on the cut route that stay up through another path, such as a ring
 * (`stillConnected`). Networks are per carrier: another carrier's routes never carry the signal.
 */
export function cutImpact(network: Network, cut: Cut): { owner: string; isolated: AssetRef[]; stillConnected: AssetRef[] } {
  const owner = network.owners.get(cut.routeId);
  if (owner === undefined) throw new Error(`route ${cut.routeId} is not in the network`);
  const isCut = (edge: Edge) => edge.route === cut.routeId && (!cut.segment || (edge.part === cut.segment.part && edge.index === cut.segment.index));
  const before = reachable(network, owner, () => false);
  const after = reachable(network, owner, isCut);
  const onRoute = new Set(network.edges.filter((edge) => edge.route === cut.routeId).flatMap((edge) => [edge.a, edge.b]));
  const isolated: AssetRef[] = [], stillConnected: AssetRef[] = [];
  for (const index of before) {
    if (!after.has(index)) isolated.push(network.assets[index]);
    else if ((network.attached.get(index) ?? []).some((v) => onRoute.has(v)) && !ROOT_KINDS.includes(network.assets[index].kind ?? '')) stillConnected.push(network.assets[index]);
  }
  return { owner, isolated, stillConnected };
}
