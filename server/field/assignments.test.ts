import { describe, expect, it } from 'vitest';
import type { SavedPlan } from '../storage/patrol-plans.ts';
import { assignmentsOn } from './assignments.ts';

const route = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[108, 14.3], [108.01, 14.31]] } } as const;
const shift = (date: string, unitName: string, shiftNumber = 1) => ({
  unitId: unitName, unitName, baseName: 'Công an TP Kon Tum', date, shift: shiftNumber, route, minutes: 120, distanceMeters: 9000,
  stops: [{ order: 1, targetId: 't1', targetName: 'Tổng đài Kon Tum', kind: 'periodic', arrival: '2026-12-01T07:45:00+07:00', dwellMinutes: 15, lon: 108.0, lat: 14.35 }],
});
const plan = (status: SavedPlan['status'], shifts: object[], id = 'p1'): SavedPlan => ({
  id, name: 'Tuần tra tháng 12', status, createdAt: '', updatedAt: '', startDate: '2026-12-01', endDate: '2026-12-03', body: { shifts },
});

describe('today\'s assignments', () => {
  it('lists the shifts of approved plans on that day, with each stop\'s window from arrival to arrival plus dwell', () => {
    const [assignment, ...rest] = assignmentsOn([plan('approved', [shift('2026-12-01', 'Tổ 1'), shift('2026-12-02', 'Tổ 1')])], '2026-12-01');
    expect(rest).toEqual([]);
    expect(assignment).toMatchObject({ planId: 'p1', date: '2026-12-01', unitName: 'Tổ 1', shift: 1 });
    expect(assignment.stops[0]).toMatchObject({ windowStart: '2026-12-01T07:45:00+07:00', windowEnd: '2026-12-01T08:00:00+07:00', dwellMinutes: 15 });
  });

  it('assigns nobody from draft or archived plans, or outside a plan\'s dates', () => {
    expect(assignmentsOn([plan('draft', [shift('2026-12-01', 'Tổ 1')]), plan('archived', [shift('2026-12-01', 'Tổ 2')], 'p2')], '2026-12-01')).toEqual([]);
    expect(assignmentsOn([plan('approved', [shift('2026-12-01', 'Tổ 1')])], '2026-12-04')).toEqual([]);
  });

  it('carries a window across midnight into the next day', () => {
    const late = { ...shift('2026-12-01', 'Tổ 3', 3), stops: [{ ...shift('2026-12-01', 'Tổ 3').stops[0], arrival: '2026-12-01T23:50:00+07:00', dwellMinutes: 15 }] };
    expect(assignmentsOn([plan('approved', [late])], '2026-12-01')[0].stops[0].windowEnd).toBe('2026-12-02T00:05:00+07:00');
  });
});
