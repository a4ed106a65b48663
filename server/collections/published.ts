import type { CollectionDef } from './types.ts';

/**
 * Records of NetGuard's workflows published as read-only OGC API collections (`server/published/`): not tables of
 * the registry, but their stores answer the same items queries.
 */
const PROVENANCE = 'NetGuard records';

export const PATROL_PLANS_COLLECTION: CollectionDef = {
  id: 'patrol_plans', title: 'Patrol plans', titleVi: 'Kế hoạch tuần tra', description: 'Saved patrol plans: every shift route of a plan as one multi-line.',
  geometry: 'Line', synthetic: false, attribution: PROVENANCE, temporalProperty: 'start_date',
  properties: [
    { name: 'plan_id', type: 'text', titleVi: 'Mã kế hoạch', title: 'Plan id' },
    { name: 'name', type: 'text', titleVi: 'Tên', title: 'Name' },
    { name: 'status', type: 'text', titleVi: 'Trạng thái', title: 'Status', values: ['draft', 'approved', 'archived'] },
    { name: 'start_date', type: 'date', titleVi: 'Từ ngày', title: 'Start' },
    { name: 'end_date', type: 'date', titleVi: 'Đến ngày', title: 'End' },
    { name: 'coverage', type: 'real', titleVi: 'Tỷ lệ rủi ro bao phủ/ngày', title: 'Risk share covered per day' },
  ],
};

export const HOTLINE_COLLECTION: CollectionDef = {
  id: 'hotline_reports', title: 'Hotline reports', titleVi: 'Tin báo của người dân', description: 'Citizen hotline reports (no contact details).',
  geometry: 'Point', synthetic: false, attribution: PROVENANCE, temporalProperty: 'seen_at',
  properties: [
    { name: 'tracking_code', type: 'text', titleVi: 'Mã tra cứu', title: 'Tracking code' },
    { name: 'status', type: 'text', titleVi: 'Trạng thái', title: 'Status', values: ['received', 'converted', 'closed'] },
    { name: 'seen_at', type: 'datetime', titleVi: 'Thời điểm', title: 'Seen at' },
    { name: 'received_at', type: 'datetime', titleVi: 'Tiếp nhận', title: 'Received at' },
    { name: 'description', type: 'text', titleVi: 'Nội dung', title: 'Description' },
    { name: 'incident_id', type: 'integer', titleVi: 'Vụ việc', title: 'Incident' },
  ],
};
