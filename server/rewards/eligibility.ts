/**
 * Incident states that mean the police confirmed the case (issue 4's lifecycle): `verified`, and the states only a
 * verified case goes on to. A report that is still `reported`, a false alarm or a duplicate helped nobody find a case.
 */
export const CONFIRMED_STATUSES = ['verified', 'investigating', 'resolved'] as const;

/** The most a single reward may be (1 billion VND): a bound on what one request can write, far above any real reward. */
export const MAX_REWARD_VND = 1_000_000_000;

/** Why a reward cannot be proposed on this report now, or null when it can (the caller answers 409 with it). */
export function proposalRefusal(report: { status: string; incidentId: number | null }, incidentStatus: string | null, hasReward: boolean): string | null {
  if (report.status !== 'converted' || report.incidentId === null) return `only a report converted into an incident can earn a reward; this one is ${report.status}`;
  if (hasReward) return 'this report already has a reward';
  if (incidentStatus === null) return `incident ${report.incidentId} no longer exists`;
  if (!(CONFIRMED_STATUSES as readonly string[]).includes(incidentStatus)) {
    return `incident ${report.incidentId} is ${incidentStatus}: a reward needs a confirmed case (${CONFIRMED_STATUSES.join(', ')})`;
  }
  return null;
}
