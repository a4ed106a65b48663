import { pointToLineDistance } from '@turf/turf';
import type { AssetRef, Cut, Edge, Network } from './types.ts';

type Adjacency = Map<number, { to: number; edge: Edge }[]>;
const adjacencies = new WeakMap<Network, Map<string, Adjacency>>();

/** The owner's edges as adjacency lists, built once per network and owner. */
function adjacencyOf(network: Network, owner: string): Adjacency {
  let byOwner = adjacencies.get(network);
  if (!byOwner) adjacencies.set(network, (byOwner = new Map()));
  let adjacency = byOwner.get(owner);
  if (!adjacency) {
    adjacency = new Map();
    for (const edge of network.edges) {
      if (edge.owner !== owner) continue;
      adjacency.set(edge.a, [...(adjacency.get(edge.a) ?? []), { to: edge.b, edge }]);
      adjacency.set(edge.b, [...(adjacency.get(edge.b) ?? []), { to: edge.a, edge }]);
    }
    byOwner.set(owner, adjacency);
  }
  return adjacency;
}

/** Nodes whose vertex reaches a root's vertex over the owner's edges that `cut` spares. */
export function reachableNodes(network: Network, owner: string, cut: (edge: Edge) => boolean): Set<number> {
  const adjacency = adjacencyOf(network, owner);
  const seen = new Set<number>();
  const queue: number[] = [];
  for (const root of network.roots) {
    const v = network.nodeVertex[root];
    if (network.assets[root].owner === owner && !seen.has(v)) { seen.add(v); queue.push(v); }
  }
  while (queue.length) {
    const v = queue.pop()!;
    for (const { to, edge } of adjacency.get(v) ?? []) if (!seen.has(to) && !cut(edge)) { seen.add(to); queue.push(to); }
  }
  return new Set(network.active.filter((i) => network.assets[i].owner === owner && seen.has(network.nodeVertex[i])));
}

/** What cuts on one network keep asking: spans by route, who hangs on which vertex, who was up before any cut. */
type CutIndex = { spans: Map<number | string, Edge[]>; endsAt: Map<number, number[][]>; attached: { node: number; vertex: number }[]; before: Map<string, Set<number>> };
const cutIndexes = new WeakMap<Network, CutIndex>();

function cutIndexOf(network: Network): CutIndex {
  const cached = cutIndexes.get(network);
  if (cached) return cached;
  const spans = new Map<number | string, Edge[]>();
  const degree = new Map<number | string, Map<number, number>>();
  for (const e of network.edges) {
    if (e.kind !== 'cable') continue;
    spans.set(e.route!, [...(spans.get(e.route!) ?? []), e]);
    const counts = degree.get(e.route!) ?? new Map<number, number>();
    counts.set(e.a, (counts.get(e.a) ?? 0) + 1).set(e.b, (counts.get(e.b) ?? 0) + 1);
    degree.set(e.route!, counts);
  }
  // The two ends of every route: its vertices of degree 1 within it.
  const endsAt = new Map<number, number[][]>();
  for (const counts of degree.values()) {
    const ends = [...counts].filter(([, d]) => d === 1).map(([v]) => v);
    for (const v of ends) endsAt.set(v, [...(endsAt.get(v) ?? []), ends]);
  }
  const nodeOf = new Map(network.nodeVertex.map((v, i) => [v, i]));
  const attached = network.edges.filter((e) => e.kind === 'attach').map((e) => ({ node: nodeOf.get(e.a)!, vertex: e.b }));
  const index: CutIndex = { spans, endsAt, attached, before: new Map() };
  cutIndexes.set(network, index);
  return index;
}

/**
 * What a cut takes down: the owner's active sites and facilities that reached an exchange before the cut and reach
 * none after (`isolated`), and those fed from the cut route (hanging on it, or at the far end of a drop or spur that
 * starts on it) that stay up through another path, such as a ring (`stillConnected`). Networks are per carrier.
 */
export function cutImpact(network: Network, cut: Cut): { owner: string; isolated: AssetRef[]; stillConnected: AssetRef[] } {
  const owner = network.owners.get(cut.routeId);
  if (owner === undefined) throw new Error(`route ${cut.routeId} is not in the network`);
  const index = cutIndexOf(network);
  const routeSpans = index.spans.get(cut.routeId) ?? [];
  const pieces = cut.segment ? routeSpans.filter((edge) => edge.part === cut.segment!.part && edge.index === cut.segment!.index) : routeSpans;
  const at = cut.segment?.at;
  const gap = (edge: Edge) => pointToLineDistance(at!, { type: 'LineString', coordinates: [network.vertices[edge.a], network.vertices[edge.b]] });
  const removed = new Set(at && pieces.length > 1 ? [pieces.reduce((best, edge) => (gap(edge) < gap(best) ? edge : best))] : pieces);
  if (!index.before.has(owner)) index.before.set(owner, reachableNodes(network, owner, () => false));
  const before = index.before.get(owner)!;
  const after = removed.size === 0 ? before : reachableNodes(network, owner, (edge) => removed.has(edge));
  const onRoute = new Set(routeSpans.flatMap((e) => [e.a, e.b]));
  const fed = new Set(index.attached.filter(({ vertex }) => onRoute.has(vertex)
    || (index.endsAt.get(vertex) ?? []).some((ends) => ends.some((v) => v !== vertex && onRoute.has(v)))).map(({ node }) => node));
  const isolated: AssetRef[] = [], stillConnected: AssetRef[] = [];
  for (const i of before) {
    if (!after.has(i)) isolated.push(network.assets[i]);
    else if (fed.has(i) && !network.roots.includes(i)) stillConnected.push(network.assets[i]);
  }
  return { owner, isolated, stillConnected };
}
