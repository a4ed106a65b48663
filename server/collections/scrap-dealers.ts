import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';
import { INSPECTION_RESULTS } from './vocabulary.ts';

export const scrapDealers: CollectionDef = {
  id: 'scrap_dealers',
  title: 'Scrap dealers',
  titleVi: 'Cơ sở thu mua phế liệu',
  description: 'Scrap dealers that communes and the police inspect so they do not buy cable of unknown origin (synthetic demo data).',
  geometry: 'Point',
  properties: [
    { name: 'name', type: 'text', titleVi: 'Tên cơ sở', title: 'Name', required: true },
    { name: 'address', type: 'text', titleVi: 'Địa chỉ', title: 'Address' },
    { name: 'commune_code', type: 'text', titleVi: 'Mã xã, phường', title: 'Commune code' },
    { name: 'commune_name', type: 'text', titleVi: 'Xã, phường', title: 'Commune' },
    { name: 'district_code', type: 'text', titleVi: 'Mã huyện cũ', title: 'Former district code' },
    { name: 'district_name', type: 'text', titleVi: 'Huyện cũ', title: 'Former district' },
    { name: 'last_inspection_date', type: 'date', titleVi: 'Ngày kiểm tra gần nhất', title: 'Last inspection' },
    { name: 'last_inspection_result', type: 'text', titleVi: 'Kết quả kiểm tra', title: 'Inspection result', values: INSPECTION_RESULTS },
  ],
  temporalProperty: 'last_inspection_date',
  searchProperties: ['name'],
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
