import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';

export const policeStations: CollectionDef = {
  id: 'police_stations',
  title: 'Police stations',
  titleVi: 'Trụ sở công an',
  description: 'Commune and ward police in the former district towns: the bases that patrol plans start from (demo positions).',
  geometry: 'Point',
  properties: [
    { name: 'name', type: 'text', titleVi: 'Tên đơn vị', title: 'Name', required: true },
    { name: 'commune_code', type: 'text', titleVi: 'Mã xã, phường', title: 'Commune code' },
    { name: 'commune_name', type: 'text', titleVi: 'Xã, phường', title: 'Commune' },
    { name: 'district_code', type: 'text', titleVi: 'Mã huyện cũ', title: 'Former district code', required: true },
    { name: 'district_name', type: 'text', titleVi: 'Huyện cũ', title: 'Former district' },
  ],
  searchProperties: ['name'],
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
