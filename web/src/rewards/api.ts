import { getJson, sendJson } from '../api/client.ts';

export type Reward = {
  id: number; hotlineReportId: number; trackingCode: string; incidentId: number; status: 'proposed' | 'approved' | 'refused';
  proposal: string; proposedBy: string; proposedAt: string;
  amountVnd: number | null; decisionNumber: string | null; refusalReason: string | null; decidedBy: string | null; decidedAt: string | null;
  incident: { id: number; type: string; status: string; occurredAt: string } | null;
};
export type RewardDecisionBody = { decision: 'approve'; amountVnd: number; decisionNumber: string } | { decision: 'refuse'; reason: string };

export const rewardKeys = { all: ['rewards'] as const, ofReport: (reportId: number) => ['rewards', 'report', reportId] as const, waiting: ['rewards', 'proposed'] as const };

export const fetchReportReward = (reportId: number, signal?: AbortSignal) =>
  getJson<{ rewards: Reward[] }>(`/api/rewards?hotlineReportId=${reportId}`, signal).then((answer) => answer.rewards[0] ?? null);
export const fetchWaitingRewards = (signal?: AbortSignal) => getJson<{ numberMatched: number; rewards: Reward[] }>('/api/rewards?status=proposed&limit=100', signal);
export const proposeReward = (hotlineReportId: number, proposal: string) => sendJson<Reward>('POST', '/api/rewards', { hotlineReportId, proposal });
export const decideReward = (id: number, body: RewardDecisionBody) => sendJson<Reward>('POST', `/api/rewards/${id}/decision`, body);
