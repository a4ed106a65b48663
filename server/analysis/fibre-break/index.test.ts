import { destination, distance, lineString, multiLineString } from '@turf/turf';
import type { Feature, LineString, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureCases, fixtureOutput } from '../spatial-index/fixtures.ts';
import { fibreBreak, type FibreBreakOptions, type FibreBreakPointProps, type FibreBreakSegmentProps } from './index.ts';

const here = import.meta.dirname;
const metres = { units: 'meters' } as const;
// The hand-worked route: 3,000 m due north from 108° E 14.3° N to a corner manhole, then 4,000 m due east.
const start: Position = [108.0, 14.3];
const corner = destination(start, 3000, 0, metres).geometry.coordinates;
const end = destination(corner, 4000, 90, metres).geometry.coordinates;
const route = lineString([start, corner, end], { name: 'Tuyến thử' });
// Coils: 20 m at a splice closure at 1,000 m, 30 m in the corner manhole at 3,000 m, 15 m on a pole at 5,500 m.
const slackPoints = [{ positionMeters: 3000, slackMeters: 30 }, { positionMeters: 1000, slackMeters: 20 }, { positionMeters: 5500, slackMeters: 15 }];
const eastOfCorner = (meters: number) => destination(corner, meters, 90, metres).geometry.coordinates;

function located(options: FibreBreakOptions, line: Feature<LineString> = route) {
  const [point, segment] = fibreBreak(line, options).features as [Feature<Point, FibreBreakPointProps>, Feature<LineString, FibreBreakSegmentProps>];
  return { point, segment };
}
const metresApart = (a: Position, b: Position) => distance(a, b, metres);

