import type { Feature, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildNetwork, cutImpact } from './index.ts';

const P = { A: [108.0, 14.3], B: [108.01, 14.3], C: [108.01, 14.31], D: [108.0, 14.31], F: [108.02, 14.32], G: [108.0, 14.29], H: [107.99, 14.29] };
const cable = (id: number, owner: string, ...points: number[][]): Feature<LineString, { owner: string; status?: string }> => ({ type: 'Feature', id, geometry: { type: 'LineString', coordinates: points }, properties: { owner } });
const node = (id: string, owner: string, at: number[], kind: string | null = null): Feature<Point, { owner: string; kind: string | null }> =>
  ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [at[0] + 0.0001, at[1]] }, properties: { owner, kind } });

/**
 * Hand-drawn: VNPT's exchange E at A; a ring A–B–C–D–A (routes 1–4) with site S1 at C; a spur C–F (route 5) with
 * site S2 at F; a two-segment spur A–G–H (route 6) with S3 at H. Viettel's route 7 runs B–F with its site S4 at F
 * but Viettel has no exchange here.
 */
const CABLES = [
  cable(1, 'vnpt', P.A, P.B), cable(2, 'vnpt', P.B, P.C), cable(3, 'vnpt', P.C, P.D), cable(4, 'vnpt', P.D, P.A),
  cable(5, 'vnpt', P.C, P.F), cable(6, 'vnpt', P.A, P.G, P.H), cable(7, 'viettel', P.B, P.F),
];
const NODES = [node('E', 'vnpt', P.A, 'exchange'), node('S1', 'vnpt', P.C), node('S2', 'vnpt', P.F), node('S3', 'vnpt', P.H), node('S4', 'viettel', P.F)];
const network = buildNetwork({ cables: CABLES, nodes: NODES });
const ids = (assets: { id: number | string }[]) => assets.map((asset) => asset.id).sort();

describe('cut impact', () => {
  it('a cut in the ring takes nothing down: the site on it, and the one at the end of the spur leaving it, stay up through the other side', () => {
    expect(cutImpact(network, { routeId: 2 })).toEqual({ owner: 'vnpt', isolated: [], stillConnected: [expect.objectContaining({ id: 'S1' }), expect.objectContaining({ id: 'S2' })] });
  });

  it('a cut spur isolates the site beyond it, even where another carrier’s cable runs alongside', () => {
    expect(ids(cutImpact(network, { routeId: 5 }).isolated)).toEqual(['S2']);
  });

  it('cutting one segment of a route isolates what lies beyond that segment', () => {
    expect(ids(cutImpact(network, { routeId: 6, segment: { part: 0, index: 1 } }).isolated)).toEqual(['S3']);
    expect(ids(cutImpact(network, { routeId: 6, segment: { part: 0, index: 0 } }).isolated)).toEqual(['S3']);
  });

  it('a route not connected to an exchange of its owner isolates nothing that was up', () => {
    expect(cutImpact(network, { routeId: 7 })).toMatchObject({ owner: 'viettel', isolated: [] });
  });

  it('joins a drop that leaves a route mid-span (T-joint) and follows a microwave link from the site it feeds', () => {
    const mid = [108.005, 14.3]; // halfway along route 1 (A–B), no vertex there
    const drop = cable(8, 'vnpt', mid, [108.005, 14.295]);
    const hub = { ...node('H', 'vnpt', [108.005, 14.295]), properties: { owner: 'vnpt', kind: null, site_code: 'H' } };
    const remote = { ...node('R', 'vnpt', [108.05, 14.25]), properties: { owner: 'vnpt', kind: null, site_code: 'R', backhaul: 'microwave', backhaul_site_code: 'H' } };
    const withDrop = buildNetwork({ cables: [...CABLES, drop], nodes: [...NODES, hub, remote] });
    expect(ids(cutImpact(withDrop, { routeId: 8 }).isolated)).toEqual(['H', 'R']);
    // A cut on either side of the joint leaves the other side up, through the ring A–B–C–D.
    expect(cutImpact(withDrop, { routeId: 1, segment: { part: 0, index: 0, at: [108.002, 14.3] } }).isolated).toEqual([]);
    expect(cutImpact(withDrop, { routeId: 1, segment: { part: 0, index: 0, at: [108.008, 14.3] } }).isolated).toEqual([]);
    // The whole route out of service takes the joint, and what hangs on it, with it.
    expect(ids(cutImpact(withDrop, { routeId: 1 }).isolated)).toEqual(['H', 'R']);
  });

  it('a drop shorter than the snap distance still feeds its site alone, and a cable passing a site does not end there', () => {
    // Site K sits 12 m off route 1 (A–B) beside its vertex B; its drop runs from B to K. Route 9 passes 5 m from K.
    const k = [108.01, 14.30011];
    const site = { type: 'Feature' as const, id: 'K', geometry: { type: 'Point' as const, coordinates: k }, properties: { owner: 'vnpt', kind: null } };
    const drop = cable(8, 'vnpt', P.B, k);
    const passing = cable(9, 'vnpt', [108.0099, 14.30016], [108.0101, 14.30016]);
    const withDrop = buildNetwork({ cables: [...CABLES, drop, passing], nodes: [...NODES, site] });
    expect(ids(cutImpact(withDrop, { routeId: 8 }).isolated)).toEqual(['K']);
    expect(cutImpact(withDrop, { routeId: 9 }).isolated).toEqual([]);
  });

  it('carries nothing over planned or retired cable', () => {
    const planned = buildNetwork({ cables: CABLES.map((c) => (c.id === 5 ? { ...c, properties: { ...c.properties, status: 'planned' } } : c)), nodes: NODES });
    // S2 hangs only on the planned spur: down before any cut, so a cut cannot isolate it.
    expect(ids(cutImpact(planned, { routeId: 3 }).isolated)).toEqual([]);
    expect(ids(cutImpact(network, { routeId: 5 }).isolated)).toEqual(['S2']);
  });

  it('names an unknown route', () => {
    expect(() => cutImpact(network, { routeId: 99 })).toThrow(/route 99/);
  });
});
