import * as turf from '@turf/turf';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createRng } from '../../server/analysis/prng/index.ts';
import { createNetworkCache } from '../../server/network-graph/cache.ts';
import { cutImpact, type Edge, type Network } from '../../server/network-graph/index.ts';
import { createTestApp, sendJson } from '../helpers/test-app.ts';

type Answer = { owner: string; isolated: { features: { id: number; properties: { owner: string; collection: string } }[] }; stillConnected: { features: unknown[] }; cut: { type: string } };
const CARRIERS = ['viettel', 'vnpt', 'mobifone', 'fpt'];

/** Which active nodes reach a root when `removed` edges are gone: a plain breadth-first search written for the test. */
function independentlyIsolated(network: Network, owner: string, removed: Set<Edge>): string[] {
  const reach = (skip: Set<Edge>) => {
    const neighbours = new Map<number, number[]>();
    for (const edge of network.edges) {
      if (edge.owner !== owner || skip.has(edge)) continue;
      if (!neighbours.has(edge.a)) neighbours.set(edge.a, []);
      if (!neighbours.has(edge.b)) neighbours.set(edge.b, []);
      neighbours.get(edge.a)!.push(edge.b);
      neighbours.get(edge.b)!.push(edge.a);
    }
    const start = network.roots.filter((r) => network.assets[r].owner === owner).map((r) => network.nodeVertex[r]);
    const seen = new Set(start);
    for (let queue = [...start], head = 0; head < queue.length; head++) {
      for (const next of neighbours.get(queue[head]) ?? []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    }
    return seen;
  };
  const before = reach(new Set()), after = reach(removed);
  return network.active.filter((i) => network.assets[i].owner === owner && before.has(network.nodeVertex[i]) && !after.has(network.nodeVertex[i]))
    .map((i) => String(network.assets[i].id)).sort();
}

/** Spans whose removal disconnects the owner's graph (Tarjan's bridges, iteratively), computed in the test. */
function bridges(network: Network, owner: string): Set<Edge> {
  const adjacency = new Map<number, { to: number; edge: Edge }[]>();
  for (const edge of network.edges) {
    if (edge.owner !== owner) continue;
    adjacency.set(edge.a, [...(adjacency.get(edge.a) ?? []), { to: edge.b, edge }]);
    adjacency.set(edge.b, [...(adjacency.get(edge.b) ?? []), { to: edge.a, edge }]);
  }
  const order = new Map<number, number>(), low = new Map<number, number>(), found = new Set<Edge>();
  let time = 0;
  for (const start of adjacency.keys()) {
    if (order.has(start)) continue;
    const stack: { v: number; via: Edge | null; next: number }[] = [{ v: start, via: null, next: 0 }];
    order.set(start, time); low.set(start, time++);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const list = adjacency.get(top.v)!;
      if (top.next < list.length) {
        const { to, edge } = list[top.next++];
        if (edge === top.via) continue;
        if (order.has(to)) low.set(top.v, Math.min(low.get(top.v)!, order.get(to)!));
        else { order.set(to, time); low.set(to, time++); stack.push({ v: to, via: edge, next: 0 }); }
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
          if (low.get(top.v)! > order.get(parent.v)!) found.add(top.via!);
        }
      }
    }
  }
  return found;
}

