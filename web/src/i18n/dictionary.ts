export type Language = 'vi' | 'en';

const vi = {
  appTitle: 'NetGuard Kon Tum',
  appSubtitle: 'Bảo vệ hạ tầng viễn thông',
  syntheticBadge: 'Dữ liệu tài sản của doanh nghiệp và vụ việc là dữ liệu mô phỏng (demo)',
  layers: 'Lớp dữ liệu',
  legend: 'Chú giải',
  searchPlaceholder: 'Tìm xã, tuyến cáp, trạm, cơ sở…',
  searchNoResults: 'Không tìm thấy kết quả',
  incidentPeriod: 'Thời gian vụ việc',
  from: 'Từ',
  to: 'Đến',
  loading: 'Đang tải…',
  emptyInView: 'Không có đối tượng trong khung nhìn',
  featuresInView: 'đối tượng',
  retry: 'Thử lại',
  close: 'Đóng',
  errorLoading: 'Lỗi tải dữ liệu',
  attributes: 'Thuộc tính',
  yes: 'Có',
  no: 'Không',
  languageToggle: 'English',
  owner: 'Đơn vị sở hữu',
  planned: 'Quy hoạch (nét đứt)',
  retired: 'Ngừng sử dụng',
  clusterHint: 'Cụm trạm (số lượng)',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  appTitle: 'NetGuard Kon Tum',
  appSubtitle: 'Telecom infrastructure protection',
  syntheticBadge: "Carriers' assets and incidents are synthetic demo data",
  layers: 'Layers',
  legend: 'Legend',
  searchPlaceholder: 'Search communes, cables, sites, facilities…',
  searchNoResults: 'No results',
  incidentPeriod: 'Incident period',
  from: 'From',
  to: 'To',
  loading: 'Loading…',
  emptyInView: 'No features in view',
  featuresInView: 'features',
  retry: 'Retry',
  close: 'Close',
  errorLoading: 'Failed to load',
  attributes: 'Attributes',
  yes: 'Yes',
  no: 'No',
  languageToggle: 'Tiếng Việt',
  owner: 'Owner',
  planned: 'Planned (dashed)',
  retired: 'Retired',
  clusterHint: 'Site cluster (count)',
};

/** The UI strings of both languages; Vietnamese is the default. */
export const DICTIONARY: Record<Language, Record<MessageKey, string>> = { vi, en };
