import { useLanguage } from '../i18n/language.tsx';

const vi = {
  reward: 'Khen thưởng người báo tin', proposeHint: 'Tin báo đã giúp phát hiện vụ việc được xác minh: có thể đề xuất Sở khen thưởng người báo tin.',
  notYet: 'Chỉ đề xuất khen thưởng khi vụ việc đã được xác minh.', proposal: 'Lý do đề xuất', propose: 'Đề xuất khen thưởng', proposing: 'Đang gửi…',
  proposed: 'Đã đề xuất, chờ Sở quyết định', approved: 'Đã khen thưởng', refused: 'Không khen thưởng', by: 'bởi',
  amount: 'Số tiền (đồng)', decisionNumber: 'Số quyết định', decisionPlaceholder: 'Ví dụ: 125/QĐ-SKHCN', approve: 'Duyệt khen thưởng', refuse: 'Không duyệt',
  reason: 'Lý do không duyệt', waitingTitle: 'Đề xuất khen thưởng người báo tin chờ quyết định', none: 'Không có đề xuất nào đang chờ.',
  report: 'Tin báo', incident: 'Vụ việc', proposedAt: 'Đề xuất lúc', decided: 'Đã ghi quyết định',
  citizenNote: 'Người báo tin chỉ thấy dòng "Tin báo của bạn đã giúp phát hiện vụ việc", không thấy số tiền hay số quyết định.',
} as const;

export type RewardKey = keyof typeof vi;

const en: Record<RewardKey, string> = {
  reward: 'Reward for the reporter', proposeHint: 'This report helped find a confirmed case: you may propose that the department rewards the reporter.',
  notYet: 'A reward can be proposed once the case is verified.', proposal: 'Why a reward', propose: 'Propose a reward', proposing: 'Sending…',
  proposed: 'Proposed, awaiting the department', approved: 'Rewarded', refused: 'Not rewarded', by: 'by',
  amount: 'Amount (VND)', decisionNumber: 'Decision number', decisionPlaceholder: 'For example: 125/QĐ-SKHCN', approve: 'Approve the reward', refuse: 'Refuse',
  reason: 'Reason for refusing', waitingTitle: 'Proposed rewards for citizens awaiting a decision', none: 'No proposal is waiting.',
  report: 'Report', incident: 'Incident', proposedAt: 'Proposed at', decided: 'Decision recorded',
  citizenNote: 'The reporter only sees "your report helped find a case", never the amount or the decision number.',
};

/** Texts of the rewards (issue 18 §2) in the UI language. */
export function useRewardText(): (key: RewardKey) => string {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return (key) => table[key];
}
