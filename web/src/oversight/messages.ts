import { useLanguage } from '../i18n/language.tsx';

const vi = {
  title: 'Giám sát, thẩm định', auditTitle: 'Nhật ký truy cập và thay đổi', from: 'Từ ngày', to: 'Đến ngày', user: 'Người dùng', action: 'Thao tác',
  record: 'Đối tượng', recordId: 'Số hiệu', anyRecord: 'Mọi đối tượng', when: 'Thời điểm', changesOnly: 'Chỉ các thay đổi', anyAction: 'Mọi thao tác',
  action_create: 'Tạo mới', action_update: 'Cập nhật', action_delete: 'Xoá', action_transition: 'Chuyển trạng thái', action_read: 'Xem', action_export: 'Xuất dữ liệu',
  action_login: 'Đăng nhập', action_login_failed: 'Đăng nhập sai', action_logout: 'Đăng xuất', onlyThisRecord: 'Chỉ xem nhật ký của đối tượng này',
  before: 'Trước', after: 'Sau', details: 'Chi tiết', address: 'Địa chỉ IP', role: 'Vai trò', previous: 'Trang trước', next: 'Trang sau',
  inventoryTitle: 'Kiểm kê hạ tầng phục vụ huy động khẩn cấp', byDistrict: 'Theo huyện', drawnArea: 'Vùng vẽ trên bản đồ', chooseDistrict: '— chọn huyện —',
  drawHint: 'Vẽ vùng trên bản đồ, nhấp đỉnh đầu để khép kín.', count: 'Kiểm kê', assets: 'Số tài sản', cableKm: 'Cáp (km)', sitesByTechnology: 'Trạm theo công nghệ',
  sitesByBackupPower: 'Trạm theo nguồn dự phòng', facilities: 'Cơ sở', print: 'In (A4)', download: 'Tải về', inventoryOf: 'Kiểm kê', drawnAreaName: 'vùng đã vẽ',
  plannedTitle: 'Kế hoạch phát triển mạng (tài sản quy hoạch)', organisation: 'Đơn vị',
} as const;

export type OversightKey = keyof typeof vi;

const en: Record<OversightKey, string> = {
  title: 'Oversight', auditTitle: 'Audit log', from: 'From', to: 'To', user: 'User', action: 'Action',
  record: 'Record', recordId: 'Number', anyRecord: 'Any record', when: 'When', changesOnly: 'Changes only', anyAction: 'Any action',
  action_create: 'Created', action_update: 'Updated', action_delete: 'Deleted', action_transition: 'Status change', action_read: 'Read', action_export: 'Exported',
  action_login: 'Signed in', action_login_failed: 'Failed sign-in', action_logout: 'Signed out', onlyThisRecord: 'Only this record’s entries',
  before: 'Before', after: 'After', details: 'Details', address: 'IP address', role: 'Role', previous: 'Previous page', next: 'Next page',
  inventoryTitle: 'Inventory for emergency mobilisation', byDistrict: 'By district', drawnArea: 'A drawn area', chooseDistrict: '— choose a district —',
  drawHint: 'Draw the area on the map; click the first corner to close it.', count: 'Count', assets: 'Assets', cableKm: 'Cable (km)', sitesByTechnology: 'Sites by technology',
  sitesByBackupPower: 'Sites by backup power', facilities: 'Facilities', print: 'Print (A4)', download: 'Download', inventoryOf: 'Inventory', drawnAreaName: 'the drawn area',
  plannedTitle: 'Network development plans (planned assets)', organisation: 'Organisation',
};

/** Strings of the oversight workspace in the UI language. */
export function useOversightText(): (key: OversightKey) => string {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return (key) => table[key];
}
