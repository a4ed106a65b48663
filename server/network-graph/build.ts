import { distance, nearestPointOnLine } from '@turf/turf';
import type { Position } from 'geojson';
import { snapGrid } from './snap-grid.ts';
import type { AssetRef, Edge, Network, NetworkInput, NetworkOptions } from './types.ts';

const ROOT_KINDS = ['exchange', 'data_centre'];
/** How close a cable's end must be to a site or facility of its owner to end there. */
const TERMINAL_METERS = 1;
const isActive = (status: string | null | undefined) => status === undefined || status === null || status === 'active';

/**
 * The carriers' networks as one graph, each carrier's in its own vertex space (another carrier's cable a few metres
 * away in the verge never carries the signal):
 * - active cable vertices within `snapMeters` (default 30) of each other are one vertex, so routes join at shared ends
 *   (splice points); consecutive vertices are a span; a route that ends on another route's span, within `snapMeters`,
 *   splits that span there (a T-joint: drops and spurs leave a route mid-span);
 * - a cable of a carrier that ends on one of its sites or facilities (within a metre) ends at that node's terminal, a
 *   vertex no other cable snaps to: a drop cable ends at its site, a tail at its exchange, however short it is;
 * - each site and facility is a vertex of its own, attached to its terminal, or without one to the nearest cable vertex
 *   of its owner within `attachMeters` (default 50), or with no vertex that close to the nearest span of its owner's
 *   within it (the span gets a vertex there);
 * - a microwave-fed site is linked by radio to the site named by its `backhaul_site_code`.
 */
export function buildNetwork(input: NetworkInput, options: NetworkOptions = {}): Network {
  const snap = options.snapMeters ?? 30, attach = options.attachMeters ?? 50;
  const vertices: Position[] = [];
  const edges: Edge[] = [];
  const owners = new Map<number | string, string>();
  const grids = new Map<string, ReturnType<typeof snapGrid>>();
  const gridOf = (owner: string) => {
    let grid = grids.get(owner);
    if (!grid) grids.set(owner, (grid = snapGrid(vertices, snap)));
    return grid;
  };
  // Where a cable ends on a site or facility of its owner (to a metre), the end is that node's terminal: a vertex of its
  // own that no passing cable snaps to, so a drop shorter than the snap distance still carries its site alone.
  const spots: Position[] = [];
  const spotGrid = snapGrid(spots, TERMINAL_METERS);
  const spotNode = new Map<string, number>();
  input.nodes.forEach((node, index) => {
    const key = `${node.properties.owner}/${spotGrid.vertex(node.geometry.coordinates)}`;
    if (!spotNode.has(key)) spotNode.set(key, index);
  });
  const terminals = new Map<number, number>();
  const nodeAt = (p: Position, owner: string): number | undefined => {
    const spot = spotGrid.near(p, TERMINAL_METERS);
    return spot === undefined ? undefined : spotNode.get(`${owner}/${spot}`);
  };
  const endVertex = (p: Position, owner: string, grid: ReturnType<typeof snapGrid>): { vertex: number; terminal: boolean } => {
    const node = nodeAt(p, owner);
    if (node === undefined) return { vertex: grid.vertex(p), terminal: false };
    if (!terminals.has(node)) terminals.set(node, vertices.push(input.nodes[node].geometry.coordinates) - 1);
    return { vertex: terminals.get(node)!, terminal: true };
  };
  const ends: { vertex: number; owner: string }[] = [];
  for (const cable of input.cables) {
    const owner = cable.properties.owner;
    owners.set(cable.id!, owner);
    if (!isActive(cable.properties.status)) continue;
    const grid = gridOf(owner);
    const parts = cable.geometry.type === 'LineString' ? [cable.geometry.coordinates] : cable.geometry.coordinates;
    parts.forEach((line, part) => {
      // A drop under a metre long has both ends on its site: its start is on the route it leaves.
      const startNode = nodeAt(line[0], owner);
      const first = line.length > 1 && startNode !== undefined && nodeAt(line.at(-1)!, owner) === startNode ? { vertex: grid.vertex(line[0]), terminal: false } : endVertex(line[0], owner, grid);
      // A terminal is no splice point: it never becomes a T-joint on a passing span.
      if (!first.terminal) ends.push({ vertex: first.vertex, owner });
      let previous = first.vertex;
      for (let index = 1; index < line.length; index++) {
        const last = index === line.length - 1 ? endVertex(line[index], owner, grid) : null;
        if (last?.terminal) {
          edges.push({ a: previous, b: last.vertex, kind: 'cable', route: cable.id!, part, index: index - 1, owner });
          previous = last.vertex;
          continue;
        }
        const next = last ? last.vertex : grid.vertex(line[index]);
        if (next !== previous) edges.push({ a: previous, b: next, kind: 'cable', route: cable.id!, part, index: index - 1, owner });
        previous = next;
        if (last) ends.push({ vertex: previous, owner });
      }
      if (line.length === 1 && !first.terminal) ends.push({ vertex: previous, owner });
    });
  }
  const spans = spanIndex(edges, vertices, Math.max(snap, attach));
  const joints = jointsAtEnds(edges, vertices, ends, spans, snap);
  const nodeVertex: number[] = [];
  const assets: AssetRef[] = [];
  const attachments: Edge[] = [];
  const codeToNode = new Map<string, number>();
  input.nodes.forEach((node, index) => {
    const { owner, kind = null, site_code: code } = node.properties;
    const at = node.geometry.coordinates;
    vertices.push(at);
    const self = vertices.length - 1;
    nodeVertex.push(self);
    assets.push({ id: node.id!, owner, kind });
    if (code) codeToNode.set(`${owner}/${code}`, index);
    let on = terminals.get(index) ?? grids.get(owner)?.near(at, attach);
    if (on === undefined) {
      // Beside a span rather than at a vertex: the span gets a vertex at the foot of the perpendicular.
      const span = nearestSpan(edges, vertices, spans, at, owner, attach, -1);
      if (span) {
        vertices.push(span.foot);
        on = vertices.length - 1;
        joints.push({ edge: span.edge, vertex: on, along: distance(vertices[edges[span.edge].a], span.foot) });
      }
    }
    if (on !== undefined) attachments.push({ a: self, b: on, kind: 'attach', route: null, part: 0, index: 0, owner });
  });
  const all: Edge[] = [...splitSpans(edges, joints), ...attachments];
  input.nodes.forEach((node, index) => {
    const { owner, backhaul, backhaul_site_code: hubCode } = node.properties;
    const hub = backhaul === 'microwave' && hubCode ? codeToNode.get(`${owner}/${hubCode}`) : undefined;
    if (hub !== undefined && hub !== index) all.push({ a: nodeVertex[index], b: nodeVertex[hub], kind: 'radio', route: null, part: 0, index: 0, owner });
  });
  const roots = input.nodes.flatMap((node, i) => (isActive(node.properties.status) && ROOT_KINDS.includes(node.properties.kind ?? '') ? [i] : []));
  const active = input.nodes.flatMap((node, i) => (isActive(node.properties.status) ? [i] : []));
  return { vertices, edges: all, nodeVertex, assets, roots, active, owners };
}

