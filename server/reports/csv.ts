import { csvField } from '../exports/patrol-plan.ts';
import type { Agency } from '../collections/vocabulary.ts';
import type { SixMonthlyReport } from './six-monthly.ts';

/** The agencies' names in the report's Vietnamese headings. */
const AGENCY_NAMES_VI: Record<Agency, string> = {
  police: 'Công an', dic: 'Sở (cơ quan quản lý viễn thông)', customs: 'Hải quan', market_management: 'Quản lý thị trường', frequency_department: 'Cục Tần số vô tuyến điện', commune: 'UBND xã, phường',
};

/** Every table of the report as CSV sections (UTF-8 with a BOM for Excel), headed in Vietnamese. */
export function reportCsv(report: SixMonthlyReport, names: { district: (code: string) => string; commune: (code: string) => string }): string {
  const lines: string[] = [];
  const table = (title: string, header: string[], rows: unknown[][]) => {
    lines.push(csvField(title), header.map(csvField).join(','), ...rows.map((row) => row.map(csvField).join(',')), '');
  };
  const compareRows = (rows: SixMonthlyReport['incidents']['byType'], label: (key: string) => string) => rows.map((row) => [label(row.key), row.count, row.previous, row.change]);
  const head = ['', `Kỳ ${report.period.label}`, `Kỳ trước ${report.previousPeriod.label}`, 'Thay đổi (%)'];
  lines.push(csvField(report.title), csvField(`Kỳ báo cáo: ${report.period.from} – ${report.period.to}`), csvField(report.issuedBy), '');
  table('Vụ việc theo loại', ['Loại', ...head.slice(1)], compareRows(report.incidents.byType, (key) => key));
  table('Vụ việc theo xã, phường', ['Xã, phường', ...head.slice(1)], compareRows(report.incidents.byCommune, (key) => (key === 'none' ? 'Không xác định' : names.commune(key))));
  table('Vụ việc theo huyện (cũ)', ['Huyện', ...head.slice(1)], compareRows(report.incidents.byDistrict, (key) => (key === 'none' ? 'Không xác định' : names.district(key))));
  table('Vụ việc theo doanh nghiệp', ['Doanh nghiệp', ...head.slice(1)], compareRows(report.incidents.byCarrier, (key) => (key === 'none' ? 'Không gắn tài sản' : key)));
  table('Tổng hợp', ['Chỉ tiêu', 'Giá trị'], [
    ['Tổng số vụ việc', report.incidents.total], ['Thiệt hại ước tính (VNĐ)', report.incidents.damageVnd], ['Thời gian gián đoạn (phút)', report.incidents.outageMinutes],
    ['Đã giải quyết', report.incidents.resolved], ['Đang xử lý', report.incidents.open], ['Báo động giả, trùng lặp', report.incidents.dismissed],
    ['Mục tiêu đề xuất', report.keyTargets.proposed], ['Mục tiêu phê duyệt', report.keyTargets.designated], ['Không phê duyệt', report.keyTargets.rejected], ['Thu hồi', report.keyTargets.revoked],
    ['Kế hoạch tuần tra', report.patrols.plans], ['Tỷ lệ rủi ro bao phủ bình quân/ngày', report.patrols.meanCoverage],
    ['Tin báo đường dây nóng', report.hotline.received], ['Chuyển thành vụ việc', report.hotline.converted], ['Kết thúc', report.hotline.closed], ['Chờ xử lý', report.hotline.pending],
    ['Đề xuất khen thưởng người báo tin', report.rewards.proposed], ['Khen thưởng được duyệt', report.rewards.approved], ['Tổng tiền thưởng (VNĐ)', report.rewards.amountVnd],
    ['Lượt kiểm tra', report.inspections.total], ['Vi phạm', report.inspections.violation],
  ]);
  table('Kiểm tra theo cơ quan', ['Cơ quan', 'Lượt kiểm tra', 'Không xử lý', 'Nhắc nhở', 'Phạt tiền', 'Đình chỉ giấy phép', 'Chuyển công an', 'Tiền phạt (VNĐ)'],
    report.inspections.byAgency.map((row) => [AGENCY_NAMES_VI[row.agency], row.inspections, row.decisions.none, row.decisions.warning, row.decisions.fine, row.decisions.licence_suspension, row.decisions.referral_to_police, row.finesVnd]));
  return `\uFEFF${lines.join('\r\n')}`;
}
