import { useLanguage } from '../i18n/language.tsx';

const vi = {
  modeZones: 'Mục tiêu trọng điểm', queue: 'Hồ sơ chờ thẩm định', queueEmpty: 'Không có hồ sơ nào chờ xử lý.', propose: 'Đề xuất khu vực mới',
  drawZone: 'Vẽ ranh giới khu vực trên bản đồ: nhấp từng đỉnh, nhấp đỉnh đầu để khép kín. Kéo đỉnh để chỉnh.', name: 'Tên khu vực', category: 'Loại mục tiêu',
  level: 'Mức bảo vệ (1 cao nhất)', justification: 'Lý do đề xuất', reviewDate: 'Ngày rà soát lại', effectiveDate: 'Ngày hiệu lực đề nghị',
  protectedAssets: 'Tài sản được bảo vệ', addSelected: 'Thêm tài sản đang chọn trên bản đồ', submit: 'Gửi đề xuất', proposedBy: 'Đơn vị đề xuất',
  history: 'Lịch sử xử lý', comment: 'Ý kiến (bắt buộc)', approve: 'Phê duyệt', reject: 'Không phê duyệt', return: 'Trả lại để bổ sung', resubmit: 'Gửi lại',
  revoke: 'Thu hồi', propose_action: 'Đề xuất', edit: 'Chỉnh sửa', effective: 'Có hiệu lực', back: 'Quay lại danh sách', sent: 'Đã gửi đề xuất',
  done: 'Đã ghi nhận', legendProposed: 'Viền vàng: đề xuất; đỏ: đã phê duyệt', noJustification: '(hồ sơ demo, không có lý do kèm theo)',
  evidence: 'Căn cứ thẩm định', dates: 'Thời hạn', proposedAt: 'Ngày đề xuất', legalBasis: 'Căn cứ pháp lý', showZone: 'Xem khu vực trên bản đồ',
  noProtected: 'Hồ sơ không nêu tài sản được bảo vệ.', insideZone: 'Tài sản nằm trong khu vực', insideCount: 'tài sản', outside: 'nằm ngoài khu vực',
  onMap: 'Trên bản đồ: viền xanh đậm là khu vực; tài sản trong khu vực được khoanh xanh, tài sản được bảo vệ khoanh hồng.',
} as const;

type ZonesKey = keyof typeof vi;

const en: Record<ZonesKey, string> = {
  modeZones: 'Key targets', queue: 'Awaiting review', queueEmpty: 'Nothing awaits review.', propose: 'Propose a new zone',
  drawZone: 'Draw the zone on the map: click each corner, click the first to close it. Drag corners to adjust.', name: 'Zone name', category: 'Category',
  level: 'Protection level (1 highest)', justification: 'Justification', reviewDate: 'Review date', effectiveDate: 'Proposed effective date',
  protectedAssets: 'Protected assets', addSelected: 'Add the asset selected on the map', submit: 'Send proposal', proposedBy: 'Proposed by',
  history: 'History', comment: 'Comment (required)', approve: 'Approve', reject: 'Reject', return: 'Return for changes', resubmit: 'Resubmit',
  revoke: 'Revoke', propose_action: 'Proposed', edit: 'Edited', effective: 'Took effect', back: 'Back to the list', sent: 'Proposal sent',
  done: 'Recorded', legendProposed: 'Yellow outline: proposed; red: designated', noJustification: '(demo record, no justification attached)',
  evidence: 'Evidence for the review', dates: 'Dates', proposedAt: 'Proposed on', legalBasis: 'Legal basis', showZone: 'Show the zone on the map',
  noProtected: 'The proposal names no protected asset.', insideZone: 'Assets inside the zone', insideCount: 'assets', outside: 'outside the zone',
  onMap: 'On the map: the zone outlined in dark blue; assets inside ringed blue, the protected ones pink.',
};

export function useZonesText() {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return (key: ZonesKey) => table[key];
}
