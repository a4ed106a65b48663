import { useLanguage } from '../i18n/language.tsx';

const vi = {
  print: 'In (A4)', compiling: 'Đang tổng hợp…', firstHalf: '6 tháng đầu năm', secondHalf: '6 tháng cuối năm',
  kind: 'BÁO CÁO', subject: 'Kết quả 6 tháng bảo đảm an toàn hạ tầng bưu chính, viễn thông, công nghệ thông tin',
  authority: 'KT. GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC', areaMissing: 'Không tải được tên cơ quan của địa bàn',
  period: 'Kỳ báo cáo: từ {from} đến {to} (so sánh với kỳ {previous})', synthetic: 'Số liệu vụ việc, tài sản của bản demo là dữ liệu mô phỏng.',
  incidents: 'I. Tình hình vụ việc', total: 'Tổng số vụ việc', previous: 'kỳ trước', up: 'tăng', down: 'giảm', resolved: 'đã giải quyết', open: 'đang xử lý', dismissed: 'báo động giả/trùng',
  damage: 'Thiệt hại ước tính', outage: 'thời gian gián đoạn', minutes: 'phút', byTypeCaption: 'Vụ việc theo loại (cột: kỳ này; vạch: kỳ trước)', byDistrictCaption: 'Vụ việc theo huyện (cũ)',
  type: 'Loại vụ việc', commune: 'Xã, phường', district: 'Huyện (cũ)', carrier: 'Doanh nghiệp', thisPeriod: 'Kỳ này', previousPeriod: 'Kỳ trước', change: 'Thay đổi',
  noDistrict: 'Không xác định', noAsset: 'Không gắn tài sản',
  keyTargets: 'II. Mục tiêu, khu vực trọng điểm', keyTargetsLine: 'Đề xuất {proposed}; phê duyệt {designated}; không phê duyệt {rejected}; trả lại {returned}; thu hồi {revoked}.',
  patrols: 'III. Tuần tra, kiểm soát', patrolsLine: 'Kế hoạch tuần tra trong kỳ: {plans} (đã phê duyệt {approved}); tỷ lệ rủi ro được bao phủ bình quân mỗi ngày: {coverage}.',
  hotspots: 'Điểm nóng trong kỳ: {count} (bản đồ kèm theo).',
  hotline: 'IV. Đường dây nóng', hotlineLine: 'Tiếp nhận {received} tin báo: chuyển thành vụ việc {converted}, kết thúc {closed}, đang chờ xử lý {pending}.',
  rewardsLine: 'Khen thưởng người báo tin: đề xuất {proposed}, được duyệt {approved}, tổng số tiền {amount}.',
  inspections: 'V. Kiểm tra, xử lý vi phạm', inspectionsLine: '{total} lượt kiểm tra đại lý, cơ sở thu mua phế liệu, trạm và khu vực: chấp hành tốt {compliant}, nhắc nhở {warning}, vi phạm {violation}.',
  agency: 'Cơ quan', inspectionCount: 'Lượt kiểm tra', decisionNone: 'Không xử lý', decisionWarning: 'Nhắc nhở', decisionFine: 'Phạt tiền', decisionSuspension: 'Đình chỉ giấy phép',
  decisionReferral: 'Chuyển công an', finesVnd: 'Tiền phạt',
} as const;

export type ReportKey = keyof typeof vi;

const en: Record<ReportKey, string> = {
  print: 'Print (A4)', compiling: 'Compiling…', firstHalf: 'first half', secondHalf: 'second half',
  kind: 'REPORT', subject: 'Six months of protecting postal, telecom and IT infrastructure',
  authority: 'PP. DIRECTOR', signerTitle: 'DEPUTY DIRECTOR', areaMissing: "The area's organisations could not be loaded",
  period: 'Reporting period: {from} to {to} (compared with {previous})', synthetic: 'Incidents and assets of this demo are synthetic data.',
  incidents: 'I. Incidents', total: 'Incidents in total', previous: 'previous period', up: 'up', down: 'down', resolved: 'resolved', open: 'open', dismissed: 'false alarms/duplicates',
  damage: 'Estimated damage', outage: 'outage', minutes: 'minutes', byTypeCaption: 'Incidents by type (bars: this period; ticks: previous period)', byDistrictCaption: 'Incidents by former district',
  type: 'Type', commune: 'Commune or ward', district: 'Former district', carrier: 'Carrier', thisPeriod: 'This period', previousPeriod: 'Previous', change: 'Change',
  noDistrict: 'Unknown', noAsset: 'No linked asset',
  keyTargets: 'II. Key targets and areas', keyTargetsLine: 'Proposed {proposed}; designated {designated}; rejected {rejected}; returned {returned}; revoked {revoked}.',
  patrols: 'III. Patrols', patrolsLine: 'Patrol plans in the period: {plans} ({approved} approved); mean share of risk covered per day: {coverage}.',
  hotspots: 'Hotspots in the period: {count} (see the map).',
  hotline: 'IV. Citizen hotline', hotlineLine: '{received} reports received: {converted} turned into incidents, {closed} closed, {pending} awaiting triage.',
  rewardsLine: 'Rewards for citizens who reported: {proposed} proposed, {approved} approved, {amount} in total.',
  inspections: 'V. Inspections and violations', inspectionsLine: '{total} inspections of agents, scrap dealers, sites and areas: {compliant} compliant, {warning} warnings, {violation} violations.',
  agency: 'Agency', inspectionCount: 'Inspections', decisionNone: 'No action', decisionWarning: 'Warning', decisionFine: 'Fine', decisionSuspension: 'Licence suspended',
  decisionReferral: 'Referred to the police', finesVnd: 'Fines',
};

/** Texts of the six-monthly report in the UI language; `{name}` placeholders are filled by `fill`. */
export function useReportText() {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  const r = (key: ReportKey) => table[key];
  const fill = (key: ReportKey, values: Record<string, string | number>) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  return { r, fill, language };
}
