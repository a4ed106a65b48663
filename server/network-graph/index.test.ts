import type { Feature, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildNetwork, cutImpact } from './index.ts';

const P = { A: [108.0, 14.3], B: [108.01, 14.3], C: [108.01, 14.31], D: [108.0, 14.31], F: [108.02, 14.32], G: [108.0, 14.29], H: [107.99, 14.29] };
const cable = (id: number, owner: string, ...points: number[][]): Feature<LineString, { owner: string }> => ({ type: 'Feature', id, geometry: { type: 'LineString', coordinates: points }, properties: { owner } });
const node = (id: string, owner: string, at: number[], kind: string | null = null): Feature<Point, { owner: string; kind: string | null }> =>
  ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [at[0] + 0.0001, at[1]] }, properties: { owner, kind } });

/**
 * Hand-drawn: VNPT's exchange E at A; a ring A–B–C–D–A (routes 1–4) with site S1 at C; a spur C–F (route 5) with
 * site S2 at F; a two-segment spur A–G–H (route 6) with S3 at H. Viettel's route 7 runs B–F with its site S4 at F
 * but Viettel has no exchange here.
 */
const network = buildNetwork({
  cables: [
    cable(1, 'vnpt', P.A, P.B), cable(2, 'vnpt', P.B, P.C), cable(3, 'vnpt', P.C, P.D), cable(4, 'vnpt', P.D, P.A),
    cable(5, 'vnpt', P.C, P.F), cable(6, 'vnpt', P.A, P.G, P.H), cable(7, 'viettel', P.B, P.F),
  ],
  nodes: [node('E', 'vnpt', P.A, 'exchange'), node('S1', 'vnpt', P.C), node('S2', 'vnpt', P.F), node('S3', 'vnpt', P.H), node('S4', 'viettel', P.F)],
});
const ids = (assets: { id: number | string }[]) => assets.map((asset) => asset.id).sort();

describe('cut impact', () => {
  it('a cut in the ring takes nothing down: the site on it stays up through the other side', () => {
    expect(cutImpact(network, { routeId: 2 })).toEqual({ owner: 'vnpt', isolated: [], stillConnected: [expect.objectContaining({ id: 'S1' })] });
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

  it('names an unknown route', () => {
    expect(() => cutImpact(network, { routeId: 99 })).toThrow(/route 99/);
  });
});
