import * as turf from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { CARRIERS, type Owner } from '../../server/collections/vocabulary.ts';
import type { BaseData } from './base.ts';
import { candidatesNear, createGridIndex } from '../../server/analysis/spatial-index/index.ts';
import { roundLine } from './geo.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { RoadChain } from './road-chains.ts';
import type { DemoProperties } from './types.ts';

export type CableDraft = { coordinates: Position[]; properties: DemoProperties };
/**
 * Whether a position lies in the province (its cleaned outline: the communes, generalised one by one, leave slivers
 * between them that a road vertex can fall into, which would cut a route in two).
 */
export type Inside = (position: Position) => boolean;

/** Parallel routes of different carriers sit a few metres apart in the road verge, never far from the road. */
const OFFSET_METERS: Record<string, number> = { viettel: -6, vnpt: -2, mobifone: 2, fpt: 6 };
const BACKBONE_REFS = ['QL14'];
export const OWNER_LABEL: Record<string, string> = { viettel: 'Viettel', vnpt: 'VNPT', mobifone: 'MobiFone', fpt: 'FPT Telecom' };

function cutChain(rng: Rng, coordinates: Position[]): Position[][] {
  const pieces: Position[][] = [];
  let current: Position[] = [coordinates[0]];
  let lengthKm = 0;
  let targetKm = rng.range(15, 40);
  for (let index = 1; index < coordinates.length; index += 1) {
    lengthKm += turf.distance(coordinates[index - 1], coordinates[index]);
    current.push(coordinates[index]);
    if (lengthKm >= targetKm && index < coordinates.length - 2) {
      pieces.push(current);
      current = [coordinates[index]];
      lengthKm = 0;
      targetKm = rng.range(15, 40);
    }
  }
  if (current.length >= 2) pieces.push(current);
  return pieces;
}

/**
 * Attributes of a route. `core` routes (each carrier's first route along every road, and the links joining road
 * pieces) are always active, so the network a cut is traced on is whole; other routes may be planned or retired.
 */
export function routeProperties(rng: Rng, owner: string, tier: string, name: string, medium: string, core = false): DemoProperties {
  const drawn = rng.weighted([['active', 88], ['planned', 8], ['retired', 4]] as const);
  const status = core ? 'active' : drawn;
  const fibres: Record<string, number[]> = { backbone: [96, 48], trunk: [48, 24], access: [24, 12] };
  return {
    name,
    owner,
    medium,
    laying: tier === 'access' ? rng.weighted([['aerial', 80], ['underground', 20]] as const)
      : rng.weighted([['aerial', 55], ['underground', 30], ['duct', 15]] as const),
    fibre_count: medium === 'fibre' ? rng.pick(fibres[tier]) : null,
    tier,
    status,
    year_installed: status === 'planned' ? null : rng.int(tier === 'backbone' ? 2005 : 2010, 2026),
    length_m: null,
  };
}

function offsetLine(coordinates: Position[], meters: number): Position[] {
  const shifted = turf.lineOffset(turf.lineString(coordinates), meters, { units: 'meters' }) as { geometry: LineString };
  return shifted.geometry.coordinates;
}

/** A road that leaves the province for less than this is followed across the gap in a straight line (a cable keeps to its side of the border). */
const BRIDGE_KM = 2;

/**
 * Splits a line into the runs of its vertices that lie inside the province (a few OSM roads run outside it); runs less
 * than {@link BRIDGE_KM} apart stay one run, so a road brushing the border does not cut its cable in two.
 */
function insideRuns(coordinates: Position[], inside: Inside): Position[][] {
  const runs: Position[][] = [[]];
  for (const position of coordinates) {
    const run = runs[runs.length - 1];
    if (!inside(position)) {
      if (run.length > 0) runs.push([]);
      continue;
    }
    const previous = runs.length >= 2 && run.length === 0 ? runs[runs.length - 2] : null;
    if (previous && previous.length > 0 && turf.distance(previous[previous.length - 1], position) <= BRIDGE_KM) {
      runs.pop();
      previous.push(position);
    } else run.push(position);
  }
  return runs.filter((run) => run.length >= 2);
}

