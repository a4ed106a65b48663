import { describe, expect, it } from 'vitest';
import type { PathCommand } from 'opentype.js';
import { flattenPath, signedDistanceField } from './sdf.ts';
import { encodeGlyphRange } from './glyph-pbf.ts';
import { PbfReader } from 'pbf';

/** A 10 × 10 px square with its top-left corner at (0, −10) in opentype's y-down coordinates. */
const SQUARE: PathCommand[] = [
  { type: 'M', x: 0, y: -10 }, { type: 'L', x: 10, y: -10 }, { type: 'L', x: 10, y: 0 }, { type: 'L', x: 0, y: 0 }, { type: 'Z' },
];
const OPTIONS = { left: 0, top: 10, width: 10, height: 10, bufferPx: 3, radiusPx: 8, cutoff: 0.25 };

describe('signedDistanceField', () => {
  it('flattens a closed square into four segments with y up', () => {
    expect(flattenPath(SQUARE)).toEqual([[0, 10, 10, 10], [10, 10, 10, 0], [10, 0, 0, 0], [0, 0, 0, 10]]);
  });

  it('is above the edge value (192) inside and below it outside', () => {
    const bitmap = signedDistanceField(flattenPath(SQUARE), OPTIONS);
    const columns = 16;
    expect(bitmap.length).toBe(16 * 16);
    expect(bitmap[8 * columns + 8]).toBeGreaterThan(192);
    expect(bitmap[0]).toBeLessThan(150);
  });

  it('encodes a range whose fontstack name and range read back', () => {
    const bytes = encodeGlyphRange('Noto Sans Regular', 0, 255, []);
    const stack = new PbfReader(bytes).readFields((tag, result: { name?: string; range?: string }, pbf) => {
      if (tag === 1) pbf.readMessage((inner, value: { name?: string; range?: string }, reader) => {
        if (inner === 1) value.name = reader.readString();
        if (inner === 2) value.range = reader.readString();
      }, result);
    }, {});
    expect(stack).toEqual({ name: 'Noto Sans Regular', range: '0-255' });
  });
});
