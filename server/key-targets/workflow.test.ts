import { describe, expect, it } from 'vitest';
import { actionsFrom, nextState, STEPS } from './workflow.ts';

describe('key-target review steps', () => {
  it('offers review actions on proposals, resubmission on returned zones and revocation on designated ones', () => {
    expect(actionsFrom('proposed')).toEqual(['approve', 'reject', 'return']);
    expect(actionsFrom('returned')).toEqual(['resubmit']);
    expect(actionsFrom('designated')).toEqual(['revoke']);
    expect(actionsFrom('rejected')).toEqual([]);
  });

  it('designates at once when the effective date has come, otherwise waits as approved', () => {
    expect(nextState('approve', '2026-11-28', '2026-11-28')).toBe('designated');
    expect(nextState('approve', null, '2026-11-28')).toBe('designated');
    expect(nextState('approve', '2027-01-01', '2026-11-28')).toBe('approved');
  });

  it('gives reviewing to the DIC and proposing to the police', () => {
    expect(STEPS.approve.roles).not.toContain('police_planner');
    expect(STEPS.resubmit.roles).not.toContain('dic_reviewer');
  });
});