/** One carrier's routes along every road chain: backbone on the national north–south axis, trunk elsewhere. */
function roadPass(rng: Rng, chains: RoadChain[], inside: Inside, owner: Owner, pass: number): CableDraft[] {
  const copper = owner === 'vnpt' && pass >= CARRIERS.length;
  let sequence = 0;
  return chains.flatMap((chain) =>
    cutChain(rng, chain.coordinates).flatMap((piece) => {
      const tier = copper ? 'access' : BACKBONE_REFS.includes(chain.ref) && pass < 2 ? 'backbone' : 'trunk';
      const offset = roundLine(offsetLine(piece, OFFSET_METERS[owner] * (pass >= CARRIERS.length ? 1.5 : 1)));
      return insideRuns(offset, inside).map((coordinates) => {
        sequence += 1;
        const label = `${OWNER_LABEL[owner]} – ${chain.ref} – ${copper ? 'cáp đồng' : 'tuyến'} ${String(sequence).padStart(2, '0')}`;
        return { coordinates, properties: routeProperties(rng, owner, tier, label, copper ? 'copper' : 'fibre', pass < CARRIERS.length) };
      });
    }),
  );
}

/**
 * Cables this close (a vertex to a vertex, or a route's end to another's span) are taken as spliced already; the
 * network graph joins at 30 m, so anything farther apart than this gets a link of its own.
 */
const SPLICED_METERS = 10;
const SAMPLE_METERS = 100;
const LINK_SEARCH_METERS = 2000;

/**
 * Links that make one carrier's routes one network: the OSM national roads come in pieces that touch without
 * sharing a node (junctions, bridges, gaps of up to ~0.8 km in the data) and brush the border, so the routes laid
 * along them fall into separate networks. Routes are grouped (union–find) when a point of one (its vertices, and
 * points every 100 m along its spans) lies within {@link SPLICED_METERS} of a vertex of another, or a route's end
 * lies within it of another's span; then the groups are joined by a minimum spanning tree (Kruskal) whose edges are
 * straight links between the two groups' nearest points.
 * @returns the links, each a two-position line
 */
export function spliceLinks(routes: Position[][]): Position[][] {
  const points: { r: number; position: Position; vertex: boolean }[] = [];
  routes.forEach((line, r) => line.forEach((position, k) => {
    points.push({ r, position, vertex: true });
    if (k === 0) return;
    const steps = Math.ceil((turf.distance(line[k - 1], position) * 1000) / SAMPLE_METERS);
    for (let s = 1; s < steps; s++) points.push({ r, position: [line[k - 1][0] + ((position[0] - line[k - 1][0]) * s) / steps, line[k - 1][1] + ((position[1] - line[k - 1][1]) * s) / steps], vertex: false });
  }));
  const index = createGridIndex(points.map((p) => p.position), 500);
  const parent = routes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const near = (position: Position, meters: number) => candidatesNear(index, position, meters).filter((j) => turf.distance(position, points[j].position, { units: 'meters' }) <= meters);
  for (const { r, position, vertex } of points) {
    if (vertex) for (const j of near(position, SPLICED_METERS)) if (points[j].r !== r) parent[find(r)] = find(points[j].r);
  }
  routes.forEach((line, r) => {
    for (const end of [line[0], line[line.length - 1]]) {
      const others = new Set(near(end, SAMPLE_METERS).map((j) => points[j].r));
      for (const o of others) if (o !== r && find(o) !== find(r) && turf.pointToLineDistance(end, turf.lineString(routes[o]), { units: 'meters' }) <= SPLICED_METERS) parent[find(r)] = find(o);
    }
  });
  // The nearest points of every two groups within reach of each other, then Kruskal over them.
  const best = new Map<string, { a: number; b: number; km: number; from: Position; to: Position }>();
  for (const p of points) {
    if (!p.vertex) continue;
    const g = find(p.r);
    for (const j of candidatesNear(index, p.position, LINK_SEARCH_METERS)) {
      const h = find(points[j].r);
      if (h <= g) continue;
      const km = turf.distance(p.position, points[j].position);
      const key = `${g}|${h}`;
      if (km * 1000 <= LINK_SEARCH_METERS && km < (best.get(key)?.km ?? Infinity)) best.set(key, { a: g, b: h, km, from: p.position, to: points[j].position });
    }
  }
  const group = new Map<number, number>();
  const top = (g: number): number => { const up = group.get(g) ?? g; if (up === g) return g; const root = top(up); group.set(g, root); return root; };
  const links: Position[][] = [];
  for (const edge of [...best.values()].sort((x, y) => x.km - y.km)) {
    if (top(edge.a) === top(edge.b)) continue;
    group.set(top(edge.a), top(edge.b));
    links.push(roundLine([edge.from, edge.to]));
  }
  // Groups farther than the search from every other (a road leaving the province for kilometres): join each to the
  // nearest point of the rest, by brute force over the few left.
  for (;;) {
    const tops = [...new Set(points.map((p) => top(find(p.r))))];
    if (tops.length <= 1) return links;
    const smallest = tops.reduce((a, b) => (points.filter((p) => top(find(p.r)) === b).length < points.filter((p) => top(find(p.r)) === a).length ? b : a));
    let nearest = { km: Infinity, from: [0, 0] as Position, to: [0, 0] as Position, other: -1 };
    for (const p of points) {
      if (!p.vertex || top(find(p.r)) !== smallest) continue;
      for (const q of points) {
        const other = top(find(q.r));
        if (other === smallest) continue;
        const km = turf.distance(p.position, q.position);
        if (km < nearest.km) nearest = { km, from: q.position, to: p.position, other };
      }
    }
    group.set(smallest, nearest.other);
    links.push(roundLine([nearest.from, nearest.to]));
  }
}

