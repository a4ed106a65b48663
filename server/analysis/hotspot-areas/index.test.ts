import { area, featureCollection, polygon } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureCases, fixtureOutput } from '../spatial-index/fixtures.ts';
import { hotspotAreas, type HotCellProps } from './index.ts';

const here = import.meta.dirname;
const square = (x: number, y: number, props: HotCellProps) =>
  polygon([[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]], props);
const hexCells = () => fixtureCases(here)[0].input as FeatureCollection<Polygon, HotCellProps>;

describe('hotspotAreas', () => {
  it.each(fixtureCases(here))('matches fixtures/out/$name', ({ name, input }) => {
    const result = hotspotAreas(input as FeatureCollection<Polygon, HotCellProps>, input.properties ?? {});
    const { expected, actual } = fixtureOutput(here, name, result);
    expect(actual).toEqual(expected);
  });

  it('finds the three hand-made hex areas with their counts', () => {
    const result = hotspotAreas(hexCells());
    expect(result.features.map(({ properties: p }) => [p.area_id, p.cell_count, p.incident_count, p.max_class])).toEqual([
      [1, 7, 34, 3],
      [2, 2, 11, 2],
      [3, 1, 4, 2],
    ]);
    expect(result.features[0].properties.cell_ids).toEqual([6, 7, 11, 12, 13, 17, 18]);
  });

  it('dissolves touching hexes into one polygon with the cells’ total area', () => {
    const cells = hexCells();
    const [first] = hotspotAreas(cells).features;
    expect(first.geometry.type).toBe('Polygon');
    expect(first.geometry.coordinates).toHaveLength(1);
    const cellArea = first.properties.cell_ids.reduce<number>((sum, id) => sum + area(cells.features[Number(id)]), 0);
    expect(area(first) / cellArea).toBeCloseTo(1, 6);
  });

  it('lowers the threshold with minClass, taking in the class-1 cell next to B', () => {
    const areas = hotspotAreas(hexCells(), { minClass: 1 }).features;
    expect(areas.find((a) => a.properties.cell_ids.includes(4))?.properties.cell_ids).toContain(10);
  });

  it('joins cells that share only a corner', () => {
    const cells = featureCollection([square(108, 14, { cell_id: 'a', gi_class: 2, count: 1 }), square(108.01, 14.01, { cell_id: 'b', gi_class: 3, count: 2 })]);
    const [only, ...rest] = hotspotAreas(cells).features;
    expect(rest).toEqual([]);
    expect(only.properties).toMatchObject({ cell_count: 2, incident_count: 3, max_class: 3, cell_ids: ['a', 'b'] });
    expect(only.geometry.type).toBe('MultiPolygon');
  });

  it('returns an empty collection for empty input', () => {
    expect(hotspotAreas(featureCollection([]))).toEqual(featureCollection([]));
  });

  it('returns a single hot cell as its own area', () => {
    const cell = square(108, 14, { cell_id: 1, gi_class: 2, count: 5 });
    const [only] = hotspotAreas(featureCollection([cell])).features;
    expect(only.geometry).toEqual(cell.geometry);
    expect(only.properties).toMatchObject({ area_id: 1, cell_count: 1, incident_count: 5 });
  });

  it('leaves out cold and not-significant cells', () => {
    expect(hotspotAreas(featureCollection([square(108, 14, { cell_id: 1, gi_class: -3, count: 0 })])).features).toEqual([]);
  });

  it('does not mutate its input', () => {
    const cells = hexCells();
    const before = structuredClone(cells);
    const result = hotspotAreas(cells);
    result.features[2].geometry.coordinates[0][0][0] = 0;
    expect(cells).toEqual(before);
  });

  it('throws on a non-finite minClass, naming it first', () => {
    expect(() => hotspotAreas(featureCollection([]), { minClass: Number.NaN })).toThrow(/^minClass must be a finite number/);
  });
});
