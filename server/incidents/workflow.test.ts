import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.ts';
import { allowedTargets, permittedTargets } from './workflow.ts';

const user = (role: 'police_planner' | 'carrier_editor' | 'dic_reviewer'): Principal => ({
  kind: 'user', via: 'token', userId: 1, username: role, displayName: role, role, organisationId: 1, organisationName: 'x', carrier: role === 'carrier_editor' ? 'vnpt' : null,
});

describe('incident lifecycle', () => {
  it('moves forward one step at a time, with side exits from open states only', () => {
    expect(allowedTargets('reported')).toEqual(['verified', 'false_alarm', 'duplicate']);
    expect(allowedTargets('investigating')).toContain('resolved');
    expect(allowedTargets('reported')).not.toContain('resolved');
    expect(allowedTargets('resolved')).toEqual([]);
    expect(allowedTargets('nonsense')).toEqual([]);
  });

  it('lets police drive it, carriers only call a false alarm early, and the DIC only watch', () => {
    expect(permittedTargets(user('police_planner'), 'verified')).toEqual(['investigating', 'false_alarm', 'duplicate']);
    expect(permittedTargets(user('carrier_editor'), 'reported')).toEqual(['false_alarm']);
    expect(permittedTargets(user('carrier_editor'), 'investigating')).toEqual([]);
    expect(permittedTargets(user('dic_reviewer'), 'reported')).toEqual([]);
  });
});
