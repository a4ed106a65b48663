import { useArea } from '../area/area-api.ts';
import { hotlineNames } from '../area/area-names.ts';
import { useLanguage } from '../i18n/language.tsx';

// {police} and {area} are the deployment's names (GET /api/area): the police today, and the area the hotline covers.

const vi = {
  title: 'Báo tin cho {police}', tabTitle: 'Báo tin – {police}', lead: 'Bạn thấy hành vi trộm cắp, cắt phá cáp viễn thông, trạm BTS hoặc thiết bị bưu chính? Hãy báo tin tại đây. Không cần đăng nhập.',
  pinAt: 'Vị trí đã chọn',
  what: '1. Bạn đã thấy gì?', whatPlaceholder: 'Ví dụ: hai người dùng xe máy cắt cáp treo gần cột điện…', when: '2. Thời điểm', contact: '3. Liên lạc (không bắt buộc)',
  contactNote: 'Chỉ lực lượng Công an xem được thông tin liên lạc của bạn.', name: 'Họ tên', phone: 'Số điện thoại',
  send: 'Gửi tin báo', sending: 'Đang gửi…', sent: 'Đã nhận tin báo. Mã tra cứu của bạn:', keepCode: 'Hãy lưu mã này để theo dõi kết quả xử lý.',
  track: 'Tra cứu tin báo', code: 'Mã tra cứu', lookUp: 'Tra cứu', notFound: 'Không tìm thấy tin báo với mã này.', status: 'Tình trạng',
  received: 'Đã tiếp nhận', under_review: 'Đang xác minh', converted: 'Đã chuyển thành vụ việc để xử lý', closed: 'Đã kết thúc',
  tooMany: 'Bạn đã gửi quá nhiều tin trong thời gian ngắn. Vui lòng thử lại sau {s} giây.', emergency: 'Trường hợp khẩn cấp, hãy gọi 113.',
  signIn: 'Cán bộ đăng nhập', chars: 'ký tự', whenFuture: 'Thời điểm không được ở tương lai.',
  stepWhere: 'Nơi bạn nhìn thấy', stepWhat: 'Điều bạn nhìn thấy', stepSent: 'Tin báo của bạn',
  whereHint: 'Dùng vị trí của bạn, tìm tên xã hoặc quốc lộ, hoặc chạm lên bản đồ. Kéo ghim để chỉnh cho đúng chỗ.',
  locate: 'Dùng vị trí của tôi', locating: 'Đang xác định vị trí…',
  geoDenied: 'Bạn chưa cho phép dùng vị trí. Hãy cho phép trong cài đặt trình duyệt, hoặc tìm địa danh, chạm lên bản đồ.',
  geoUnavailable: 'Không xác định được vị trí (mất tín hiệu GPS?). Hãy thử lại ngoài trời, hoặc tìm địa danh, chạm lên bản đồ.',
  geoUnsupported: 'Trình duyệt này không xác định được vị trí. Hãy tìm địa danh hoặc chạm lên bản đồ.',
  geoInaccurate: 'Vị trí chỉ chính xác trong khoảng {m} m. Hãy kéo ghim đến đúng nơi bạn nhìn thấy.',
  geoAccurate: 'Đã đặt ghim tại vị trí của bạn (chính xác khoảng {m} m).',
  geoOutside: 'Vị trí của bạn nằm ngoài địa bàn {area}. Hãy tìm địa danh hoặc chạm lên bản đồ nơi bạn nhìn thấy.',
  outside: 'Nơi này nằm ngoài địa bàn {area}.',
  searchPlace: 'Tìm xã, phường, quốc lộ…', noPlace: 'Không tìm thấy địa danh', commune: 'Xã, phường', district: 'Huyện cũ', road: 'Quốc lộ',
  next: 'Tiếp tục', back: 'Quay lại', photo: '4. Ảnh (không bắt buộc)', photoNote: 'Ảnh được thu nhỏ trên điện thoại trước khi gửi; chỉ Công an xem được.',
  photoRemove: 'Bỏ ảnh', photoShrinking: 'Đang thu nhỏ ảnh…', photoFailed: 'Không đọc được ảnh này.',
  queued: 'Chưa có mạng: tin báo đã được lưu trên điện thoại và sẽ tự gửi khi có kết nối. Đừng đóng trang này.',
  waiting: 'tin báo đang chờ gửi', rejected: 'Tin báo bị từ chối', yourCodes: 'Mã tra cứu của bạn',
  helped: 'Tin báo của bạn đã giúp phát hiện vụ việc. Cảm ơn bạn đã báo tin!',
} as const;

