import type { CollectionDef } from './types.ts';
import { OSM_ATTRIBUTION } from './attribution.ts';

export const roads: CollectionDef = {
  id: 'roads',
  title: 'Main roads',
  titleVi: 'Đường chính',
  description: 'National highways and expressways from OpenStreetMap, clipped to the province.',
  geometry: 'Line',
  properties: [
    { name: 'osm_id', type: 'text', titleVi: 'Mã OSM', title: 'OSM id', required: true },
    { name: 'ref', type: 'text', titleVi: 'Số hiệu', title: 'Reference' },
    { name: 'name', type: 'text', titleVi: 'Tên', title: 'Name' },
    { name: 'road_class', type: 'text', titleVi: 'Cấp đường', title: 'Road class' },
  ],
  searchProperties: ['ref', 'name'],
  synthetic: false,
  attribution: OSM_ATTRIBUTION,
};
