import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';
import { ASSET_COLLECTIONS, INCIDENT_SOURCES, INCIDENT_STATUSES, INCIDENT_TYPES, OWNERS } from './vocabulary.ts';

export const incidents: CollectionDef = {
  id: 'incidents',
  title: 'Incidents',
  titleVi: 'Sự cố, vụ việc',
  description: 'Thefts, cuts, sabotage, alarms and other incidents on the network (synthetic demo data).',
  geometry: 'Point',
  properties: [
    { name: 'type', type: 'text', titleVi: 'Loại vụ việc', title: 'Type', values: INCIDENT_TYPES, required: true },
    { name: 'occurred_at', type: 'datetime', titleVi: 'Thời điểm xảy ra', title: 'Occurred at', required: true },
    { name: 'reported_at', type: 'datetime', titleVi: 'Thời điểm báo tin', title: 'Reported at', required: true },
    { name: 'source', type: 'text', titleVi: 'Nguồn tin', title: 'Source', values: INCIDENT_SOURCES, required: true },
    { name: 'status', type: 'text', titleVi: 'Trạng thái', title: 'Status', values: INCIDENT_STATUSES, required: true },
    { name: 'asset_collection', type: 'text', titleVi: 'Lớp tài sản liên quan', title: 'Linked asset layer', values: ASSET_COLLECTIONS },
    { name: 'asset_id', type: 'integer', titleVi: 'Mã tài sản liên quan', title: 'Linked asset id' },
    { name: 'asset_owner', type: 'text', titleVi: 'Chủ tài sản', title: 'Asset owner', values: OWNERS },
    { name: 'damage_vnd', type: 'integer', titleVi: 'Thiệt hại ước tính (VNĐ)', title: 'Estimated damage (VND)' },
    { name: 'outage_minutes', type: 'integer', titleVi: 'Thời gian gián đoạn (phút)', title: 'Outage (minutes)' },
    // Carrier evidence of an international call bypass (sim_box): how many SIMs, how much traffic, where it was seen.
    { name: 'sim_count', type: 'integer', titleVi: 'Số SIM sử dụng', title: 'SIMs used' },
    { name: 'call_minutes', type: 'integer', titleVi: 'Lưu lượng cuộc gọi (phút)', title: 'Call volume (minutes)' },
    { name: 'cell_ids', type: 'text[]', titleVi: 'Trạm, cell ghi nhận lưu lượng', title: 'Cells where the traffic was seen' },
    { name: 'uncertainty_m', type: 'integer', titleVi: 'Bán kính sai số vị trí (m)', title: 'Position uncertainty (m)' },
    { name: 'commune_code', type: 'text', titleVi: 'Mã xã, phường', title: 'Commune code' },
    { name: 'district_code', type: 'text', titleVi: 'Mã huyện cũ', title: 'Former district code' },
    { name: 'description', type: 'text', titleVi: 'Mô tả', title: 'Description' },
  ],
  temporalProperty: 'occurred_at',
  tileProperties: ['type', 'status'],
  aggregateBy: 'asset_owner',
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