/** Access spurs from the nearest road point to each commune centre: rural roads are not in the data, so they are straight legs. */
function spurs(rng: Rng, base: BaseData, chains: RoadChain[], inside: Inside): CableDraft[] {
  const roadLines = chains.map((chain) => turf.lineString(chain.coordinates));
  return base.centres.features.flatMap((centre) => {
    const position = centre.geometry.coordinates;
    let nearest = turf.nearestPointOnLine(roadLines[0], position);
    for (const line of roadLines.slice(1)) {
      const candidate = turf.nearestPointOnLine(line, position);
      if (candidate.properties.dist < nearest.properties.dist) nearest = candidate;
    }
    if (nearest.properties.dist < 0.3 || !inside(nearest.geometry.coordinates)) return [];
    const owners = CARRIERS.filter((owner) => owner === 'viettel' || owner === 'vnpt' || rng.chance(0.5));
    return owners.map((owner) => ({
      coordinates: roundLine([nearest.geometry.coordinates, position]),
      properties: routeProperties(rng, owner, 'access', `${OWNER_LABEL[owner]} – nhánh ${centre.properties.name_vi}`, 'fibre'),
    }));
  });
}

/**
 * Cable routes: access spurs to every commune, then carrier passes along the real roads until the target length
 * is reached (later passes are second routes and VNPT copper), so the same code scales to larger targets; last, each
 * carrier's links that splice its routes into one network ({@link spliceLinks}).
 */
export function buildCableRoutes(rng: Rng, base: BaseData, chains: RoadChain[], inside: Inside, targetKm: number): CableDraft[] {
  const routes = spurs(rng, base, chains, inside);
  const lengthKm = (draft: CableDraft): number => turf.length(turf.lineString(draft.coordinates));
  let totalKm = routes.reduce((sum, route) => sum + lengthKm(route), 0);
  for (let pass = 0; totalKm < targetKm && pass < 64; pass += 1) {
    const owner = CARRIERS[pass % CARRIERS.length];
    for (const route of roadPass(rng, chains, inside, owner, pass)) {
      // Every carrier's first pass is whole: a network that stops halfway along a road would not be one network.
      if (totalKm >= targetKm && pass >= CARRIERS.length) break;
      routes.push(route);
      totalKm += lengthKm(route);
    }
  }
  for (const owner of CARRIERS) {
    const own = routes.filter((route) => route.properties.owner === owner && route.properties.status === 'active').map((route) => route.coordinates);
    spliceLinks(own).forEach((coordinates, k) => routes.push({ coordinates, properties: routeProperties(rng, owner, 'trunk', `${OWNER_LABEL[owner]} – nối tuyến ${String(k + 1).padStart(2, '0')}`, 'fibre', true) }));
  }
  for (const route of routes) route.properties.length_m = Math.round(lengthKm(route) * 1000);
  return routes;
}
