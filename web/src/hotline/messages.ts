import { useLanguage } from '../i18n/language.tsx';

const vi = {
  title: 'Báo tin cho Công an tỉnh Kon Tum', lead: 'Bạn thấy hành vi trộm cắp, cắt phá cáp viễn thông, trạm BTS hoặc thiết bị bưu chính? Hãy báo tin tại đây. Không cần đăng nhập.',
  pin: '1. Nhấp lên bản đồ nơi bạn nhìn thấy', pinMissing: 'Hãy chọn vị trí trên bản đồ.', pinAt: 'Vị trí đã chọn',
  what: '2. Bạn đã thấy gì?', whatPlaceholder: 'Ví dụ: hai người dùng xe máy cắt cáp treo gần cột điện…', when: '3. Thời điểm', contact: '4. Liên lạc (không bắt buộc)',
  contactNote: 'Chỉ lực lượng Công an xem được thông tin liên lạc của bạn.', name: 'Họ tên', phone: 'Số điện thoại',
  send: 'Gửi tin báo', sending: 'Đang gửi…', sent: 'Đã nhận tin báo. Mã tra cứu của bạn:', keepCode: 'Hãy lưu mã này để theo dõi kết quả xử lý.',
  track: 'Tra cứu tin báo', code: 'Mã tra cứu', lookUp: 'Tra cứu', notFound: 'Không tìm thấy tin báo với mã này.', status: 'Tình trạng',
  received: 'Đã tiếp nhận', under_review: 'Đang xác minh', converted: 'Đã chuyển thành vụ việc để xử lý', closed: 'Đã kết thúc',
  tooMany: 'Bạn đã gửi quá nhiều tin trong thời gian ngắn. Vui lòng thử lại sau {s} giây.', emergency: 'Trường hợp khẩn cấp, hãy gọi 113.',
  signIn: 'Cán bộ đăng nhập', chars: 'ký tự', whenFuture: 'Thời điểm không được ở tương lai.',
} as const;

type HotlineKey = keyof typeof vi;

const en: Record<HotlineKey, string> = {
  title: 'Report to Kon Tum provincial police', lead: 'Have you seen theft or cutting of telecom cables, BTS sites or postal equipment? Report it here. No sign-in needed.',
  pin: '1. Click on the map where you saw it', pinMissing: 'Choose the place on the map.', pinAt: 'Chosen place',
  what: '2. What did you see?', whatPlaceholder: 'For example: two people on a motorbike cutting an aerial cable near a pole…', when: '3. When', contact: '4. Contact (optional)',
  contactNote: 'Only the police can see your contact details.', name: 'Name', phone: 'Phone',
  send: 'Send report', sending: 'Sending…', sent: 'Report received. Your tracking code:', keepCode: 'Keep this code to follow what happens.',
  track: 'Follow a report', code: 'Tracking code', lookUp: 'Look up', notFound: 'No report with this code.', status: 'Status',
  received: 'Received', under_review: 'Being checked', converted: 'Turned into a case for action', closed: 'Closed',
  tooMany: 'Too many reports in a short time. Try again in {s} seconds.', emergency: 'In an emergency call 113.',
  signIn: 'Staff sign-in', chars: 'characters', whenFuture: 'The time cannot be in the future.',
};

export function useHotlineText() {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return (key: HotlineKey) => table[key];
}
