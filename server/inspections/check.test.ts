import { describe, expect, it } from 'vitest';
import type { PlanItemRecord } from '../storage/inspections.ts';
import { agencyFor, resultOf } from './check.ts';
import { planItemStatus } from './plan-status.ts';

const item = (agencies: PlanItemRecord['agencies'], recorded: PlanItemRecord['agencies'], date = '2026-11-15') => ({
  agencies, date, recorded: recorded.map((agency, index) => ({ inspectionId: index + 1, agency, date, result: 'compliant' as const })),
});

describe('an inspection’s result for the map', () => {
  it('is compliant with nothing found and nothing decided', () => expect(resultOf([], { kind: 'none' })).toBe('compliant'));
  it('is a warning when warned, or when anything short of serious was found', () => {
    expect(resultOf([], { kind: 'warning' })).toBe('warning');
    expect(resultOf([{ kind: 'no_purchase_register', severity: 'major' }], { kind: 'none' })).toBe('warning');
  });
  it('is a violation when sanctioned or when something serious was found, whatever was decided', () => {
    for (const kind of ['licence_suspension', 'referral_to_police'] as const) expect(resultOf([{ kind: 'other', severity: 'minor' }], { kind })).toBe('violation');
    expect(resultOf([{ kind: 'other', severity: 'minor' }], { kind: 'fine', amountVnd: 1, legalBasis: 'x' })).toBe('violation');
    expect(resultOf([{ kind: 'cable_of_unknown_origin', severity: 'serious' }], { kind: 'warning' })).toBe('violation');
  });
});

describe('the agency an inspection is recorded as', () => {
  it('is the one named, else the caller’s only one, else the only one of the caller’s the plan item names', () => {
    expect(agencyFor({ agency: 'customs' }, ['police'])).toBe('customs');
    expect(agencyFor({}, ['police'])).toBe('police');
    expect(agencyFor({}, ['dic', 'customs'])).toBeUndefined();
    const planned = { id: 1, planId: 1, target: { kind: 'site' as const, collection: 'bts_sites', id: 1, owner: null, name: null, area: null }, notes: null, ...item(['police', 'customs'], []) };
    expect(agencyFor({}, ['dic', 'customs'], planned)).toBe('customs');
  });
});

describe('a plan item’s status', () => {
  it('is done once every agency recorded, whatever the day', () => expect(planItemStatus(item(['police', 'dic'], ['dic', 'police']), '2027-01-01')).toEqual({ status: 'done', missing: [] }));
  it('is overdue from the day after its date while an agency has not recorded', () => {
    expect(planItemStatus(item(['police', 'dic'], ['dic']), '2026-11-16')).toEqual({ status: 'overdue', missing: ['police'] });
    expect(planItemStatus(item(['police', 'dic'], ['dic']), '2026-11-15').status).toBe('planned');
  });
});
