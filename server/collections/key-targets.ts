import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';
import { KEY_TARGET_CATEGORIES, KEY_TARGET_STATUSES } from './vocabulary.ts';

export const keyTargets: CollectionDef = {
  id: 'key_targets',
  title: 'Key targets and key areas',
  titleVi: 'Mục tiêu, khu vực trọng điểm',
  description: 'Zones designated for protection around critical infrastructure (synthetic demo data).',
  geometry: 'Polygon',
  properties: [
    { name: 'name', type: 'text', titleVi: 'Tên', title: 'Name', required: true },
    { name: 'category', type: 'text', titleVi: 'Loại mục tiêu', title: 'Category', values: KEY_TARGET_CATEGORIES, required: true },
    { name: 'status', type: 'text', titleVi: 'Trạng thái', title: 'Status', values: KEY_TARGET_STATUSES, required: true },
    { name: 'protection_level', type: 'integer', titleVi: 'Mức bảo vệ', title: 'Protection level (1 highest)' },
    { name: 'effective_date', type: 'date', titleVi: 'Ngày hiệu lực', title: 'Effective date' },
    { name: 'legal_basis', type: 'text', titleVi: 'Căn cứ pháp lý', title: 'Legal basis' },
    { name: 'proposed_by', type: 'text', titleVi: 'Đơn vị đề xuất', title: 'Proposed by' },
    { name: 'reviewed_by', type: 'text', titleVi: 'Đơn vị thẩm định', title: 'Reviewed by' },
  ],
  temporalProperty: 'effective_date',
  searchProperties: ['name'],
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
