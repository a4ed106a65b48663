import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { intersects, intersectsBox, within, withinDistance } from './predicates.ts';

const line = (...coordinates: number[][]): Geometry => ({ type: 'LineString', coordinates });
const square = (x: number, y: number, size: number, hole?: number[][]): Geometry => ({
  type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]], ...(hole ? [hole] : [])],
});

describe('intersectsBox', () => {
  it('a diagonal line whose bounding box covers the box but which passes beside it does not meet it', () => expect(intersectsBox(line([0, 0], [10, 1]), [1, 5, 2, 6])).toBe(false));
  it('a line crossing the box without a vertex inside meets it', () => expect(intersectsBox(line([0, 0], [10, 10]), [4, 4, 5, 5])).toBe(true));
  it('a line touching the box edge meets it', () => expect(intersectsBox(line([0, 5], [4, 5]), [4, 4, 5, 6])).toBe(true));
  it('a box inside a polygon meets it', () => expect(intersectsBox(square(0, 0, 10), [4, 4, 5, 5])).toBe(true));
  it('a box inside a polygon’s hole does not', () => expect(intersectsBox(square(0, 0, 10, [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]]), [4, 4, 5, 5])).toBe(false));
  it('a point on the edge meets it', () => expect(intersectsBox({ type: 'Point', coordinates: [5, 4.5] }, [4, 4, 5, 5])).toBe(true));
});

describe('intersects', () => {
  it('two crossing lines', () => expect(intersects(line([0, 0], [2, 2]), line([0, 2], [2, 0]))).toBe(true));
  it('two parallel lines', () => expect(intersects(line([0, 0], [2, 0]), line([0, 1], [2, 1]))).toBe(false));
  it('a polygon inside another', () => expect(intersects(square(1, 1, 1), square(0, 0, 5))).toBe(true));
});

describe('within', () => {
  it('a line inside a square is within it', () => expect(within(line([1, 1], [2, 2]), square(0, 0, 5))).toBe(true));
  it('a line leaving a square is not', () => expect(within(line([1, 1], [6, 2]), square(0, 0, 5))).toBe(false));
  it('a chord across a concave notch is not within the polygon', () => {
    const notched: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [2, 1], [0, 4], [0, 0]]] };
    expect(within(line([0.5, 3], [3.5, 3]), notched)).toBe(false);
  });
});

describe('withinDistance', () => {
  it('a point 1.1 km north of a line is within 1.2 km, not 1 km', () => {
    const point: Geometry = { type: 'Point', coordinates: [108, 14.01] };
    expect(withinDistance(point, line([107.9, 14], [108.1, 14]), 1200)).toBe(true);
    expect(withinDistance(point, line([107.9, 14], [108.1, 14]), 1000)).toBe(false);
  });
});
