import type { CollectionDef } from './types.ts';
import { SYNTHETIC_ATTRIBUTION } from './attribution.ts';
import { AGENT_OWNERS, AGENT_STATUSES, INSPECTION_RESULTS, SERVICE_AGENT_KINDS } from './vocabulary.ts';

export const serviceAgents: CollectionDef = {
  id: 'service_agents',
  title: 'Service agents',
  titleVi: 'Đại lý dịch vụ bưu chính, viễn thông, Internet',
  description: "Postal agents, telecom and SIM agents and internet or game shops, each a carrier's agent or independent, with their last inspection (synthetic demo data).",
  geometry: 'Point',
  properties: [
    { name: 'name', type: 'text', titleVi: 'Tên đại lý', title: 'Name', required: true },
    { name: 'kind', type: 'text', titleVi: 'Loại đại lý', title: 'Kind', values: SERVICE_AGENT_KINDS, required: true },
    { name: 'owner', type: 'text', titleVi: 'Doanh nghiệp chủ quản', title: 'Owner', values: AGENT_OWNERS, required: true },
    { name: 'address', type: 'text', titleVi: 'Địa chỉ', title: 'Address' },
    { name: 'commune_code', type: 'text', titleVi: 'Mã xã, phường', title: 'Commune code' },
    { name: 'commune_name', type: 'text', titleVi: 'Xã, phường', title: 'Commune' },
    { name: 'licence', type: 'text', titleVi: 'Số hợp đồng đại lý, giấy phép', title: 'Agency contract or licence' },
    { name: 'licence_expiry', type: 'date', titleVi: 'Hiệu lực đến', title: 'Valid until' },
    { name: 'status', type: 'text', titleVi: 'Trạng thái', title: 'Status', values: AGENT_STATUSES, required: true },
    { name: 'district_code', type: 'text', titleVi: 'Mã huyện cũ', title: 'Former district code' },
    { name: 'last_inspection_date', type: 'date', titleVi: 'Ngày kiểm tra gần nhất', title: 'Last inspection' },
    { name: 'last_inspection_result', type: 'text', titleVi: 'Kết quả kiểm tra', title: 'Inspection result', values: INSPECTION_RESULTS },
  ],
  searchProperties: ['name', 'address'],
  tileProperties: ['kind', 'owner', 'status', 'last_inspection_result'],
  synthetic: true,
  attribution: SYNTHETIC_ATTRIBUTION,
};
