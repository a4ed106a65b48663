import { describe, expect, it } from 'vitest';
import { nextSnap, settleSnap, snapHeights } from './snap.ts';

const heights = snapHeights(788);

describe('sheet snaps', () => {
  it('peeks at a fixed height, opens to half and nearly all of the map', () => {
    expect(heights).toEqual({ peek: 112, half: 394, full: 780 });
  });

  it('never makes a snap taller than the map, even on a very low screen', () => {
    const low = snapHeights(100);
    expect(Math.max(low.peek, low.half, low.full)).toBeLessThanOrEqual(112);
    expect(low.peek).toBeLessThanOrEqual(low.half);
  });

  it('settles a slow release at the nearest snap', () => {
    expect(settleSnap(heights, 300, 0)).toBe('half');
    expect(settleSnap(heights, 150, 0.1)).toBe('peek');
    expect(settleSnap(heights, 700, -0.2)).toBe('full');
  });

  it('carries a quick flick on to the next snap in its direction', () => {
    expect(settleSnap(heights, 130, 1.2)).toBe('half');
    expect(settleSnap(heights, 420, 1.2)).toBe('full');
    expect(settleSnap(heights, 760, -1.5)).toBe('half');
    expect(settleSnap(heights, 380, -1.5)).toBe('peek');
  });

  it('cycles on a tap of the handle', () => {
    expect([nextSnap('peek'), nextSnap('half'), nextSnap('full')]).toEqual(['half', 'full', 'peek']);
  });
});
