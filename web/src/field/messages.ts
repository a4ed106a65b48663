import { useLanguage } from '../i18n/language.tsx';

const vi = {
  title: 'Tuần tra thực địa', signInFirst: 'Đăng nhập bằng tài khoản cán bộ của bạn để nhận nhiệm vụ.', offline: 'Không có mạng — đang dùng dữ liệu đã tải về máy.',
  noRole: 'Ứng dụng thực địa dành cho cán bộ Công an được giao tuần tra.', today: 'Nhiệm vụ hôm nay', none: 'Hôm nay không có ca tuần tra nào trong các kế hoạch đã phê duyệt.',
  shift: 'Ca', stops: 'điểm dừng', choose: 'Nhận nhiệm vụ này', download: 'Tải khu vực về máy', downloading: 'Đang tải', downloaded: 'Đã tải khu vực về máy',
  persisted: 'được giữ lâu dài', notPersisted: 'trình duyệt có thể xoá khi thiếu bộ nhớ', uses: 'Dữ liệu trên máy', of: 'trên',
  start: 'Bắt đầu tuần tra', end: 'Kết thúc tuần tra', ended: 'Đã kết thúc tuần tra; lộ trình được gửi lên khi có mạng.', newPatrol: 'Nhận nhiệm vụ khác',
  gpsOff: 'GPS tắt', gpsWaiting: 'Đang chờ tín hiệu GPS…', gpsOk: 'GPS tốt', gpsWeak: 'Tín hiệu GPS yếu — điểm này không được ghi', gpsDenied: 'Chưa cho phép dùng vị trí: hãy cho phép trong cài đặt trình duyệt.',
  gpsUnavailable: 'Không có GPS', points: 'điểm lộ trình', wakeOn: 'Màn hình luôn sáng', wakeRefused: 'Không giữ được màn hình sáng', wakeUnsupported: 'Máy không hỗ trợ giữ màn hình sáng',
  window: 'Khung giờ', dwell: 'Dừng', minutes: 'phút', arrived: 'Đã đến', onSite: 'Đã ở', target: 'mục tiêu', confirm: 'Xác nhận đã kiểm tra', visited: 'Đã kiểm tra',
  finding: 'Ghi nhận phát hiện', kind: 'Phát hiện', cable_damaged: 'Cáp, thiết bị bị hư hại', suspicious_person: 'Người khả nghi', suspicious_vehicle: 'Phương tiện khả nghi',
  scrap_dealer_activity: 'Hoạt động thu mua phế liệu', nothing_found: 'Không phát hiện gì', note: 'Ghi chú', asIncident: 'Báo thành vụ việc', incidentType: 'Loại vụ việc',
  saveFinding: 'Lưu phát hiện', cancel: 'Huỷ', photo: 'Ảnh', photoNote: 'Ảnh được thu nhỏ còn tối đa 1 MB trước khi lưu.', photoShrinking: 'Đang thu nhỏ ảnh…',
  photoFailed: 'Không đọc được ảnh này.', photoRemove: 'Bỏ ảnh', outbox: 'Chờ gửi', outboxEmpty: 'Mọi ghi nhận đã được gửi lên máy chủ.', rejected: 'Bị từ chối',
  sendNow: 'Gửi ngay', visit: 'Kiểm tra điểm', findingEntry: 'Phát hiện', track: 'Lộ trình', retry: 'Thử lại', loadFailed: 'Không tải được', offlineBadge: 'Mất mạng',
} as const;
export type FieldKey = keyof typeof vi;

const en: Record<FieldKey, string> = {
  title: 'Field patrol', signInFirst: 'Sign in with your own account to get your assignment.', offline: 'No connection — using the data kept on this phone.',
  noRole: 'The field app is for police officers assigned to patrols.', today: "Today's assignments", none: 'No patrol shift today in the approved plans.',
  shift: 'Shift', stops: 'stops', choose: 'Take this assignment', download: 'Download the area', downloading: 'Downloading', downloaded: 'The area is on this phone',
  persisted: 'kept persistently', notPersisted: 'the browser may clear it when short of space', uses: 'Data on this phone', of: 'of',
  start: 'Start patrol', end: 'End patrol', ended: 'Patrol ended; the track is uploaded when there is a connection.', newPatrol: 'Take another assignment',
  gpsOff: 'GPS off', gpsWaiting: 'Waiting for a GPS fix…', gpsOk: 'GPS good', gpsWeak: 'Weak GPS — this fix is not recorded', gpsDenied: 'Location is not allowed: allow it in the browser settings.',
  gpsUnavailable: 'No GPS', points: 'track points', wakeOn: 'Screen kept on', wakeRefused: 'Could not keep the screen on', wakeUnsupported: 'This phone cannot keep the screen on',
  window: 'Window', dwell: 'Stay', minutes: 'min', arrived: 'Arrived', onSite: 'On site', target: 'target', confirm: 'Confirm the check', visited: 'Checked',
  finding: 'Record a finding', kind: 'Finding', cable_damaged: 'Cable or equipment damaged', suspicious_person: 'Suspicious person', suspicious_vehicle: 'Suspicious vehicle',
  scrap_dealer_activity: 'Scrap dealer activity', nothing_found: 'Nothing found', note: 'Note', asIncident: 'File as an incident', incidentType: 'Incident type',
  saveFinding: 'Save finding', cancel: 'Cancel', photo: 'Photo', photoNote: 'The photo is shrunk to at most 1 MB before it is kept.', photoShrinking: 'Shrinking the photo…',
  photoFailed: 'This image could not be read.', photoRemove: 'Remove photo', outbox: 'Waiting to send', outboxEmpty: 'Everything recorded has reached the server.', rejected: 'Refused',
  sendNow: 'Send now', visit: 'Stop check', findingEntry: 'Finding', track: 'Track', retry: 'Retry', loadFailed: 'Could not load', offlineBadge: 'Offline',
};

export function useFieldText() {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return (key: FieldKey) => table[key];
}
