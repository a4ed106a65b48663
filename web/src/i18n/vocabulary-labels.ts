import type { Language } from './dictionary.ts';

type Labels = Record<string, readonly [vi: string, en: string]>;

/** Labels of the registry's vocabulary codes (server/collections/vocabulary.ts). */
const LABELS: Labels = {
  viettel: ['Viettel', 'Viettel'], vnpt: ['VNPT', 'VNPT'], mobifone: ['MobiFone', 'MobiFone'], fpt: ['FPT Telecom', 'FPT Telecom'], vnpost: ['Bưu điện VN', 'Vietnam Post'],
  planned: ['Quy hoạch', 'Planned'], active: ['Đang hoạt động', 'Active'], retired: ['Ngừng sử dụng', 'Retired'],
  fibre: ['Cáp quang', 'Fibre'], copper: ['Cáp đồng', 'Copper'],
  aerial: ['Treo', 'Aerial'], underground: ['Ngầm', 'Underground'], duct: ['Trong cống bể', 'Duct'],
  backbone: ['Trục chính', 'Backbone'], trunk: ['Liên huyện', 'Trunk'], access: ['Truy nhập', 'Access'],
  lattice: ['Cột tự đứng', 'Lattice'], monopole: ['Cột đơn thân', 'Monopole'], guyed: ['Cột dây co', 'Guyed'], rooftop: ['Trên mái', 'Rooftop'], camouflaged: ['Ngụy trang', 'Camouflaged'],
  none: ['Không', 'None'], battery: ['Ắc quy', 'Battery'], generator: ['Máy phát', 'Generator'], battery_generator: ['Ắc quy và máy phát', 'Battery and generator'],
  exchange: ['Tổng đài', 'Exchange'], data_centre: ['Trung tâm dữ liệu', 'Data centre'], post_office: ['Bưu cục', 'Post office'],
  postal_agent: ['Đại lý bưu chính', 'Postal agent'], radio_station: ['Đài vô tuyến', 'Radio station'],
  transmission_hub: ['Trạm truyền dẫn', 'Transmission hub'], cable_corridor: ['Hành lang tuyến cáp', 'Cable corridor'],
  proposed: ['Đề xuất', 'Proposed'], returned: ['Trả lại để bổ sung', 'Returned for changes'], approved: ['Đã duyệt, chờ hiệu lực', 'Approved, not yet effective'], designated: ['Đã phê duyệt', 'Designated'], rejected: ['Không phê duyệt', 'Rejected'], revoked: ['Đã thu hồi', 'Revoked'],
  cable_theft: ['Trộm cắp cáp', 'Cable theft'], cable_cut: ['Đứt cáp', 'Cable cut'], equipment_theft: ['Trộm thiết bị', 'Equipment theft'],
  vandalism: ['Phá hoại', 'Vandalism'], fire_explosion: ['Cháy nổ', 'Fire or explosion'], intrusion_alarm: ['Báo động đột nhập', 'Intrusion alarm'],
  postal_contraband: ['Hàng cấm qua bưu chính', 'Postal contraband'], sim_box: ['Trộm cước viễn thông quốc tế (SIM box)', 'International call bypass (SIM box)'], other: ['Khác', 'Other'],
  carrier_alarm: ['Cảnh báo của doanh nghiệp', 'Carrier alarm'], hotline: ['Đường dây nóng', 'Hotline'], patrol: ['Tuần tra', 'Patrol'], police: ['Công an', 'Police'],
  reported: ['Mới tiếp nhận', 'Reported'], verified: ['Đã xác minh', 'Verified'], investigating: ['Đang điều tra', 'Investigating'],
  resolved: ['Đã giải quyết', 'Resolved'], false_alarm: ['Báo động giả', 'False alarm'], duplicate: ['Trùng lặp', 'Duplicate'],
  '2G': ['2G', '2G'], '3G': ['3G', '3G'], '4G': ['4G', '4G'], '5G': ['5G', '5G'],
  cable_routes: ['Tuyến cáp', 'Cable routes'], bts_sites: ['Trạm BTS', 'BTS sites'], facilities: ['Cơ sở hạ tầng', 'Facilities'],
  key_targets: ['Mục tiêu trọng điểm', 'Key targets'], scrap_dealers: ['Cơ sở thu mua phế liệu', 'Scrap dealers'], incidents: ['Sự cố, vụ việc', 'Incidents'], police_stations: ['Trụ sở công an', 'Police stations'],
  service_agents: ['Đại lý bưu chính, viễn thông, Internet', 'Service agents'],
  telecom_agent: ['Đại lý viễn thông, điểm bán SIM', 'Telecom and SIM agent'], internet_shop: ['Điểm Internet, trò chơi điện tử', 'Internet or game shop'],
  independent: ['Độc lập', 'Independent'], suspended: ['Tạm đình chỉ', 'Suspended'], closed: ['Đã đóng', 'Closed'],
  admin_areas: ['Địa giới hành chính', 'Administrative areas'], roads: ['Đường chính', 'Main roads'],
  not_inspected: ['Chưa kiểm tra', 'Not inspected'], compliant: ['Chấp hành tốt', 'Compliant'], warning: ['Nhắc nhở', 'Warning'], violation: ['Vi phạm', 'Violation'],
  // Inspections by agency (issue 18): agencies, findings, their severity, decisions.
  dic: ['Sở (quản lý bưu chính, viễn thông)', 'Department (posts and telecoms)'], customs: ['Hải quan', 'Customs'], market_management: ['Quản lý thị trường', 'Market management'],
  frequency_department: ['Cục Tần số vô tuyến điện', 'Radio frequency department'],
  pre_activated_sims: ['SIM kích hoạt sẵn', 'Pre-activated SIMs'], subscriber_data_unverified: ['Thông tin thuê bao chưa xác thực', 'Subscriber data not verified'],
  no_agency_contract: ['Không có hợp đồng đại lý', 'No agency contract'], no_business_licence: ['Không có giấy phép kinh doanh', 'No business licence'],
  expired_licence: ['Giấy phép hết hạn', 'Licence expired'], cable_of_unknown_origin: ['Cáp không rõ nguồn gốc', 'Cable of unknown origin'],
  no_purchase_register: ['Không có sổ theo dõi thu mua', 'No purchase register'], unlicensed_radio_equipment: ['Thiết bị vô tuyến không phép', 'Unlicensed radio equipment'],
  unsafe_installation: ['Lắp đặt không an toàn', 'Unsafe installation'],
  minor: ['Nhẹ', 'Minor'], major: ['Đáng kể', 'Major'], serious: ['Nghiêm trọng', 'Serious'],
  fine: ['Phạt tiền', 'Fine'], licence_suspension: ['Đình chỉ giấy phép', 'Licence suspension'], referral_to_police: ['Chuyển cơ quan công an', 'Referral to the police'],
  undisclosed: ['Không công khai', 'Undisclosed'], unknown: ['Không rõ', 'Unknown'],
  province: ['Tỉnh', 'Province'], district: ['Huyện (cũ)', 'District (former)'], commune: ['Xã/phường', 'Commune'],
  city: ['Thành phố', 'City'], ward: ['Phường', 'Ward'],
  // Records named in the audit log.
  api_tokens: ['Khoá truy cập API', 'API tokens'], bulletins: ['Cảnh báo phương thức', 'Bulletins'], case_attachments: ['Ảnh vụ việc', 'Case photos'],
  case_comments: ['Ý kiến về vụ việc', 'Case comments'], cut_impact: ['Phân tích cắt tuyến', 'Cut impact'], hotline_reports: ['Tin báo đường dây nóng', 'Hotline reports'],
  inventory: ['Kiểm kê', 'Inventory'], patrol_plans: ['Kế hoạch tuần tra', 'Patrol plans'], patrol_tracks: ['Hành trình tuần tra', 'Patrol tracks'],
  reports: ['Báo cáo', 'Reports'], scrap_inspections: ['Kiểm tra cơ sở phế liệu', 'Scrap-dealer inspections'], users: ['Tài khoản', 'Accounts'], sessions: ['Phiên đăng nhập', 'Sessions'],
};

/** Codes asked for that have no label: the language test reads it (as `window.__netguardMissingLabels`) and fails on any. */
export const MISSING_LABELS = new Set<string>();

/**
 * Label of a vocabulary code in the given language; unknown codes are returned unchanged and remembered.
 * @example vocabularyLabel('cable_theft', 'vi') // "Trộm cắp cáp"
 */
export function vocabularyLabel(code: string, language: Language): string {
  const labels = LABELS[code];
  if (!labels) MISSING_LABELS.add(code);
  return labels ? labels[language === 'vi' ? 0 : 1] : code;
}
