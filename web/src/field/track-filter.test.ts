import { describe, expect, it } from 'vitest';
import { filterFix, type FilterState, type Fix } from './track-filter.ts';

const start: FilterState = { last: null, pending: null };
/** A fix `metersNorth` north of a point in Kon Tum city, `seconds` after the first (1° latitude ≈ 111,320 m). */
const fix = (metersNorth: number, seconds: number, accuracyMeters = 10): Fix => ({ lon: 108.0, lat: 14.35 + metersNorth / 111_320, accuracyMeters, at: 1_000_000 + seconds * 1000 });

function run(fixes: Fix[]) {
  let state = start;
  const kept: Fix[] = [], reasons: (string | null)[] = [];
  for (const next of fixes) {
    const answer = filterFix(state, next);
    state = answer.state;
    kept.push(...answer.accepted);
    reasons.push(answer.rejected);
  }
  return { kept, reasons };
}

describe('GPS track filter', () => {
  it('keeps a walk and a drive at road speeds', () => {
    const { kept } = run([fix(0, 0), fix(10, 10), fix(400, 20), fix(900, 30)]);
    expect(kept).toHaveLength(4);
  });

  it('drops fixes less accurate than 50 m, and fixes with no accuracy at all', () => {
    const { kept, reasons } = run([fix(0, 0), fix(20, 5, 120), fix(25, 6, Number.NaN), fix(30, 10)]);
    expect(kept.map((kept) => kept.at)).toEqual([fix(0, 0).at, fix(30, 10).at]);
    expect(reasons).toEqual([null, 'inaccurate', 'inaccurate', null]);
  });

  it('drops a lone jump of 5 km in 5 s and carries on from the last good fix', () => {
    const { kept, reasons } = run([fix(0, 0), fix(5000, 5), fix(20, 10)]);
    expect(kept.map((kept) => kept.at)).toEqual([fix(0, 0).at, fix(20, 10).at]);
    expect(reasons[1]).toBe('jump');
  });

  it('accepts a far position when the next fix agrees with it (the phone really moved)', () => {
    const { kept } = run([fix(0, 0), fix(5000, 5), fix(5010, 6)]);
    expect(kept.map((kept) => kept.at)).toEqual([fix(0, 0).at, fix(5000, 5).at, fix(5010, 6).at]);
  });
});
