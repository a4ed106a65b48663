import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';

export const policeStations: CollectionDef = {
  id: 'police_stations',
  title: 'District police stations',
  titleVi: 'Trụ sở công an huyện',
  description: 'District police stations: the bases that patrol plans start from (demo positions in the district towns).',
  geometry: 'Point',
  properties: [
    { name: 'name', type: 'text', titleVi: 'Tên đơn vị', title: 'Name', required: true },
    { name: 'district_code', type: 'text', titleVi: 'Mã huyện cũ', title: 'Former district code', required: true },
    { name: 'district_name', type: 'text', titleVi: 'Huyện cũ', title: 'Former district' },
  ],
  searchProperties: ['name'],
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
