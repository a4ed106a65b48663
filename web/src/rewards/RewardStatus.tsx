import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { Reward } from './api.ts';
import { formatVnd } from './format.ts';
import { useRewardText } from './messages.ts';

/** A reward's state as staff read it: proposed, or the department's decision with amount and number, or why not. */
export function RewardStatus({ reward }: { reward: Reward }) {
  const { language } = useLanguage();
  const w = useRewardText();
  return (
    <p data-testid="reward-status" data-status={reward.status}>
      <strong>{w(reward.status)}</strong>
      {reward.status === 'approved' && <> · {formatVnd(reward.amountVnd!, language)} · <span translate="no">{reward.decisionNumber}</span></>}
      {reward.status === 'refused' && <> · <span translate="no">{reward.refusalReason}</span></>}
      <span className="muted"> ({w('by')} <span translate="no">{reward.decidedBy ?? reward.proposedBy}</span>, {formatWhen(reward.decidedAt ?? reward.proposedAt)})</span>
    </p>
  );
}
