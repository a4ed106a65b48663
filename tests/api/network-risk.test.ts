import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '../../scripts/generator/index.ts';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { corridorPieces, type CorridorPieceProps } from '../../server/analysis/corridors/index.ts';
import { createTestApp, getJson, type TestApp } from '../helpers/test-app.ts';

type Stretch = Feature<LineString | MultiLineString, CorridorPieceProps & { rank: number; count: number; rate_per_km_year: number; incident_ids: number[] }>;
type Answer = { stretches: FeatureCollection<LineString | MultiLineString, Stretch['properties']> };
const WINDOW = { start: '2025-11-01', end: '2026-10-31' };

let dataset: DemoDataset;
let test: TestApp;
let pieces: FeatureCollection<LineString | MultiLineString, CorridorPieceProps>;
let answer: Answer;

const partsOf = (piece: Feature<LineString | MultiLineString>): Position[][] => (piece.geometry.type === 'LineString' ? [piece.geometry.coordinates] : piece.geometry.coordinates);
/** Each piece's bbox padded by more than 100 m: only pieces whose box holds a point can be within 100 m of it. */
const boxes = () => pieces.features.map((piece) => { const [w, s, e, n] = turf.bbox(piece); return [w - 0.0011, s - 0.0011, e + 0.0011, n + 0.0011]; });
const metresTo = (point: Position, piece: Feature<LineString | MultiLineString>) => Math.min(...partsOf(piece).map((line) => turf.pointToLineDistance(point, turf.lineString(line), { units: 'meters' })));

beforeAll(async () => {
  dataset = await demoDataset();
  test = await createTestApp(dataset);
  // The pieces the API builds: every carrier's cable that is in the ground.
  pieces = corridorPieces({ type: 'FeatureCollection', features: dataset.cable_routes.features.filter((f) => f.properties.status !== 'planned') } as FeatureCollection<LineString | MultiLineString>);
  answer = (await getJson<Answer>(test.app, `/api/analysis/network-risk?start=${WINDOW.start}&end=${WINDOW.end}&top=5000`)).body;
});

describe('hot stretches on the demo network', () => {
  it('cuts the network into true 1 km pieces: every piece 1,000 m but the last of its corridor, none under 250 m', () => {
    const byCorridor = new Map<number, Feature<LineString | MultiLineString, CorridorPieceProps>[]>();
    for (const piece of pieces.features) byCorridor.set(piece.properties.corridor_id, [...(byCorridor.get(piece.properties.corridor_id) ?? []), piece]);
    for (const list of byCorridor.values()) {
      list.forEach((piece, k) => {
        const main = turf.length(turf.lineString(partsOf(piece)[0]), { units: 'meters' });
        if (k < list.length - 1) expect(Math.abs(main - 1000), piece.properties.piece_id).toBeLessThan(0.5);
        else expect(main, piece.properties.piece_id).toBeLessThan(1250.5);
      });
    }
    expect(pieces.features.every((piece) => turf.length(piece, { units: 'meters' }) >= 249.5)).toBe(true);
    expect(pieces.features.length).toBeGreaterThan(500);
  });

  it('credits every incident to the piece a brute force finds nearest within 100 m: counts per piece agree', () => {
    const selected = dataset.incidents.features.filter((f) => {
      const at = String(f.properties.occurred_at);
      return at >= `${WINDOW.start}T00:00:00Z` && at <= `${WINDOW.end}T23:59:59Z` && !['false_alarm', 'duplicate'].includes(String(f.properties.status));
    });
    const box = boxes();
    const expected = new Map<string, number>();
    for (const incident of selected) {
      const at = (incident.geometry as Point).coordinates;
      let best: { id: string; meters: number } | undefined;
      pieces.features.forEach((piece, p) => {
        const [w, s, e, n] = box[p];
        if (at[0] < w || at[0] > e || at[1] < s || at[1] > n) return;
        const meters = metresTo(at, piece);
        if (meters <= 100 && (!best || meters < best.meters)) best = { id: piece.properties.piece_id, meters };
      });
      if (best) expected.set(best.id, (expected.get(best.id) ?? 0) + 1);
    }
    const got = new Map(answer.stretches.features.map((f) => [f.properties.piece_id, f.properties.count]));
    expect(got).toEqual(expected);
    expect(expected.size).toBeGreaterThan(100);
    // And no piece is credited more incidents than lie within 100 m of it.
    for (const stretch of answer.stretches.features.slice(0, 50)) {
      const near = selected.filter((incident) => metresTo((incident.geometry as Point).coordinates, stretch) <= 100).length;
      expect(stretch.properties.count).toBeLessThanOrEqual(near);
    }
  });

  it('ranks by incidents per km per year over pieces of at least 250 m, listing the carriers and routes that run along each', () => {
    const rates = answer.stretches.features.map((f) => f.properties.rate_per_km_year);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const cables = new Map(dataset.cable_routes.features.map((route) => [route.id, route]));
    for (const stretch of answer.stretches.features.slice(0, 20)) {
      expect(stretch.properties.length_m).toBeGreaterThanOrEqual(250);
      expect(stretch.properties.owners.length).toBeGreaterThan(0);
      for (const id of stretch.properties.route_ids) {
        // Sampled every 20 m by turf, the route runs within 100 m of the piece for at least min(250 m, half its length) (± a sample).
        const route = cables.get(id)!;
        const km = turf.length(route);
        const samples = Math.ceil((km * 1000) / 20);
        let within = 0;
        for (let k = 0; k <= samples; k++) if (metresTo(turf.along(route as Feature<LineString>, (km * k) / samples).geometry.coordinates, stretch) <= 100.5) within += (km * 1000) / samples;
        expect(within, `route ${id} on ${stretch.properties.piece_id}`).toBeGreaterThanOrEqual(Math.min(250, (km * 1000) / 2) - 45);
        expect(stretch.properties.owners).toContain(route.properties.owner);
      }
    }
  });
});
