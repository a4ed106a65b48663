import type { MsRange } from './report-queries.ts';

export const REWARD_STATUSES = ['proposed', 'approved', 'refused'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

/**
 * A reward (khen thưởng) for the citizen whose hotline report led to a confirmed case (issue 18 §2): proposed by the
 * police, decided by the department — approved with an amount and a decision number, or refused with a reason.
 */
export type Reward = {
  id: number; hotlineReportId: number; trackingCode: string; incidentId: number; status: RewardStatus;
  proposal: string; proposedBy: string; proposedAt: string;
  amountVnd: number | null; decisionNumber: string | null; refusalReason: string | null; decidedBy: string | null; decidedAt: string | null;
};
export type NewReward = Pick<Reward, 'hotlineReportId' | 'incidentId' | 'proposal' | 'proposedBy' | 'proposedAt'>;
export type RewardDecision =
  | { status: 'approved'; amountVnd: number; decisionNumber: string; decidedBy: string; decidedAt: string }
  | { status: 'refused'; refusalReason: string; decidedBy: string; decidedAt: string };

/** Rewards of a period for the six-monthly report: proposed in it, approved in it, and the amount approved in it. */
export type RewardCounts = { proposed: number; approved: number; refused: number; amountVnd: number };

export interface RewardStore {
  /** Stores a proposal; Conflict when the report already has a reward (one per report). */
  propose(reward: NewReward): Promise<Reward>;
  get(id: number): Promise<Reward | undefined>;
  /** The reward of a hotline report, if any. */
  forReport(hotlineReportId: number): Promise<Reward | undefined>;
  /** Oldest proposal first (the department works through them in order), optionally of one status. */
  list(status: RewardStatus | null, limit: number, offset: number): Promise<{ rewards: Reward[]; numberMatched: number }>;
  /**
   * Decides a reward that is still `proposed`; false (and nothing written) when it is no longer proposed, so of two
   * concurrent decisions only one can win.
   */
  decide(id: number, decision: RewardDecision): Promise<boolean>;
  /** Proposals made and decisions taken within `range` (by proposed_at and decided_at). */
  periodCounts(range: MsRange): Promise<RewardCounts>;
}
