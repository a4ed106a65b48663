import { describe, expect, it } from 'vitest';
import { padBbox } from './viewport.ts';

describe('padBbox', () => {
  it('pads by a quarter on each side and snaps outwards to the grid', () => {
    expect(padBbox([108, 14, 108.4, 14.4])).toEqual([107.9, 13.9, 108.5, 14.5]);
  });

  it('clamps to the world', () => {
    expect(padBbox([-180, -90, 180, 90])).toEqual([-180, -90, 180, 90]);
  });
});
