import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';
import { ASSET_STATUSES, FACILITY_KINDS, OWNERS } from './vocabulary.ts';

export const facilities: CollectionDef = {
  id: 'facilities',
  title: 'Facilities',
  titleVi: 'Cơ sở hạ tầng',
  description: 'Exchanges, data centres, post offices, postal agents and radio stations (synthetic demo data).',
  geometry: 'Point',
  properties: [
    { name: 'name', type: 'text', titleVi: 'Tên', title: 'Name', required: true },
    { name: 'kind', type: 'text', titleVi: 'Loại', title: 'Kind', values: FACILITY_KINDS, required: true },
    { name: 'owner', type: 'text', titleVi: 'Đơn vị sở hữu', title: 'Owner', values: OWNERS, required: true },
    { name: 'address', type: 'text', titleVi: 'Địa chỉ', title: 'Address' },
    { name: 'status', type: 'text', titleVi: 'Trạng thái', title: 'Status', values: ASSET_STATUSES, required: true },
  ],
  searchProperties: ['name'],
  tileProperties: ['kind', 'owner', 'status'],
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
