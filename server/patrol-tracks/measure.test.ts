import { describe, expect, it } from 'vitest';
import { measureTracks, type PlanForMeasure } from './measure.ts';

/** Two days, three stops: A and B on 1 December, C on 2 December; risks 3, 1 and 1 (total 5). */
const plan: PlanForMeasure = {
  targets: [{ id: 'A', risk: 3 }, { id: 'B', risk: 1 }, { id: 'C', risk: 1 }],
  shifts: [
    { date: '2026-12-01', shift: 1, unitName: 'Tổ 1', stops: [{ order: 1, targetId: 'A', targetName: 'A', lon: 108.0, lat: 14.3 }, { order: 2, targetId: 'B', targetName: 'B', lon: 108.05, lat: 14.3 }] },
    { date: '2026-12-02', shift: 1, unitName: 'Tổ 1', stops: [{ order: 1, targetId: 'C', targetName: 'C', lon: 108.1, lat: 14.3 }] },
  ],
};

describe('measuring patrol tracks against their plan', () => {
  it('without times: a stop is visited when the track passes within 150 m (hand-worked: A and C yes, B no)', () => {
    const track = { coordinates: [[107.99, 14.3005], [108.02, 14.3005], [108.02, 14.31], [108.1, 14.31], [108.1, 14.301]], times: null };
    const result = measureTracks(plan, [track]);
    expect(result.visitedStops.map((stop) => (stop as { targetId: string }).targetId)).toEqual(['A', 'C']);
    expect(result.riskCovered).toBeCloseTo(4 / 5);
    expect(result.stopShare).toBeCloseTo(2 / 3);
  });

  it('with times: only a pass on the stop’s planned date counts (local time, UTC+7)', () => {
    const track = {
      coordinates: [[108.0, 14.3001], [108.1, 14.3001]],
      // 2026-12-01 18:00 UTC is 2 December in Vietnam: A is passed a day late, C on its day.
      times: ['2026-12-01T18:00:00Z', '2026-12-01T19:00:00Z'],
    };
    const result = measureTracks(plan, [track]);
    expect(result.visitedStops.map((stop) => (stop as { targetId: string }).targetId)).toEqual(['C']);
    expect(result.riskCovered).toBeCloseTo(1 / 5);
  });
});

describe('dwell-based coverage of tracks, with the plan’s model', () => {
  const timed: PlanForMeasure = { ...plan, parameters: { startDate: '2026-12-01', endDate: '2026-12-02', residualMinutes: 30 } };
  const at = (minute: number) => new Date(Date.parse('2026-12-01T07:00:00+07:00') + minute * 60_000).toISOString();

  it('counts 15 minutes at A as its dwell plus the decaying residual: (15 + 30) / 2 days of A, weighted 3 of 5', () => {
    // One point a minute for 15 minutes 20 m from A, then away.
    const coordinates = [...Array.from({ length: 16 }, () => [108.0002, 14.3]), [108.2, 14.5]];
    const times = [...Array.from({ length: 16 }, (_, k) => at(120 + k)), at(200)];
    const result = measureTracks(timed, [{ coordinates, times }]);
    const share = (15 + 30 * (1 - Math.exp(-(2880 - 135) / 30))) / 2880;
    expect(result.watched!.riskSharePerDay).toBeCloseTo((3 * share) / 5, 4);
  });

  it('does not bridge a gap of more than 10 minutes between points near a target', () => {
    const result = measureTracks(timed, [{ coordinates: [[108.0002, 14.3], [108.0002, 14.3]], times: [at(120), at(150)] }]);
    // Two moments of presence, each worth only the residual 30 minutes.
    expect(result.watched!.riskSharePerDay).toBeCloseTo((3 * (2 * 30)) / 2880 / 5, 3);
  });

  it('cannot measure dwell without times', () => {
    expect(measureTracks(timed, [{ coordinates: [[108.0, 14.3]], times: null }]).watched).toBeNull();
  });
});
