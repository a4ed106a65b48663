import { describe, expect, it } from 'vitest';
import { insetsFromRects, NO_INSETS, safePadding } from './insets.ts';

const phone = { width: 390, height: 788 };

describe('insetsFromRects', () => {
  it('pushes a bottom sheet spanning the width to the bottom edge', () => {
    expect(insetsFromRects(phone, [{ left: 0, top: 600, right: 390, bottom: 788 }])).toEqual({ ...NO_INSETS, bottom: 188 });
  });

  it('pushes a desktop side panel to its side', () => {
    const desktop = { width: 1280, height: 740 };
    expect(insetsFromRects(desktop, [{ left: 12, top: 12, right: 392, bottom: 728 }, { left: 924, top: 12, right: 1224, bottom: 676 }]))
      .toEqual({ ...NO_INSETS, left: 392, right: 356 });
  });

  it('ignores a panel outside the map and clips one that sticks out', () => {
    expect(insetsFromRects(phone, [{ left: 0, top: 900, right: 390, bottom: 1000 }])).toEqual(NO_INSETS);
    expect(insetsFromRects(phone, [{ left: 0, top: 700, right: 500, bottom: 1000 }])).toEqual({ ...NO_INSETS, bottom: 88 });
  });

  it('keeps the larger of two panels on the same side', () => {
    expect(insetsFromRects(phone, [{ left: 0, top: 600, right: 390, bottom: 788 }, { left: 0, top: 300, right: 390, bottom: 788 }]).bottom).toBe(488);
  });
});

describe('safePadding', () => {
  it('adds the margin when the panels leave room', () => {
    expect(safePadding({ width: 1280, height: 740 }, { ...NO_INSETS, left: 392 })).toEqual({ top: 16, right: 16, bottom: 16, left: 408 });
  });

  it('never lets the padding reach the viewport, however large the panels (the 390 px blank page)', () => {
    // The old constant: 330 px left and 60 px right on a 390 px wide map.
    const padding = safePadding(phone, { ...NO_INSETS, left: 330, right: 60 }, 24);
    expect(padding.left + padding.right).toBeLessThanOrEqual(phone.width * 0.6);
    expect(padding.left).toBeGreaterThan(padding.right);
    const covered = safePadding(phone, { top: 0, right: 0, left: 0, bottom: 5000 });
    expect(covered.top + covered.bottom).toBeLessThanOrEqual(phone.height * 0.6);
  });

  it('answers finite, non-negative padding for a map of no size', () => {
    const padding = safePadding({ width: 0, height: 0 }, { top: 10, right: -5, bottom: Number.NaN, left: 3 });
    for (const value of Object.values(padding)) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
  });
});