describe('fibreBreak', () => {
  it.each(fixtureCases(here))('matches fixtures/out/$name', ({ name, input }) => {
    const result = fibreBreak(input.features[0] as Feature<LineString>, input.properties as FibreBreakOptions);
    const { expected, actual } = fixtureOutput(here, name, result);
    expect(actual).toEqual(expected);
  });

  it('places a break read from the start as worked by hand: 5,000 m of glass lie 1,900.99 m east of the corner', () => {
    // glass to the first coil 1,000 × 1.01 = 1,010, +20 coil = 1,030; to the corner +2,000 × 1.01 = 3,050, +30 = 3,080;
    // the third coil would be reached at 3,080 + 2,500 × 1.01 = 5,605 > 5,000, so the break is 1,920 / 1.01 past the corner.
    const { point } = located({ opticalDistanceMeters: 5000, slackPoints, twistFactor: 1.01 });
    expect(point.properties.routeMeters).toBeCloseTo(3000 + 1920 / 1.01, 6);
    expect(point.properties).toMatchObject({ slackPassedMeters: 50, slackPointsPassed: 2, inSlackPoint: null });
    expect(metresApart(point.geometry.coordinates, eastOfCorner(1920 / 1.01))).toBeLessThan(0.01);
  });

  it('walks from the far end when the exchange is there: 2,000 m of glass lie 1,965.35 m from the end', () => {
    // from the end the 15 m coil is at 1,500 m: 1,515 + 15 = 1,530; the corner coil at 4,000 m is beyond 2,000 m of glass.
    const { point } = located({ opticalDistanceMeters: 2000, from: 'end', slackPoints, twistFactor: 1.01 });
    expect(point.properties.fromEndMeters).toBeCloseTo(1500 + 470 / 1.01, 6);
    expect(point.properties.routeMeters).toBeCloseTo(7000 - 1500 - 470 / 1.01, 3);
    expect(metresApart(point.geometry.coordinates, eastOfCorner(4000 - 1500 - 470 / 1.01))).toBeLessThan(0.01);
  });

  it('puts a break that ends inside a coil at the coil', () => {
    const { point } = located({ opticalDistanceMeters: 1020, slackPoints, twistFactor: 1.01 });
    expect(point.properties.inSlackPoint).toBe(1);
    expect(point.properties.routeMeters).toBeCloseTo(1000, 6);
    expect(point.properties.slackPassedMeters).toBeCloseTo(10, 6);
  });

  it('gives the search segment of ± the tolerance in glass, by default 20 m + 2 % of the reading', () => {
    // 5,000 ± 120 m of glass: 4,880 → 3,000 + 1,800 / 1.01; 5,120 → 3,000 + 2,040 / 1.01 (still before the third coil).
    const { point, segment } = located({ opticalDistanceMeters: 5000, slackPoints, twistFactor: 1.01 });
    expect(point.properties.toleranceMeters).toBe(120);
    expect(segment.properties.startMeters).toBeCloseTo(3000 + 1800 / 1.01, 6);
    expect(segment.properties.endMeters).toBeCloseTo(3000 + 2040 / 1.01, 6);
    expect(metresApart(segment.geometry.coordinates[0], eastOfCorner(1800 / 1.01))).toBeLessThan(0.01);
    expect(metresApart(segment.geometry.coordinates.at(-1)!, eastOfCorner(2040 / 1.01))).toBeLessThan(0.01);
  });

  it('narrows the segment where a coil swallows part of the window, since the whole coil sits in one place', () => {
    const { segment } = located({ opticalDistanceMeters: 3065, slackPoints, twistFactor: 1, toleranceMeters: 40 });
    // 3,025–3,105 m of glass: the corner coil takes 3,020–3,050, so the window runs from 3,000 − 0 to 3,000 + 55 m of route.
    expect(segment.properties.startMeters).toBeCloseTo(3000, 6);
    expect(segment.properties.endMeters).toBeCloseTo(3055, 6);
  });

  it('turns a segment around the corner into a line through the corner', () => {
    const { segment } = located({ opticalDistanceMeters: 3080, twistFactor: 1, toleranceMeters: 100 });
    expect(segment.geometry.coordinates).toHaveLength(3);
    expect(metresApart(segment.geometry.coordinates[1], corner)).toBeLessThan(0.01);
  });

  it('with no coils and no twist, the break is at the optical distance', () => {
    expect(located({ opticalDistanceMeters: 4200 }).point.properties.routeMeters).toBeCloseTo(4200, 6);
  });

  it('reads a one-part MultiLineString like its line', () => {
    const multi = multiLineString([route.geometry.coordinates]);
    expect(located({ opticalDistanceMeters: 5000, slackPoints, twistFactor: 1.01 }, multi as never).point.geometry).toEqual(located({ opticalDistanceMeters: 5000, slackPoints, twistFactor: 1.01 }).point.geometry);
  });

  it('crosses the antimeridian', () => {
    const line = lineString([[179.99, 10], [180.01, 10]]);
    const { point } = located({ opticalDistanceMeters: distance([179.99, 10], [180, 10], metres) }, line);
    expect(point.geometry.coordinates[0]).toBeCloseTo(180, 6);
  });

  it('refuses a reading beyond the glass of the whole route, naming the distance', () => {
    // glass length 7,000 × 1.01 + 65 = 7,135 m; 7,400 m is beyond it and its 168 m tolerance; 7,200 m is the far end.
    expect(() => fibreBreak(route, { opticalDistanceMeters: 7400, slackPoints, twistFactor: 1.01 })).toThrow(/^opticalDistanceMeters .*7135/);
    expect(located({ opticalDistanceMeters: 7200, slackPoints, twistFactor: 1.01 }).point.properties.routeMeters).toBeCloseTo(7000, 3);
  });

  it('refuses bad options, naming the option first', () => {
    expect(() => fibreBreak(route, { opticalDistanceMeters: -1 })).toThrow(/^opticalDistanceMeters/);
    expect(() => fibreBreak(route, { opticalDistanceMeters: 1, twistFactor: 0.9 })).toThrow(/^twistFactor/);
    expect(() => fibreBreak(route, { opticalDistanceMeters: 1, slackPoints: [{ positionMeters: 9000, slackMeters: 1 }] })).toThrow(/^slackPoints\[0\]/);
    expect(() => fibreBreak(multiLineString([[start, corner], [corner, end]]) as never, { opticalDistanceMeters: 1 })).toThrow(/^route/);
  });

  it('does not mutate its inputs', () => {
    const before = structuredClone([route, slackPoints]);
    fibreBreak(route, { opticalDistanceMeters: 5000, slackPoints, twistFactor: 1.01 });
    expect([route, slackPoints]).toEqual(before);
  });
});
