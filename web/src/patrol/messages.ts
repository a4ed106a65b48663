import { useLanguage } from '../i18n/language.tsx';

const vi = {
  modeMap: 'Bản đồ', modePatrol: 'Tuần tra', title: 'Lập kế hoạch tuần tra', window: 'Khoảng thời gian',
  incidentsPerMonth: 'Số vụ việc theo tháng', types: 'Loại vụ việc', allTypes: 'Tất cả', method: 'Thiết lập phương pháp',
  cellSize: 'Kích thước ô lục giác (m)', band: 'Khoảng cách lân cận (m, để trống = tự động)', fdr: 'Hiệu chỉnh FDR (Benjamini–Hochberg)',
  run: 'Phân tích điểm nóng', running: 'Đang phân tích…', hotspots: 'Điểm nóng xếp hạng', score: 'điểm', incidents: 'vụ',
  noHotspot: 'Không có điểm nóng có ý nghĩa thống kê trong lựa chọn này.', bandRule: 'Khoảng cách lân cận', warnings: 'Lưu ý',
  planTitle: 'Kế hoạch tuần tra', planName: 'Tên kế hoạch', start: 'Từ ngày', end: 'Đến ngày', units: 'Số tổ tuần tra',
  shifts: 'Số ca mỗi ngày', surprise: 'Tỷ lệ tuần tra đột xuất', generate: 'Tạo kế hoạch', generating: 'Đang lập kế hoạch…',
  coverage: 'Tỷ lệ rủi ro được bao phủ mỗi ngày', uniform: 'phân bổ đều', times: 'lần', schedule: 'Lịch tuần tra',
  unit: 'Tổ', date: 'Ngày', shift: 'Ca', stops: 'Điểm dừng', periodic: 'định kỳ', surpriseKind: 'đột xuất',
  print: 'In kế hoạch', approve: 'Phê duyệt', archive: 'Lưu trữ', status: 'Trạng thái', draft: 'Bản nháp', approved: 'Đã phê duyệt', archived: 'Đã lưu trữ',
  savedPlans: 'Kế hoạch đã lưu', open: 'Mở', legendHot: 'Điểm nóng (99/95/90 %)', legendCold: 'Điểm lạnh (99/95/90 %)',
  legendCluster: 'Cụm DBSCAN', legendStretch: 'Đoạn cáp nóng', legendTrend: 'Xu hướng (điểm nóng mới nổi)', dwell: 'phút dừng',
  printHeading: 'KẾ HOẠCH TUẦN TRA BẢO VỆ HẠ TẦNG VIỄN THÔNG', issuedBy: 'Công an tỉnh Kon Tum', seed: 'Mã khởi tạo',
} as const;

type PatrolKey = keyof typeof vi;

const en: Record<PatrolKey, string> = {
  modeMap: 'Map', modePatrol: 'Patrols', title: 'Patrol planning', window: 'Time window',
  incidentsPerMonth: 'Incidents per month', types: 'Incident types', allTypes: 'All', method: 'Method settings',
  cellSize: 'Hexagon size (m)', band: 'Distance band (m, empty = automatic)', fdr: 'FDR correction (Benjamini–Hochberg)',
  run: 'Find hotspots', running: 'Analysing…', hotspots: 'Ranked hotspots', score: 'points', incidents: 'incidents',
  noHotspot: 'No statistically significant hotspot in this selection.', bandRule: 'Distance band', warnings: 'Notes',
  planTitle: 'Patrol plan', planName: 'Plan name', start: 'From', end: 'To', units: 'Patrol units',
  shifts: 'Shifts per day', surprise: 'Share of surprise visits', generate: 'Generate plan', generating: 'Planning…',
  coverage: 'Share of risk covered per day', uniform: 'uniform plan', times: '×', schedule: 'Schedule',
  unit: 'Unit', date: 'Date', shift: 'Shift', stops: 'Stops', periodic: 'periodic', surpriseKind: 'surprise',
  print: 'Print plan', approve: 'Approve', archive: 'Archive', status: 'Status', draft: 'Draft', approved: 'Approved', archived: 'Archived',
  savedPlans: 'Saved plans', open: 'Open', legendHot: 'Hot spot (99/95/90 %)', legendCold: 'Cold spot (99/95/90 %)',
  legendCluster: 'DBSCAN cluster', legendStretch: 'Hot cable stretch', legendTrend: 'Trend (emerging hot spots)', dwell: 'min stop',
  printHeading: 'PATROL PLAN FOR THE PROTECTION OF TELECOM INFRASTRUCTURE', issuedBy: 'Kon Tum Provincial Police', seed: 'Seed',
};

/** Strings of the patrol workspace in the UI language. */
export function usePatrolText(): { p: (key: PatrolKey) => string; language: 'vi' | 'en' } {
  const { language } = useLanguage();
  return { p: (key) => (language === 'vi' ? vi : en)[key], language };
}
