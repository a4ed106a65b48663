import { describe, expect, it } from 'vitest';
import { defaultIncidentRange, padBbox, vietnamToday } from './viewport.ts';

describe('padBbox', () => {
  it('pads by a quarter on each side and snaps outwards to the grid', () => {
    expect(padBbox([108, 14, 108.4, 14.4])).toEqual([107.9, 13.9, 108.5, 14.5]);
  });

  it('clamps to the world', () => {
    expect(padBbox([-180, -90, 180, 90])).toEqual([-180, -90, 180, 90]);
  });
});

describe('default periods end today', () => {
  it('the incident window is the year up to and including today', () => {
    expect(defaultIncidentRange(new Date('2026-12-01T09:00:00Z'))).toEqual({ start: '2025-12-02', end: '2026-12-01' });
  });

  it('today is Vietnam’s calendar day: 20:00 UTC is already the next day in Kon Tum', () => {
    expect(vietnamToday(new Date('2026-11-30T20:00:00Z'))).toBe('2026-12-01');
    expect(defaultIncidentRange(new Date('2024-02-29T03:00:00Z')).end).toBe('2024-02-29');
  });
});
