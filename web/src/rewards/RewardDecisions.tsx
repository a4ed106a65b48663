import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatWhen } from '../format/format-value.ts';
import { useErrorText } from '../i18n/errors.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { parseVndAmount } from './amount.ts';
import { decideReward, fetchWaitingRewards, rewardKeys, type Reward, type RewardDecisionBody } from './api.ts';
import { useRewardText } from './messages.ts';

/** One proposal: what the police wrote, and the department's two answers. */
function Proposal({ reward }: { reward: Reward }) {
  const { language } = useLanguage();
  const w = useRewardText();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [form, setForm] = useState({ amount: '', decisionNumber: '', reason: '' });
  const decide = useMutation({
    mutationFn: (body: RewardDecisionBody) => decideReward(reward.id, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: rewardKeys.all }),
  });
  const amount = parseVndAmount(form.amount);
  return (
    <li className="hotline-report" data-testid="reward-proposal-item" data-reward={reward.id}>
      <div>{w('report')} <strong translate="no">{reward.trackingCode}</strong> · {w('incident')} #{reward.incidentId}
        {reward.incident && <> · {vocabularyLabel(reward.incident.type, language)} · {vocabularyLabel(reward.incident.status, language)}</>}</div>
      <div className="hint">{w('proposedAt')} {formatWhen(reward.proposedAt)} · {w('by')} <span translate="no">{reward.proposedBy}</span></div>
      <p className="report-text" translate="no">{reward.proposal}</p>
      <div className="register-grid">
        <label>{w('amount')}<input inputMode="numeric" data-testid="reward-amount" value={form.amount} onChange={(event) => setForm({ ...form, amount: event.target.value })} /></label>
        <label>{w('decisionNumber')}<input data-testid="reward-decision-number" translate="no" placeholder={w('decisionPlaceholder')} value={form.decisionNumber} maxLength={60} onChange={(event) => setForm({ ...form, decisionNumber: event.target.value })} /></label>
        <button type="button" className="primary" data-testid="reward-approve" disabled={amount === null || !form.decisionNumber.trim() || decide.isPending}
          onClick={() => amount !== null && decide.mutate({ decision: 'approve', amountVnd: amount, decisionNumber: form.decisionNumber.trim() })}>{w('approve')}</button>
        <label className="wide">{w('reason')}<input data-testid="reward-reason" value={form.reason} maxLength={1000} onChange={(event) => setForm({ ...form, reason: event.target.value })} /></label>
        <button type="button" data-testid="reward-refuse" disabled={!form.reason.trim() || decide.isPending} onClick={() => decide.mutate({ decision: 'refuse', reason: form.reason.trim() })}>{w('refuse')}</button>
      </div>
      {decide.error && <p className="form-error" role="alert">{errorText(decide.error)}</p>}
    </li>
  );
}

/** The department's list of proposed rewards, oldest first, each decided in place (issue 18 §2). */
export function RewardDecisions() {
  const w = useRewardText();
  const errorText = useErrorText();
  const waiting = useQuery({ queryKey: rewardKeys.waiting, queryFn: ({ signal }) => fetchWaitingRewards(signal) });
  return (
    <section data-testid="reward-decisions">
      <h3>{w('waitingTitle')}</h3>
      <p className="hint">{w('citizenNote')}</p>
      {waiting.isPending && <span className="spinner" />}
      {waiting.error && <p className="form-error" role="alert">{errorText(waiting.error)}</p>}
      {waiting.data?.rewards.length === 0 && <p className="hint" data-testid="reward-none">{w('none')}</p>}
      <ul className="queue">{waiting.data?.rewards.map((reward) => <Proposal key={reward.id} reward={reward} />)}</ul>
    </section>
  );
}
