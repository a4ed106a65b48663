import { COLLECTIONS } from './registry.ts';

const OWNER_LABELS: Record<string, string> = { viettel: 'Viettel', vnpt: 'VNPT', mobifone: 'MobiFone', fpt: 'FPT', vnpost: 'VNPost' };
const UNIT_LABELS: Record<string, string> = { province: 'Tỉnh', city: 'Thành phố (cũ)', district: 'Huyện (cũ)', ward: 'Phường', commune: 'Xã' };
const FACILITY_LABELS: Record<string, string> = {
  exchange: 'Tổng đài',
  data_centre: 'Trung tâm dữ liệu',
  post_office: 'Bưu cục',
  postal_agent: 'Điểm bưu điện',
  radio_station: 'Đài vô tuyến',
};

function withOwner(label: string, owner: unknown): string {
  return typeof owner === 'string' && OWNER_LABELS[owner] ? `${label} · ${OWNER_LABELS[owner]}` : label;
}

function roadLabel(properties: Record<string, unknown>): string {
  const ref = typeof properties.ref === 'string' ? properties.ref : '';
  if (/^CT/i.test(ref) || properties.road_class === 'expressway' || properties.road_class === 'motorway') return 'Đường cao tốc';
  if (/^(QL|AH)/i.test(ref) || properties.road_class === 'national_highway' || properties.road_class === 'trunk') return 'Quốc lộ';
  if (/^(ĐT|DT)/i.test(ref)) return 'Đường tỉnh';
  return 'Đường';
}

/** Says in Vietnamese what a search hit is, e.g. "Huyện (cũ)", "Xã", "Trạm BTS · Viettel", "Quốc lộ". */
export function searchDetail(collectionId: string, properties: Record<string, unknown>): string | null {
  switch (collectionId) {
    case 'admin_areas': {
      const unit = typeof properties.unit_type === 'string' ? properties.unit_type : properties.level;
      return typeof unit === 'string' ? (UNIT_LABELS[unit] ?? null) : null;
    }
    case 'roads':
      return roadLabel(properties);
    case 'bts_sites':
      return withOwner('Trạm BTS', properties.owner);
    case 'cable_routes':
      return withOwner('Tuyến cáp', properties.owner);
    case 'facilities':
      return withOwner(FACILITY_LABELS[String(properties.kind)] ?? 'Cơ sở', properties.owner);
    default:
      return COLLECTIONS.find((collection) => collection.id === collectionId)?.titleVi ?? null;
  }
}

/** Admin areas rank before other collections (province, district, commune), then registry order. */
export function searchGroupRank(collectionId: string, properties: Record<string, unknown>): number {
  if (collectionId === 'admin_areas') {
    const level = ['province', 'district', 'commune'].indexOf(String(properties.level));
    return level < 0 ? 2 : level;
  }
  return 3 + COLLECTIONS.findIndex((collection) => collection.id === collectionId);
}
