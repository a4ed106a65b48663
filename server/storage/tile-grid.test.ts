import { describe, expect, it } from 'vitest';
import { tileBounds, tileOfPosition } from '../geometry/web-mercator.ts';
import { cellOf, monthOf, monthStart, splitByMonths } from './tile-grid.ts';

const ms = (iso: string) => Date.parse(iso);

describe('tile grid', () => {
  it('places a position in the tile and the cell of the 16 × 16 grid that hold it', () => {
    // Kon Tum city (108.0°E, 14.35°N) lies in tile 6/51/29; at zoom 10 it is 819/470 (worked by hand: y = (1 − ln(tan φ + sec φ)/π)/2 · 1024 = 470.75), the cell its column and row mod 16.
    expect(tileOfPosition(108, 14.35, 6)).toEqual([51, 29]);
    expect(tileOfPosition(108, 14.35, 10)).toEqual([819, 470]);
    expect(cellOf(108, 14.35, 6)).toEqual({ x: 51, y: 29, cell: (470 % 16) * 16 + (819 % 16) });
    const [w, s, e, n] = tileBounds(10, 819, 470);
    expect(w <= 108 && 108 < e && s < 14.35 && 14.35 <= n).toBe(true);
  });

  it('clamps positions beyond Web Mercator to the edge tiles', () => {
    expect(tileOfPosition(180, 89, 3)).toEqual([7, 0]);
    expect(tileOfPosition(-180, -89, 3)).toEqual([0, 7]);
  });

  it('counts months from January 1970 in UTC, before 1970 too', () => {
    expect(monthOf(ms('1970-01-31T23:59:59.999Z'))).toBe(0);
    expect(monthOf(ms('2026-11-29T00:00:00Z'))).toBe(56 * 12 + 10);
    expect(monthOf(ms('1969-12-15T00:00:00Z'))).toBe(-1);
    expect(monthStart(-1)).toBe(ms('1969-12-01T00:00:00Z'));
    expect(monthStart(56 * 12 + 10)).toBe(ms('2026-11-01T00:00:00Z'));
  });

  it('splits a range into whole months and the pieces left at either end', () => {
    const m = (iso: string) => monthOf(ms(iso));
    // Whole days from the first to the last day of months: months only (the map's default period).
    expect(splitByMonths({ startMs: ms('2025-11-01T00:00:00Z'), endMs: ms('2026-10-31T23:59:59.999Z') })).toEqual({ months: [m('2025-11-01'), m('2026-10-01')], pieces: [] });
    // Ragged ends: the whole months between, and the two pieces.
    expect(splitByMonths({ startMs: ms('2025-11-15T00:00:00Z'), endMs: ms('2026-02-10T12:00:00Z') })).toEqual({
      months: [m('2025-12-01'), m('2026-01-01')],
      pieces: [{ startMs: ms('2025-11-15T00:00:00Z'), endMs: ms('2025-12-01T00:00:00Z') - 1 }, { startMs: ms('2026-02-01T00:00:00Z'), endMs: ms('2026-02-10T12:00:00Z') }],
    });
    // An end one second short of the month's last millisecond leaves that month to the points.
    expect(splitByMonths({ startMs: ms('2026-01-01T00:00:00Z'), endMs: ms('2026-01-31T23:59:59Z') }).months).toBeNull();
    // Open ends are whole.
    expect(splitByMonths(undefined)).toEqual({ months: [-Infinity, Infinity], pieces: [] });
    expect(splitByMonths({ startMs: null, endMs: ms('2026-03-05T00:00:00Z') })).toEqual({
      months: [-Infinity, m('2026-02-01')], pieces: [{ startMs: ms('2026-03-01T00:00:00Z'), endMs: ms('2026-03-05T00:00:00Z') }],
    });
  });
});