describe('cut impact on the demo network', async () => {
  const dataset = await demoDataset();
  const t = await createTestApp(dataset);
  const graphs = createNetworkCache(t.features, t.services.storage.counters, t.services.work);
  const routes = dataset.cable_routes.features;
  const activeAccess = routes.filter((route) => route.properties?.tier === 'access' && route.properties?.status === 'active');

  const networks = new Map<string, Network>();
  for (const owner of CARRIERS) networks.set(owner, (await graphs.network(owner)).network);

  it('at least a quarter of the active access routes isolate at least one BTS site when cut', () => {
    const isolating = activeAccess.filter((route) => cutImpact(networks.get(String(route.properties!.owner))!, { routeId: route.id! })
      .isolated.some((asset) => String(asset.id).startsWith('bts_sites/')));
    expect(activeAccess.length).toBeGreaterThan(500);
    expect(isolating.length / activeAccess.length).toBeGreaterThanOrEqual(0.25);
  });

  it('cutting a site’s fibre drop isolates exactly that site and the sites it feeds by radio, as the demo generator built them', () => {
    // The expected answer comes from the demo's own records, not from the graph: the drop is named after its site, and a
    // microwave-fed site names its hub in backhaul_site_code.
    const sites = dataset.bts_sites.features;
    const active = sites.filter((site) => site.properties?.status === 'active');
    const drops = activeAccess.filter((route) => String(route.properties!.name).includes('cáp nhánh trạm '));
    let checked = 0;
    for (const drop of drops) {
      const code = String(drop.properties!.name).split('cáp nhánh trạm ')[1];
      const expected = active.filter((site) => site.properties!.site_code === code || site.properties!.backhaul_site_code === code).map((site) => `bts_sites/${site.id}`).sort();
      const got = cutImpact(networks.get(String(drop.properties!.owner))!, { routeId: drop.id! }).isolated.map((asset) => String(asset.id)).filter((id) => id.startsWith('bts_sites/')).sort();
      expect(got, `drop of ${code}`).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('for every active route of the demo, cut whole, the isolated set equals an independent breadth-first search', () => {
    let isolating = 0;
    const active = routes.filter((route) => route.properties?.status === 'active');
    for (const route of active) {
      const owner = String(route.properties!.owner);
      const network = networks.get(owner)!;
      const removed = new Set(network.edges.filter((edge) => edge.kind === 'cable' && edge.route === route.id));
      const got = cutImpact(network, { routeId: route.id! }).isolated.map((asset) => String(asset.id)).sort();
      expect(got, `route ${route.id}`).toEqual(independentlyIsolated(network, owner, removed));
      if (got.length > 0) isolating++;
    }
    expect(active.length).toBeGreaterThan(480);
    expect(isolating).toBeGreaterThan(active.length / 4);
  });

  it('for 50 random cuts, whole routes and clicked spans, the API isolates exactly what an independent breadth-first search finds', async () => {
    const rng = createRng(11);
    let withLoss = 0, cuts = 0;
    for (let k = 0; k < 50; k++) {
      const route = rng.pick(routes.filter((r) => r.properties?.status === 'active'));
      const owner = String(route.properties!.owner);
      const network = networks.get(owner)!;
      const line = (route.geometry as LineString).coordinates;
      const clicked = k % 2 === 1;
      const spans = network.edges.filter((edge) => edge.kind === 'cable' && edge.route === route.id);
      if (spans.length === 0) continue;
      const segment = rng.pick(spans).index;
      const point = turf.midpoint(line[segment], line[segment + 1]).geometry.coordinates;
      const pieces = network.edges.filter((edge) => edge.kind === 'cable' && edge.route === route.id && (!clicked || edge.index === segment));
      // Clicked: only the piece of the span under the point (a joint may split a span); whole: every piece of the route.
      const under = clicked ? [pieces.reduce((best, edge) => (distanceTo(network, edge, point) < distanceTo(network, best, point) ? edge : best))] : pieces;
      const { status, body } = await sendJson<Answer>(t.as('police'), 'POST', '/api/cut-impact', { routeId: route.id, ...(clicked ? { point } : {}) });
      expect(status).toBe(200);
      const got = body.isolated.features.map((f) => `${f.properties.collection}/${f.id}`).sort();
      expect(got, `route ${route.id}${clicked ? ` at segment ${segment}` : ''}`).toEqual(independentlyIsolated(network, owner, new Set(under)));
      if (got.length > 0) withLoss++;
      cuts++;
    }
    expect(withLoss).toBeGreaterThan(10);
    expect(cuts).toBeGreaterThanOrEqual(45);
  });

  it('cutting one span of a ring isolates nothing: spans that are not bridges of their carrier’s graph', () => {
    let spans = 0;
    for (const owner of CARRIERS) {
      const network = networks.get(owner)!;
      const cables = network.edges.filter((edge) => edge.owner === owner && edge.kind === 'cable');
      const bridge = bridges(network, owner);
      const rings = cables.filter((edge) => !bridge.has(edge));
      for (const edge of rings.filter((_, i) => i % Math.max(1, Math.floor(rings.length / 10)) === 0)) {
        spans++;
        const at = turf.midpoint(network.vertices[edge.a], network.vertices[edge.b]).geometry.coordinates;
        expect(cutImpact(network, { routeId: edge.route!, segment: { part: edge.part, index: edge.index, at } }).isolated, `${owner} route ${edge.route}`).toEqual([]);
      }
    }
    expect(spans).toBeGreaterThanOrEqual(20);
  });

  it('rebuilds a carrier’s graph only when that carrier’s network changes, whatever path wrote', async () => {
    const cache = createNetworkCache(t.features, t.services.storage.counters, t.services.work);
    const viettel = await cache.network('viettel'), vnpt = await cache.network('vnpt');
    expect(await cache.network('viettel')).toBe(viettel);
    expect(cache.builds()).toBe(2);
    // Retire one Viettel drop: its site goes down, the API's own cache sees it, VNPT's graph is kept.
    const drop = activeAccess.find((route) => route.properties!.owner === 'viettel' && String(route.properties!.name).includes('cáp nhánh trạm'))!;
    const before = await sendJson<Answer>(t.as('viettel'), 'POST', '/api/cut-impact', { routeId: drop.id });
    expect(before.body.isolated.features.length).toBeGreaterThan(0);
    await t.features.replace('cable_routes', drop.id as number, { ...drop, properties: { ...drop.properties, status: 'retired' } });
    expect(await cache.network('viettel')).not.toBe(viettel);
    expect(await cache.network('vnpt')).toBe(vnpt);
    expect(cache.builds()).toBe(3);
    const after = await sendJson<Answer>(t.as('viettel'), 'POST', '/api/cut-impact', { routeId: drop.id });
    expect(after.body.isolated.features).toEqual([]);
  });

  it('traces a cut on a carrier’s own route and lists only that carrier’s assets', async () => {
    const viettelRoute = activeAccess.find((route) => route.properties?.owner === 'viettel')!;
    const { status, body } = await sendJson<Answer>(t.as('viettel'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id });
    expect(status).toBe(200);
    expect(body.owner).toBe('viettel');
    expect([...body.isolated.features, ...(body.stillConnected.features as { properties: { owner: string } }[])].every((feature) => feature.properties.owner === 'viettel')).toBe(true);
  });

  it('snaps a clicked point to the route and cuts only there', async () => {
    const viettelRoute = activeAccess.find((route) => route.properties?.owner === 'viettel')!;
    const [lon, lat] = (viettelRoute.geometry as { coordinates: number[][] }).coordinates[0];
    const { body } = await sendJson<Answer>(t.as('police'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id, point: [lon + 0.00001, lat] });
    expect(body.cut.type).toBe('Point');
  });

  it('refuses another carrier’s route, an unknown route and a bad point', async () => {
    const viettelRoute = activeAccess.find((route) => route.properties?.owner === 'viettel')!;
    expect((await sendJson(t.as('vnpt'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id })).status).toBe(403);
    expect((await sendJson(t.as('police'), 'POST', '/api/cut-impact', { routeId: 999_999 })).status).toBe(400);
    expect((await sendJson(t.as('police'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id, point: [200, 14] })).status).toBe(400);
    expect((await sendJson(t.as('ubnd'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id })).status).toBe(403);
  });
});

function distanceTo(network: Network, edge: Edge, point: number[]): number {
  return turf.pointToLineDistance(point, turf.lineString([network.vertices[edge.a], network.vertices[edge.b]]));
}