type HotlineKey = keyof typeof vi;

const en: Record<HotlineKey, string> = {
  title: 'Report to {police}', tabTitle: 'Report – {police}', lead: 'Have you seen theft or cutting of telecom cables, BTS sites or postal equipment? Report it here. No sign-in needed.',
  pinAt: 'Chosen place',
  what: '1. What did you see?', whatPlaceholder: 'For example: two people on a motorbike cutting an aerial cable near a pole…', when: '2. When', contact: '3. Contact (optional)',
  contactNote: 'Only the police can see your contact details.', name: 'Name', phone: 'Phone',
  send: 'Send report', sending: 'Sending…', sent: 'Report received. Your tracking code:', keepCode: 'Keep this code to follow what happens.',
  track: 'Follow a report', code: 'Tracking code', lookUp: 'Look up', notFound: 'No report with this code.', status: 'Status',
  received: 'Received', under_review: 'Being checked', converted: 'Turned into a case for action', closed: 'Closed',
  tooMany: 'Too many reports in a short time. Try again in {s} seconds.', emergency: 'In an emergency call 113.',
  signIn: 'Staff sign-in', chars: 'characters', whenFuture: 'The time cannot be in the future.',
  stepWhere: 'Where you saw it', stepWhat: 'What you saw', stepSent: 'Your report',
  whereHint: 'Use your location, search a commune or national road, or tap the map. Drag the pin to the exact place.',
  locate: 'Use my location', locating: 'Finding your location…',
  geoDenied: 'Location is not allowed. Allow it in the browser settings, or search a place or tap the map.',
  geoUnavailable: 'Your location could not be found (no GPS signal?). Try again outdoors, or search a place or tap the map.',
  geoUnsupported: 'This browser cannot find your location. Search a place or tap the map.',
  geoInaccurate: 'Your location is only accurate to about {m} m. Drag the pin to where you saw it.',
  geoAccurate: 'The pin is at your location (accurate to about {m} m).',
  geoOutside: 'Your location is outside {area}. Search a place or tap the map where you saw it.',
  outside: 'This place is outside {area}.',
  searchPlace: 'Search a commune, ward, national road…', noPlace: 'No such place', commune: 'Commune or ward', district: 'Former district', road: 'National road',
  next: 'Next', back: 'Back', photo: '4. Photo (optional)', photoNote: 'The photo is made smaller on your phone before it is sent; only the police can see it.',
  photoRemove: 'Remove photo', photoShrinking: 'Making the photo smaller…', photoFailed: 'This image could not be read.',
  queued: 'No connection: the report is kept on your phone and will be sent when you are back online. Keep this page open.',
  waiting: 'reports waiting to be sent', rejected: 'Report refused', yourCodes: 'Your tracking codes',
  helped: 'Your report helped find a case. Thank you for reporting!',
};

/**
 * One hotline text in `language`, its `{name}` placeholders filled from `values` and the area's names (`hotlineNames`).
 * @example hotlineText('title', 'vi', { police: 'Công an tỉnh Quảng Ngãi', area: 'Kon Tum' }) // 'Báo tin cho Công an tỉnh Quảng Ngãi'
 */
export function hotlineText(key: HotlineKey, language: 'vi' | 'en', names: { police: string; area: string }, values: Record<string, string | number> = {}): string {
  const filled: Record<string, string | number> = { ...names, ...values };
  return (language === 'vi' ? vi : en)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(filled[name] ?? ''));
}

/** The hotline's texts in the UI language, naming the deployment's police and area. */
export function useHotlineText() {
  const { language } = useLanguage();
  const area = useArea();
  const names = hotlineNames(area.data, language);
  return (key: HotlineKey, values: Record<string, string | number> = {}) => hotlineText(key, language, names, values);
}
