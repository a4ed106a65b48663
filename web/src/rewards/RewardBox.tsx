import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONFIRMED_STATUSES } from '../../../server/rewards/eligibility.ts';
import type { SessionUser } from '../auth/session.ts';
import { useErrorText } from '../i18n/errors.ts';
import { fetchReportReward, proposeReward, rewardKeys } from './api.ts';
import { RewardStatus } from './RewardStatus.tsx';
import { useRewardText } from './messages.ts';

/**
 * The reward of the hotline report a case came from (issue 18 §2), in the case page: its state, and for the police a
 * proposal form once the case is confirmed (verified or later).
 */
export function RewardBox({ reportId, incidentStatus, user }: { reportId: number; incidentStatus: string; user: SessionUser }) {
  const w = useRewardText();
  const errorText = useErrorText();
  const client = useQueryClient();
  const police = user.role === 'admin' || user.role === 'police_planner';
  const reward = useQuery({ queryKey: rewardKeys.ofReport(reportId), queryFn: ({ signal }) => fetchReportReward(reportId, signal) });
  const [proposal, setProposal] = useState('');
  const propose = useMutation({
    mutationFn: () => proposeReward(reportId, proposal.trim()),
    onSuccess: () => {
      setProposal('');
      void client.invalidateQueries({ queryKey: rewardKeys.all });
    },
  });
  const confirmed = (CONFIRMED_STATUSES as readonly string[]).includes(incidentStatus);
  return (
    <div className="reward-box" data-testid="reward-box">
      <h4>{w('reward')}</h4>
      {reward.isPending && <span className="spinner" />}
      {reward.error && <p className="form-error" role="alert">{errorText(reward.error)}</p>}
      {reward.data && <RewardStatus reward={reward.data} />}
      {reward.data === null && police && !confirmed && <p className="hint">{w('notYet')}</p>}
      {reward.data === null && police && confirmed && (
        <form className="register-grid" onSubmit={(event) => { event.preventDefault(); propose.mutate(); }}>
          <p className="hint wide">{w('proposeHint')}</p>
          <label className="wide">{w('proposal')}
            <textarea data-testid="reward-proposal" value={proposal} maxLength={2000} rows={2} onChange={(event) => setProposal(event.target.value)} />
          </label>
          <button type="submit" className="primary" data-testid="reward-propose" disabled={!proposal.trim() || propose.isPending}>{propose.isPending ? w('proposing') : w('propose')}</button>
        </form>
      )}
      {propose.error && <p className="form-error" role="alert">{errorText(propose.error)}</p>}
    </div>
  );
}
