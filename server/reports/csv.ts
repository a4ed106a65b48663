import { csvField } from '../exports/patrol-plan.ts';
import type { SixMonthlyReport } from './six-monthly.ts';


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
    ['Lượt kiểm tra cơ sở phế liệu', report.inspections.total], ['Vi phạm', report.inspections.violation],
  ]);
  return `\uFEFF${lines.join('\r\n')}`;
}
