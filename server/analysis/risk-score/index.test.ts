import { distance, featureCollection, point, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureCases, fixtureOutput, type FixtureCase } from '../spatial-index/fixtures.ts';
import { rankHotspots, type RankOptions, type RiskContext } from './index.ts';

const here = import.meta.dirname;
const now = new Date('2026-01-01T00:00:00Z');
const empty = featureCollection([]);
const emptyContext = { incidents: empty, keyTargets: empty, cables: empty, sites: empty, scrapDealers: empty } as RiskContext;
const square = polygon([[[108, 14.3], [108.02, 14.3], [108.02, 14.32], [108, 14.32], [108, 14.3]]], { name: 'A' });

/** Splits the fixture's single collection into areas and context layers by `properties.layer`. */
function scenario(input: FixtureCase['input']) {
  const layer = <G extends Geometry>(name: string): FeatureCollection<G> =>
    featureCollection(input.features.filter((f) => f.properties?.layer === name) as Feature<G>[]);
  const areas = layer<Polygon | MultiPolygon>('area');
  const context = {
    incidents: layer('incident'), keyTargets: layer('key_target'), cables: layer('cable'), sites: layer('site'), scrapDealers: layer('scrap_dealer'),
  } as RiskContext;
  const props = input.properties as Record<string, unknown>;
  return { areas, context, options: { ...props, now: new Date(String(props.now)) } as RankOptions };
}
const threeAreas = () => scenario(fixtureCases(here)[0].input);
const contributions = (f: { properties: { factors: { contribution: number }[] } }) => f.properties.factors.map((x) => x.contribution);

describe('rankHotspots', () => {
  it.each(fixtureCases(here))('matches fixtures/out/$name', ({ name, input }) => {
    const { areas, context, options } = scenario(input);
    const { expected, actual } = fixtureOutput(here, name, rankHotspots(areas, context, options));
    expect(actual).toEqual(expected);
  });

  it('ranks the three hand-made areas A > B > C with the known contributions', () => {
    const { areas, context, options } = threeAreas();
    const ranked = rankHotspots(areas, context, options).features;
    expect(ranked.map((f) => [f.properties.name, f.properties.rank])).toEqual([['A', 1], ['B', 2], ['C', 3]]);
    const backboneKmB = distance([108.11, 14.3], [108.11, 14.32], { units: 'kilometers' });
    const exposureMax = backboneKmB + 1; // B: backbone km + one active site beats A's one key target (3 points)
    const round2 = (x: number) => Math.round(x * 100) / 100;
    // Intensity: A 1 + 1 + 0.5 (one half-life old) = 2.5, B 1. Severity: A (4 + 4 + 3) / 3, B 5.
    expect(contributions(ranked[0])).toEqual([40, round2((20 * 11) / 3 / 5), round2((25 * 3) / exposureMax), 15]);
    expect(contributions(ranked[1])).toEqual([16, 20, 25, 0]);
    expect(contributions(ranked[2])).toEqual([0, 0, 0, 15]);
    expect(ranked[1].properties.factors[2].value).toBeCloseTo(exposureMax, 9);
  });

  it('makes each score the sum of its contributions', () => {
    const { areas, context, options } = threeAreas();
    for (const f of rankHotspots(areas, context, options).features) {
      expect(f.properties.score).toBeCloseTo(contributions(f).reduce((a, b) => a + b, 0), 9);
    }
  });

  it('explains factors in Vietnamese and English with the raw numbers', () => {
    const { areas, context, options } = threeAreas();
    const [a, b] = rankHotspots(areas, context, options).features;
    expect(a.properties.factors[0].explanation_vi).toBe('3 vụ (3 vụ trong 6 tháng gần nhất); cường độ có trọng số thời gian 2,5 (chu kỳ bán rã 180 ngày)');
    expect(a.properties.factors[0].explanation_en).toBe('3 incidents (3 in the last 6 months); time-weighted intensity 2.5 (half-life 180 days)');
    expect(b.properties.factors[2].explanation_vi).toBe('0 mục tiêu trọng điểm, 2,2 km cáp trục, 1 trạm BTS trong khu vực');
    expect(a.properties.factors[3].explanation_en).toBe('1 scrap dealer within 3 km');
  });

  it('weighs a future-dated incident like one from today', () => {
    const incidents = featureCollection([point([108.01, 14.31], { type: 'other', status: 'reported', occurred_at: '2026-02-01T00:00:00Z' })]);
    const [only] = rankHotspots(featureCollection([square]), { ...emptyContext, incidents }, { now }).features;
    expect(only.properties.factors[0].value).toBe(1);
  });

  it('returns an empty collection for no areas', () => {
    expect(rankHotspots(featureCollection([]), emptyContext, { now })).toEqual(featureCollection([]));
  });

  it('scores a single area with no context 0 on every factor', () => {
    const [only] = rankHotspots(featureCollection([square]), emptyContext, { now }).features;
    expect(only.properties).toMatchObject({ rank: 1, score: 0, name: 'A' });
    expect(only.properties.factors.map((f) => f.factor)).toEqual(['intensity', 'severity', 'exposure', 'scrap_dealers']);
  });

  it('does not mutate its inputs', () => {
    const { areas, context, options } = threeAreas();
    const before = structuredClone({ areas, context });
    rankHotspots(areas, context, options);
    expect({ areas, context }).toEqual(before);
  });

  it('throws on a missing now, naming it first', () => {
    expect(() => rankHotspots(featureCollection([]), emptyContext, {} as RankOptions)).toThrow(/^now must be a valid Date/);
  });

  it('throws on a non-positive halfLifeDays, naming it first', () => {
    expect(() => rankHotspots(featureCollection([]), emptyContext, { now, halfLifeDays: 0 })).toThrow(/^halfLifeDays must be positive/);
  });

  it('throws on all-zero weights, naming them first', () => {
    const weights = { intensity: 0, severity: 0, exposure: 0, scrap_dealers: 0 };
    expect(() => rankHotspots(featureCollection([]), emptyContext, { now, weights })).toThrow(/^weights must be non-negative/);
  });
});
