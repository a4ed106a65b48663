import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';
import { ASSET_STATUSES, CABLE_LAYINGS, CABLE_MEDIA, CABLE_TIERS, OWNERS } from './vocabulary.ts';

export const cableRoutes: CollectionDef = {
  id: 'cable_routes',
  title: 'Cable routes',
  titleVi: 'Tuyến cáp',
  description: "Carriers' fibre and copper cable routes (synthetic demo data that follows the real roads).",
  geometry: 'Line',
  properties: [
    { name: 'name', type: 'text', titleVi: 'Tên tuyến', title: 'Name', required: true },
    { name: 'owner', type: 'text', titleVi: 'Đơn vị sở hữu', title: 'Owner', values: OWNERS, required: true },
    { name: 'medium', type: 'text', titleVi: 'Loại cáp', title: 'Medium', values: CABLE_MEDIA, required: true },
    { name: 'laying', type: 'text', titleVi: 'Phương thức lắp đặt', title: 'Laying', values: CABLE_LAYINGS, required: true },
    { name: 'fibre_count', type: 'integer', titleVi: 'Số sợi', title: 'Fibre count' },
    { name: 'tier', type: 'text', titleVi: 'Cấp mạng', title: 'Tier', values: CABLE_TIERS, required: true },
    { name: 'status', type: 'text', titleVi: 'Trạng thái', title: 'Status', values: ASSET_STATUSES, required: true },
    { name: 'year_installed', type: 'integer', titleVi: 'Năm lắp đặt', title: 'Year installed' },
    { name: 'length_m', type: 'real', titleVi: 'Chiều dài (m)', title: 'Length (m)' },
    // Issue 18: what turns a fibre monitor's optical distance into a place on the route (server/alarms/slack-points.ts).
    { name: 'slack_points', type: 'text', titleVi: 'Cuộn cáp dự phòng (vị trí m:dài m)', title: 'Reserve coils (position m:slack m)' },
    { name: 'twist_factor', type: 'real', titleVi: 'Hệ số xoắn sợi quang', title: 'Twist factor' },
  ],
  searchProperties: ['name'],
  tileProperties: ['owner', 'tier', 'status'],
  // As on any network map: the backbone at country scale, the provincial trunk from zoom 8, the access network from 10.
  tileMinZoom: { property: 'tier', zooms: { backbone: 0, trunk: 8, access: 10 } },
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
