import type { Role } from '../auth/principal.ts';

export const REVIEW_ACTIONS = ['approve', 'reject', 'return', 'resubmit', 'revoke'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

type Step = { from: readonly string[]; roles: readonly Role[] };

/**
 * Who moves a zone from which state (issue 4): police propose and resubmit after changes; the DIC approves,
 * rejects, returns for changes and revokes; admins may act for either. Approval leads to `designated` once the
 * effective date has come (`approved` until then).
 */
export const STEPS: Record<ReviewAction, Step> = {
  approve: { from: ['proposed'], roles: ['dic_reviewer', 'admin'] },
  reject: { from: ['proposed'], roles: ['dic_reviewer', 'admin'] },
  return: { from: ['proposed'], roles: ['dic_reviewer', 'admin'] },
  resubmit: { from: ['returned'], roles: ['police_planner', 'admin'] },
  revoke: { from: ['designated', 'approved'], roles: ['dic_reviewer', 'admin'] },
};

/** The state after `action`; approval depends on the effective date (YYYY-MM-DD) against today. */
export function nextState(action: ReviewAction, effectiveDate: string | null, today: string): string {
  if (action === 'approve') return effectiveDate !== null && effectiveDate > today ? 'approved' : 'designated';
  return { reject: 'rejected', return: 'returned', resubmit: 'proposed', revoke: 'revoked' }[action];
}

/** Actions the lifecycle allows from `state`, whoever asks. */
export const actionsFrom = (state: string): ReviewAction[] => REVIEW_ACTIONS.filter((action) => STEPS[action].from.includes(state));
