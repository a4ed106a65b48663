import { COLLECTIONS } from '../../../server/collections/registry.ts';
import type { Language } from './dictionary.ts';

type Pattern = readonly [RegExp, vi: string, en: string];

/**
 * The server's problem messages (validation of bodies, features, imports) and their Vietnamese text; `$1`… are the
 * message's own values. `server-messages.test.ts` runs the server's checks and fails on a message missing here.
 */
const PATTERNS: readonly Pattern[] = [
  [/^required$/, 'bắt buộc nhập', 'required'],
  [/^outside the province$/, 'nằm ngoài địa giới tỉnh', 'outside the province'],
  [/^position \[(.+)\] is outside the province$/, 'điểm [$1] nằm ngoài địa giới tỉnh', 'position [$1] is outside the province'],
  [/^in the future$/, 'không được ở tương lai', 'in the future'],
  [/^in the past$/, 'không được ở quá khứ', 'in the past'],
  [/^out of range$/, 'ngoài khoảng cho phép', 'out of range'],
  [/^unsupported geometry type (.+)$/, 'kiểu hình học không được hỗ trợ: $1', 'unsupported geometry type $1'],
  [/^unknown property of \w+$/, 'trường không có trong lớp dữ liệu này', 'not a field of this layer'],
  [/^the polygon crosses itself near \[(.+)\]$/, 'ranh giới tự cắt gần [$1]', 'the boundary crosses itself near [$1]'],
  [/^the planning horizon must be at most (\d+) days$/, 'kế hoạch dài tối đa $1 ngày', 'the plan covers at most $1 days'],
  [/^site code (.+) is already stored$/, 'mã trạm $1 đã có trong hệ thống', 'site code $1 is already stored'],
  [/^not KML: .*$/s, 'không phải tệp KML hợp lệ', 'not a valid KML file'],
  [/^not JSON: .*$/s, 'không phải JSON hợp lệ', 'not valid JSON'],
  [/^not CSV: .*$/s, 'không phải tệp CSV hợp lệ', 'not a valid CSV file'],
  [/^farther than (\d+) m$/, 'cách xa hơn $1 m', 'farther than $1 m'],
  [/^duplicate of feature (\d+) in this file$/, 'trùng với đối tượng $1 trong tệp', 'duplicate of feature $1 in this file'],
  [/^at most (\d+) features per import$/, 'mỗi lần nhập tối đa $1 đối tượng', 'at most $1 features per import'],
  [/^\[(.+)\] is outside WGS84 .*$/, 'tọa độ [$1] nằm ngoài phạm vi kinh độ, vĩ độ (thứ tự: kinh độ, vĩ độ)', 'position [$1] is not a longitude, latitude'],
  [/^CSV carries points; .*$/, 'tệp CSV chỉ chứa điểm; lớp này cần đường hoặc vùng (hãy dùng GeoJSON hoặc KML)', 'CSV holds points; this layer needs lines or areas (use GeoJSON or KML)'],
  [/^(\w+)\/(\d+) does not exist$/, 'không có tài sản $2 của lớp này', 'asset $2 does not exist'],
  [/^(Point|LineString|MultiLineString|Polygon|MultiPolygon)( or (Point|LineString|MultiLineString|Polygon|MultiPolygon))* expected( for \w+)?$/, 'sai kiểu hình học cho lớp này', 'wrong geometry type for this layer'],
  [/^\w+ needs at least one part$/, 'hình học cần ít nhất một phần', 'the geometry needs at least one part'],
  [/^not a possible duplicate$/, 'không phải vụ có thể trùng', 'not a possible duplicate'],
  [/^not a police officer$/, 'không phải cán bộ công an', 'not a police officer'],
  [/^no such asset$/, 'không có tài sản này', 'no such asset'],
  [/^not found$/, 'không tìm thấy', 'not found'],
  [/^unknown (route|code)$/, 'không tồn tại', 'does not exist'],
  [/^lat and lon columns are required.*$/, 'cần cột lat và lon (hoặc latitude/longitude, lng)', 'lat and lon columns are required (or latitude/longitude, lng)'],
  [/^a wkt column, or lat and lon columns, are required.*$/, 'cần cột wkt, hoặc cột lat và lon (hoặc latitude/longitude, lng)', 'a wkt column, or lat and lon columns, are required'],
  [/^a wkt column is required: .*$/, 'cần cột wkt: lớp này cần dữ liệu dạng đường hoặc vùng', 'a wkt column is required: this layer needs lines or areas'],
  [/^not a usable GeoPackage: .*$/s, 'không phải tệp GeoPackage dùng được', 'not a usable GeoPackage'],
  [/^not GPX: .*$/s, 'không phải tệp GPX hợp lệ', 'not a valid GPX file'],
  [/^no <(\w+)> root element$/, 'tệp thiếu phần tử gốc <$1>', 'the file has no <$1> root element'],
  [/^endDate must not be before startDate$/, 'ngày kết thúc không được trước ngày bắt đầu', 'the end date must not be before the start date'],
  [/^an object of properties is required$/, 'cần các thuộc tính của đối tượng', 'the feature needs its properties'],
  [/^already in use$/, 'đã được sử dụng', 'already in use'],
  [/^a position is \[longitude, latitude\] with finite numbers$/, 'mỗi tọa độ là [kinh độ, vĩ độ] bằng số', 'each position is [longitude, latitude] in numbers'],
  [/^a polygon ring needs at least 4 positions$/, 'mỗi vòng ranh giới cần ít nhất 4 điểm', 'a boundary ring needs at least 4 positions'],
  [/^a polygon ring must end where it starts$/, 'vòng ranh giới phải khép kín', 'a boundary ring must be closed'],
  [/^a polygon needs an outer ring$/, 'vùng cần có ranh giới ngoài', 'an area needs an outer boundary'],
  [/^a line needs at least 2 positions$/, 'đường cần ít nhất 2 điểm', 'a line needs at least 2 positions'],
  [/^a carrier imports only its own assets$/, 'doanh nghiệp chỉ nhập tài sản của mình', 'a carrier imports only its own assets'],
  [/^a GeoJSON (geometry object|FeatureCollection|Feature) is required$/, 'cần dữ liệu GeoJSON đúng cấu trúc', 'GeoJSON of the right structure is required'],
  [/^the file holds no features$/, 'tệp không có đối tượng nào', 'the file holds no features'],
  [/^No targets to patrol: the plan is empty\.$/, 'Không có mục tiêu để tuần tra: kế hoạch trống.', 'No targets to patrol: the plan is empty.'],
  [/^at most (\d+) characters$/, 'tối đa $1 ký tự', 'at most $1 characters'],
  [/^"(.+)" is not one of .+$/, '“$1” không thuộc danh mục cho phép', '“$1” is not one of the allowed values'],
  [/^(text|date YYYY-MM-DD|ISO 8601 date-time|integer|number|true or false|list of text) expected, got .*$/s, 'sai kiểu dữ liệu', 'wrong kind of value'],
  [/^(an ISO 8601 date-time|a date YYYY-MM-DD|a real date)$/, 'ngày giờ không hợp lệ', 'not a valid date'],
  [/^digits only$/, 'chỉ gồm chữ số', 'digits only'],
  // The field app's check-ins and findings (server/field/routes.ts), read by the officer in the outbox.
  [/^no such plan$/, 'không có kế hoạch này', 'no such plan'],
  [/^plan is archived$/, 'đã kết thúc (được lưu trữ), không nhận thêm ghi nhận', 'has ended (archived) and takes no more records'],
  [/^plan is draft$/, 'chưa được phê duyệt', 'is not approved yet'],
  [/^no such stop$/, 'ca tuần tra không có điểm dừng này', 'the shift has no such stop'],
  [/^too far from the stop$/, 'quá xa điểm dừng', 'too far from the stop'],
  [/^before arrival$/, 'sớm hơn lúc đến', 'before the arrival'],
  [/^required for cable_damaged$/, 'bắt buộc khi cáp, thiết bị bị hư hại', 'required when a cable or equipment is damaged'],
  [/^not for nothing_found$/, 'không dùng khi không phát hiện gì', 'not when nothing was found'],
  // Inspections by agency and their plans (server/inspections/).
  [/^a target or a planItemId is required$/, 'cần chọn đối tượng kiểm tra hoặc một mục của kế hoạch', 'choose what was inspected, or an item of a plan'],
  [/^the target does not exist$/, 'đối tượng kiểm tra không tồn tại', 'the inspected feature does not exist'],
  [/^plan item (\d+) is of another target; leave the target out$/, 'mục kế hoạch $1 là kiểm tra đối tượng khác', 'plan item $1 is of another target'],
  [/^plan item (\d+) is of an area; leave the target out$/, 'mục kế hoạch $1 là kiểm tra một khu vực', 'plan item $1 is of an area'],
  [/^plan item (\d+) is not planned for this agency$/, 'mục kế hoạch $1 không giao cho cơ quan này', 'plan item $1 is not planned for this agency'],
  [/^choose the agency you record as$/, 'cần chọn cơ quan kiểm tra', 'choose the inspecting agency'],
  [/^your role does not record inspections as this agency$/, 'vai trò của bạn không ghi kết quả kiểm tra cho cơ quan này', 'your role does not record inspections for this agency'],
  [/^list only the other agencies, not the one recording$/, 'chỉ liệt kê các cơ quan phối hợp, không kể cơ quan ghi nhận', 'list only the other agencies, not the one recording'],
  [/^an agency is listed twice$/, 'một cơ quan được chọn hai lần', 'an agency is listed twice'],
  [/^the follow-up cannot come before the inspection$/, 'ngày kiểm tra lại không được trước ngày kiểm tra', 'the follow-up cannot come before the inspection'],
  [/^a sanction needs at least one finding$/, 'xử lý vi phạm cần ít nhất một nội dung phát hiện', 'a sanction needs at least one finding'],
  [/^an area holds no licence to suspend$/, 'khu vực không có giấy phép để đình chỉ', 'an area holds no licence to suspend'],
  [/^the period ends before it starts$/, 'ngày kết thúc trước ngày bắt đầu', 'the period ends before it starts'],
  [/^a plan covers at most (\d+) days$/, 'kế hoạch dài tối đa $1 ngày', 'a plan covers at most $1 days'],
  [/^outside the plan's period$/, 'ngoài thời gian của kế hoạch', "outside the plan's period"],
  // zod's own messages (body validation): their kind is enough to say what is wrong.
  [/^Invalid option.*$/s, 'giá trị không thuộc danh mục cho phép', 'not one of the allowed values'],
  [/^Too small.*$/s, 'quá ngắn hoặc quá nhỏ', 'too short or too small'],
  [/^Too big.*$/s, 'quá dài hoặc quá lớn', 'too long or too large'],
  [/^Unrecognized keys?.*$/s, 'có trường không được chấp nhận', 'has a field that is not accepted'],
  [/^Invalid input.*$/s, 'giá trị không hợp lệ', 'not a valid value'],
  [/^Invalid .*$/s, 'giá trị không hợp lệ', 'not a valid value'],
];

/** The problem message in `language`, or null when the catalogue does not know it (the test fails on those). */
export function translateProblem(message: string, language: Language): string | null {
  for (const [pattern, vi, en] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return message.replace(pattern, language === 'vi' ? vi : en);
  }
  return null;
}

const BODY_FIELDS: Record<string, readonly [string, string]> = {
  lon: ['kinh độ', 'longitude'], lat: ['vĩ độ', 'latitude'], geometry: ['vị trí trên bản đồ', 'location on the map'],
  occurredAt: ['thời điểm xảy ra', 'time of the incident'], seenAt: ['thời điểm nhìn thấy', 'time seen'], dueDate: ['hạn xử lý', 'due date'],
  officer: ['cán bộ', 'officer'], asset: ['tài sản liên quan', 'linked asset'], duplicateOf: ['vụ trùng', 'duplicate of'],
  protectedAssets: ['tài sản được bảo vệ', 'protected assets'], justification: ['lý do', 'justification'], reviewDate: ['ngày rà soát', 'review date'],
  effectiveDate: ['ngày hiệu lực', 'effective date'], startDate: ['ngày bắt đầu', 'start date'], endDate: ['ngày kết thúc', 'end date'],
  '(file)': ['tệp', 'file'], '(body)': ['dữ liệu gửi', 'request'], body: ['nội dung', 'text'], comment: ['ý kiến', 'comment'], reason: ['lý do', 'reason'],
  agency: ['cơ quan kiểm tra', 'inspecting agency'], jointWith: ['cơ quan phối hợp', 'agencies together'], target: ['đối tượng kiểm tra', 'inspected feature'],
  findings: ['nội dung phát hiện', 'findings'], decision: ['hình thức xử lý', 'decision'], followUpDate: ['ngày kiểm tra lại', 'follow-up date'],
  date: ['ngày', 'date'], items: ['mục kế hoạch', 'plan item'], agencies: ['cơ quan', 'agencies'], from: ['từ ngày', 'from'], to: ['đến ngày', 'to'],
  contact: ['liên lạc', 'contact'], phone: ['số điện thoại', 'phone'], description: ['mô tả', 'description'], units: ['số tổ', 'units'],
  planId: ['kế hoạch tuần tra', 'patrol plan'], stopOrder: ['điểm dừng', 'stop'], confirmedAt: ['thời điểm xác nhận', 'time confirmed'],
  incident: ['vụ việc', 'incident'],
};

/** A field's label from the registry (any collection), else from the bodies' field names; null when unknown. */
function fieldLabel(name: string, language: Language): string | null {
  for (const collection of COLLECTIONS) {
    const definition = collection.properties.find((property) => property.name === name);
    if (definition) return language === 'vi' ? definition.titleVi : definition.title;
  }
  const body = BODY_FIELDS[name];
  return body ? body[language === 'vi' ? 0 : 1] : null;
}

/**
 * A problem's path for people: `features[3].properties.owner` → "đối tượng 4 · Đơn vị sở hữu". Parts it cannot
 * name are left out rather than shown as JSON.
 */
export function problemPlace(path: string | undefined, language: Language): string {
  if (!path) return '';
  const parts: string[] = [];
  const feature = /features\[(\d+)\]/.exec(path);
  if (feature) parts.push(`${language === 'vi' ? 'đối tượng' : 'feature'} ${Number(feature[1]) + 1}`);
  const names = path.replace(/features\[\d+\]\.?/, '').split('.').filter((part) => part && part !== 'properties' && !/^\d+$/.test(part));
  const label = names.map((name) => fieldLabel(name, language)).filter((text): text is string => text !== null)[0];
  if (label) parts.push(label);
  return parts.join(' · ');
}
