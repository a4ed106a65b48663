import { useLanguage } from '../i18n/language.tsx';

const vi = {
  title: 'Sổ vụ việc', tabRegister: 'Sổ vụ việc', tabHotline: 'Tin báo', tabBulletins: 'Cảnh báo',
  search: 'Tìm số vụ việc, mã tin báo, mã trạm, nội dung…', searchHint: 'Tìm theo số hoặc mã: trong toàn bộ hồ sơ, không theo thời gian.',
  type: 'Loại', status: 'Trạng thái', source: 'Nguồn tin', owner: 'Doanh nghiệp', district: 'Huyện (cũ)', commune: 'Xã/phường',
  assignee: 'Cán bộ phụ trách', any: 'Tất cả', open: 'Đang xử lý', unassigned: 'Chưa giao', mine: 'Của tôi',
  from: 'Từ ngày', to: 'Đến ngày', onlyNew: 'Chỉ vụ mới', onlyOverdue: 'Chỉ vụ quá hạn', inView: 'Chỉ trong khung nhìn bản đồ',
  reset: 'Bỏ lọc', number: 'Số', occurred: 'Xảy ra', place: 'Địa bàn', asset: 'Tài sản', due: 'Hạn', code: 'Mã tin báo',
  badgeNew: 'Mới', badgeOverdue: 'Quá hạn', empty: 'Không có vụ việc nào khớp bộ lọc.', of: 'trên',
  previous: 'Trang trước', next: 'Trang sau', export: 'Xuất danh sách đã lọc', loading: 'Đang tải…',
  back: 'Về sổ vụ việc', caseTitle: 'Vụ việc', showOnMap: 'Xem trên bản đồ', reportedAt: 'Báo tin lúc', coordinates: 'Tọa độ',
  description: 'Mô tả', hotline: 'Tin báo của người dân', seenAt: 'Thời điểm nhìn thấy', contact: 'Liên lạc', contactHidden: '(chỉ Công an xem)',
  linkedAsset: 'Tài sản liên quan', noAsset: 'Không gắn tài sản.', assetHidden: 'Tài sản của đơn vị khác', assignment: 'Phân công',
  notAssigned: 'Chưa phân công cán bộ.', assignedTo: 'Giao cho', dueBy: 'hạn', assignedBy: 'người giao', officer: 'Cán bộ', dueDate: 'Hạn xử lý',
  note: 'Ghi chú giao việc', assign: 'Giao việc', reassign: 'Giao lại', assigned: 'Đã giao việc', timeline: 'Trao đổi và phân công',
  noEvents: 'Chưa có trao đổi.', comment: 'Ý kiến', addComment: 'Gửi ý kiến', assignmentEvent: 'giao cho',
  photos: 'Ảnh hiện trường', noPhotos: 'Chưa có ảnh.', addPhoto: 'Thêm ảnh', caption: 'Chú thích ảnh', upload: 'Tải ảnh lên',
  fromField: 'từ hiện trường', fromOffice: 'từ văn phòng', fromHotline: 'người dân gửi', fromPatrol: 'tổ tuần tra ghi nhận', nearby: 'Vụ việc lân cận (trong 1 km)',
  noNearby: 'Không có vụ việc nào trong 1 km.', meters: 'm', openCase: 'Mở hồ sơ vụ việc', created: 'đã tạo vụ việc',
  newCount: 'vụ mới', overdueCount: 'vụ quá hạn', fileIncident: 'Báo vụ việc mới', filed: 'Đã ghi nhận vụ việc',
  photoTooLarge: 'Ảnh quá lớn (tối đa 8 MB).',
} as const;

export type RegisterKey = keyof typeof vi;

const en: Record<RegisterKey, string> = {
  title: 'Incident register', tabRegister: 'Register', tabHotline: 'Citizen reports', tabBulletins: 'Warnings',
  search: 'Search incident no., hotline code, site code, text…', searchHint: 'A number or code is looked up in the whole record, whatever the period.',
  type: 'Type', status: 'Status', source: 'Source', owner: 'Carrier', district: 'Former district', commune: 'Commune',
  assignee: 'Assigned officer', any: 'All', open: 'Open', unassigned: 'Not assigned', mine: 'Mine',
  from: 'From', to: 'To', onlyNew: 'New only', onlyOverdue: 'Overdue only', inView: 'Only in the map view',
  reset: 'Clear filters', number: 'No.', occurred: 'Occurred', place: 'Place', asset: 'Asset', due: 'Due', code: 'Hotline code',
  badgeNew: 'New', badgeOverdue: 'Overdue', empty: 'No incident matches the filters.', of: 'of',
  previous: 'Previous page', next: 'Next page', export: 'Export the filtered list', loading: 'Loading…',
  back: 'Back to the register', caseTitle: 'Incident', showOnMap: 'Show on the map', reportedAt: 'Reported at', coordinates: 'Coordinates',
  description: 'Description', hotline: 'Citizen report', seenAt: 'Seen at', contact: 'Contact', contactHidden: '(police only)',
  linkedAsset: 'Linked asset', noAsset: 'No linked asset.', assetHidden: "Another carrier's asset", assignment: 'Assignment',
  notAssigned: 'No officer assigned yet.', assignedTo: 'Assigned to', dueBy: 'due', assignedBy: 'by', officer: 'Officer', dueDate: 'Due date',
  note: 'Note for the officer', assign: 'Assign', reassign: 'Reassign', assigned: 'Assigned', timeline: 'Comments and assignments',
  noEvents: 'No comment yet.', comment: 'Comment', addComment: 'Add comment', assignmentEvent: 'assigned to',
  photos: 'Photos', noPhotos: 'No photo yet.', addPhoto: 'Add a photo', caption: 'Caption', upload: 'Upload photo',
  fromField: 'from the field', fromOffice: 'from the office', fromHotline: 'sent by a citizen', fromPatrol: 'recorded by a patrol', nearby: 'Nearby incidents (within 1 km)',
  noNearby: 'No incident within 1 km.', meters: 'm', openCase: 'Open the case', created: 'incident created',
  newCount: 'new', overdueCount: 'overdue', fileIncident: 'Report an incident', filed: 'Incident filed',
  photoTooLarge: 'The photo is too large (at most 8 MB).',
};

/** Strings of the incident register in the UI language. */
export function useRegisterText(): (key: RegisterKey) => string {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return (key) => table[key];
}