type Joint = { edge: number; vertex: number; along: number };
type SpanIndex = { cell: number; buckets: Map<string, number[]> };

/** The spans under lon/lat buckets of `reachMeters` (each span in every bucket it passes, and the ones around). */
function spanIndex(edges: Edge[], vertices: Position[], reachMeters: number): SpanIndex {
  const cell = (reachMeters / 111_000) * 2;
  const buckets = new Map<string, number[]>();
  edges.forEach((edge, e) => {
    const [p, q] = [vertices[edge.a], vertices[edge.b]];
    const steps = Math.max(1, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / cell));
    const keys = new Set<string>();
    for (let s = 0; s <= steps; s++) {
      const x = Math.floor((p[0] + ((q[0] - p[0]) * s) / steps) / cell), y = Math.floor((p[1] + ((q[1] - p[1]) * s) / steps) / cell);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) keys.add(`${x + dx},${y + dy}`);
    }
    for (const key of keys) buckets.set(key, [...(buckets.get(key) ?? []), e]);
  });
  return { cell, buckets };
}

/** The owner's span nearest to `at` within `meters` (never one ending at vertex `skip`), with the foot of the perpendicular. */
function nearestSpan(edges: Edge[], vertices: Position[], spans: SpanIndex, at: Position, owner: string, meters: number, skip: number) {
  let best: { edge: number; meters: number; foot: Position } | undefined;
  for (const e of spans.buckets.get(`${Math.floor(at[0] / spans.cell)},${Math.floor(at[1] / spans.cell)}`) ?? []) {
    const edge = edges[e];
    if (edge.owner !== owner || edge.a === skip || edge.b === skip) continue;
    const foot = nearestPointOnLine({ type: 'LineString', coordinates: [vertices[edge.a], vertices[edge.b]] }, at, { units: 'meters' });
    if (foot.properties.dist <= meters && (!best || foot.properties.dist < best.meters)) best = { edge: e, meters: foot.properties.dist, foot: foot.geometry.coordinates };
  }
  return best;
}

/** Route ends lying on another span of the same owner (within `snap`, not at the span's own ends): T-joints. */
function jointsAtEnds(edges: Edge[], vertices: Position[], ends: { vertex: number; owner: string }[], spans: SpanIndex, snap: number): Joint[] {
  const joints: Joint[] = [];
  const done = new Set<string>();
  for (const { vertex, owner } of ends) {
    if (done.has(`${owner}/${vertex}`)) continue;
    done.add(`${owner}/${vertex}`);
    const span = nearestSpan(edges, vertices, spans, vertices[vertex], owner, snap, vertex);
    if (span) joints.push({ edge: span.edge, vertex, along: distance(vertices[edges[span.edge].a], vertices[vertex]) });
  }
  return joints;
}

/** Each span with joints becomes a chain through their vertices, each piece keeping the span's route, part and index. */
function splitSpans(edges: Edge[], joints: Joint[]): Edge[] {
  const byEdge = new Map<number, Joint[]>();
  for (const joint of joints) byEdge.set(joint.edge, [...(byEdge.get(joint.edge) ?? []), joint]);
  return edges.flatMap((edge, e) => {
    const points = byEdge.get(e);
    if (!points) return [edge];
    const chain = [edge.a, ...points.sort((x, y) => x.along - y.along).map((p) => p.vertex), edge.b];
    return chain.slice(1).map((b, k) => ({ ...edge, a: chain[k], b }));
  });
}
