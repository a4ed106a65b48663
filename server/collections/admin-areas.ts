import type { CollectionDef } from './types.ts';
import { ADMIN_ATTRIBUTION } from './attribution.ts';
import { ADMIN_LEVELS } from './vocabulary.ts';

export const adminAreas: CollectionDef = {
  id: 'admin_areas',
  title: 'Administrative areas',
  titleVi: 'Địa giới hành chính',
  description:
    "The deployment's area (for the demo the former Kon Tum province), its communes and wards of 2025 (the live level since districts were abolished on 1 July 2025) and its former districts, dissolved from the communes and kept as a historical grouping.",
  geometry: 'Polygon',
  properties: [
    { name: 'level', type: 'text', titleVi: 'Cấp', title: 'Level', values: ADMIN_LEVELS, required: true },
    { name: 'code', type: 'text', titleVi: 'Mã', title: 'Code', required: true },
    { name: 'name', type: 'text', titleVi: 'Tên', title: 'Name', required: true },
    { name: 'name_en', type: 'text', titleVi: 'Tên tiếng Anh', title: 'English name' },
    { name: 'unit_type', type: 'text', titleVi: 'Loại đơn vị', title: 'Unit type', values: ['province', 'city', 'district', 'ward', 'commune'] },
    { name: 'district_code', type: 'text', titleVi: 'Mã huyện cũ', title: 'Former district code' },
    { name: 'district_name', type: 'text', titleVi: 'Huyện cũ', title: 'Former district' },
  ],
  searchProperties: ['name', 'name_en'],
  synthetic: false,
  attribution: ADMIN_ATTRIBUTION,
};
