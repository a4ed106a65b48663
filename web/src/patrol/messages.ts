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
  seed: 'Mã khởi tạo',
  exposure: 'Cơ sở so sánh', exposureArea: 'Số vụ theo diện tích (mặc định)', exposureCable: 'Tỷ lệ theo km cáp', exposureSites: 'Tỷ lệ theo số trạm BTS',
  sensitivity: 'Độ ổn định theo khoảng cách lân cận', hotCells: 'ô nóng', shared: 'trùng với bản đồ đang xem',
  forecastTitle: 'Dự báo 4 tuần tới', forecastLayer: 'Hiện lớp dự báo trên bản đồ', expectedTotal: 'Số vụ dự kiến',
  backtestTitle: 'Kiểm định dự báo trên dữ liệu quá khứ', backtestLoading: 'Đang kiểm định dự báo…',
  cutoffs: 'mốc kiểm định hằng tháng', methodCol: 'Phương pháp', areaCol: 'Diện tích', hitCol: 'Tỷ lệ trúng', paiCol: 'PAI [KTC 95 %]',
  m_forecast: 'Dự báo (mặc định)', m_last_3_months: '3 tháng gần nhất', m_last_12_months: '12 tháng gần nhất', m_kde: 'Mật độ nhân toàn bộ quá khứ', m_random: 'Ngẫu nhiên',
  better: 'tốt hơn rõ rệt', level: 'không khác biệt rõ rệt', worse: 'kém hơn rõ rệt', versus12: 'So với số vụ 12 tháng gần nhất, dự báo',
  atArea: 'ở', ofArea: 'diện tích', targetsFrom: 'Mục tiêu tuần tra lấy từ', fromHotspots: 'Điểm nóng Gi*', fromForecast: 'Vùng dự báo',
  topK: 'luôn vào rủi ro cao nhất (dễ đoán)',
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
  seed: 'Seed',
  exposure: 'Compare against', exposureArea: 'Counts by area (default)', exposureCable: 'Rates per km of cable', exposureSites: 'Rates per BTS site',
  sensitivity: 'Robustness to the distance band', hotCells: 'hot cells', shared: 'shared with the map shown',
  forecastTitle: 'Forecast of the next 4 weeks', forecastLayer: 'Show the forecast layer on the map', expectedTotal: 'Expected incidents',
  backtestTitle: 'Backtest of the forecast on past data', backtestLoading: 'Backtesting the forecast…',
  cutoffs: 'monthly cut-offs', methodCol: 'Method', areaCol: 'Area', hitCol: 'Hit rate', paiCol: 'PAI [95 % CI]',
  m_forecast: 'Forecast (default)', m_last_3_months: 'Last 3 months', m_last_12_months: 'Last 12 months', m_kde: 'Kernel density of all the past', m_random: 'Random',
  better: 'clearly better', level: 'not clearly different', worse: 'clearly worse', versus12: 'Against the last 12 months’ counts, the forecast is',
  atArea: 'at', ofArea: 'of the area', targetsFrom: 'Patrol targets from', fromHotspots: 'Gi* hotspots', fromForecast: 'Forecast areas',
  topK: 'always the top risks (predictable)',
};

/** Strings of the patrol workspace in the UI language. */
export function usePatrolText(): { p: (key: PatrolKey) => string; language: 'vi' | 'en' } {
  const { language } = useLanguage();
  return { p: (key) => (language === 'vi' ? vi : en)[key], language };
}
