import { useLanguage } from '../i18n/language.tsx';

const vi = {
  modeNetwork: 'Mạng lưới', title: 'Mạng lưới của đơn vị', intro: 'Vẽ, sửa, xoá tài sản và đại lý dịch vụ của đơn vị mình, hoặc nhập từ tệp.',
  newCable: 'Vẽ tuyến cáp', newSite: 'Thêm trạm BTS', newFacility: 'Thêm cơ sở', newAgent: 'Thêm đại lý', selected: 'Đối tượng đang chọn', edit: 'Sửa', delete: 'Xoá',
  notYours: 'Tài sản của đơn vị khác: chỉ xem vị trí, chủ sở hữu và trạng thái.',
  agentNotYours: 'Đại lý của doanh nghiệp khác hoặc đại lý độc lập: chỉ xem vị trí, loại, chủ quản và trạng thái; chỉ doanh nghiệp chủ quản được sửa.',
  agentNote: 'Kết quả kiểm tra do cơ quan kiểm tra (công an, Sở, các ngành) ghi nhận, doanh nghiệp không sửa được. Đại lý mới bắt đầu ở trạng thái “Chưa kiểm tra”.', selectHint: 'Chọn một tài sản hoặc đại lý trên bản đồ để sửa hoặc xoá.',
  drawLine: 'Nhấp trên bản đồ để vẽ tuyến, nhấp đúp để kết thúc. Kéo các đỉnh để chỉnh.', drawPoint: 'Nhấp trên bản đồ để đặt vị trí. Kéo để chỉnh.',
  redraw: 'Vẽ lại', geometryMissing: 'Chưa vẽ vị trí trên bản đồ.', editTitle: 'Sửa', newTitle: 'Thêm mới',
  saved: 'Đã lưu', deleted: 'Đã xoá', confirmDelete: 'Xoá đối tượng này? Có thể hoàn tác ngay sau khi xoá.', restored: 'Đã khôi phục',
  importTitle: 'Nhập từ tệp (GeoJSON, KML, CSV, GeoPackage)', importLayer: 'Lớp dữ liệu', importFile: 'Tệp', check: 'Kiểm tra', import: 'Nhập dữ liệu',
  importOk: 'Tệp hợp lệ, sẵn sàng nhập', imported: 'Đã lưu', problems: 'Lỗi cần sửa (chưa nhập đối tượng nào)',
  templates: 'Tệp mẫu', onMap: '(đang hiện trên bản đồ, chưa lưu)',
  row: 'Dòng', feature: 'Đối tượng', unknownFormat: 'Chỉ nhận tệp .geojson, .json, .kml, .csv hoặc .gpkg',
  plannedNote: 'Trạng thái “Quy hoạch” dùng cho kế hoạch phát triển mạng gửi Sở Khoa học và Công nghệ.',
  changedMeanwhile: 'Người khác vừa sửa tài sản này sau khi bạn mở nó, nên thay đổi của bạn chưa được lưu. Hãy tải bản mới rồi sửa lại.', reload: 'Tải bản mới', restoreFailed: 'Không khôi phục được',
} as const;

type NetworkKey = keyof typeof vi;

const en: Record<NetworkKey, string> = {
  modeNetwork: 'Network', title: 'Your network', intro: "Draw, edit and delete your organisation's assets and service agents, or import them from a file.",
  newCable: 'Draw a cable route', newSite: 'Add a BTS site', newFacility: 'Add a facility', newAgent: 'Add a service agent', selected: 'Selected feature', edit: 'Edit', delete: 'Delete',
  notYours: "Another carrier's asset: you see its location, owner and status only.",
  agentNotYours: "Another carrier's or an independent agent: you see its location, kind, owner and status only; only its own carrier edits it.",
  agentNote: 'Inspection results are recorded by the inspecting agencies (police, the department, other agencies); a carrier cannot change them. A new agent starts as “not inspected”.', selectHint: 'Select one of your assets or agents on the map to edit or delete it.',
  drawLine: 'Click on the map to draw the route, double-click to finish. Drag vertices to adjust.', drawPoint: 'Click on the map to place it. Drag to adjust.',
  redraw: 'Redraw', geometryMissing: 'Nothing drawn on the map yet.', editTitle: 'Edit', newTitle: 'New',
  saved: 'Saved', deleted: 'Deleted', confirmDelete: 'Delete this feature? You can undo right after.', restored: 'Restored',
  importTitle: 'Import from a file (GeoJSON, KML, CSV, GeoPackage)', importLayer: 'Layer', importFile: 'File', check: 'Check', import: 'Import',
  importOk: 'The file is valid and ready to import', imported: 'Stored', problems: 'Problems to fix (nothing was imported)',
  templates: 'Templates', onMap: '(shown on the map, not stored yet)',
  row: 'Row', feature: 'Feature', unknownFormat: 'Only .geojson, .json, .kml, .csv or .gpkg files',
  plannedNote: 'Status “Planned” is for network development plans sent to the Department of Science and Technology.',
  changedMeanwhile: 'Someone else changed this asset after you opened it, so your change was not saved. Load their version and edit again.', reload: 'Load the new version', restoreFailed: 'Could not restore it',
};

export function useNetworkText() {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return (key: NetworkKey) => table[key];
}
