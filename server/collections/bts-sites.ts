import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';
import { ASSET_STATUSES, BACKHAUL, BACKUP_POWER, BTS_TECHNOLOGIES, OWNERS, TOWER_TYPES } from './vocabulary.ts';

export const btsSites: CollectionDef = {
  id: 'bts_sites',
  title: 'BTS cell sites',
  titleVi: 'Trạm BTS',
  description: 'Base transceiver stations (synthetic demo data).',
  geometry: 'Point',
  properties: [
    { name: 'site_code', type: 'text', titleVi: 'Mã trạm', title: 'Site code', required: true },
    { name: 'owner', type: 'text', titleVi: 'Đơn vị sở hữu', title: 'Owner', values: OWNERS, required: true },
    { name: 'technologies', type: 'text[]', titleVi: 'Công nghệ', title: 'Technologies', values: BTS_TECHNOLOGIES, required: true },
    { name: 'tower_type', type: 'text', titleVi: 'Loại cột', title: 'Tower type', values: TOWER_TYPES },
    { name: 'tower_height_m', type: 'real', titleVi: 'Chiều cao cột (m)', title: 'Tower height (m)' },
    { name: 'backup_power', type: 'text', titleVi: 'Nguồn dự phòng', title: 'Backup power', values: BACKUP_POWER },
    { name: 'alarm_equipped', type: 'boolean', titleVi: 'Có báo động chống trộm', title: 'Anti-theft alarm' },
    { name: 'status', type: 'text', titleVi: 'Trạng thái', title: 'Status', values: ASSET_STATUSES, required: true },
    { name: 'commune_code', type: 'text', titleVi: 'Mã xã/phường', title: 'Commune code' },
    { name: 'backhaul', type: 'text', titleVi: 'Truyền dẫn', title: 'Backhaul', values: BACKHAUL },
    { name: 'backhaul_site_code', type: 'text', titleVi: 'Trạm cấp truyền dẫn vi ba', title: 'Microwave hub site code' },
  ],
  searchProperties: ['site_code'],
  tileProperties: ['owner', 'status'],
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
