import { hasRole } from '../auth/principal.ts';
import type { CollectionDef } from '../collections/types.ts';
import { createHotlineStore } from '../hotline/store.ts';
import { recordSource, type CollectionSource } from '../ogc/sources.ts';
import type { Services } from '../services.ts';
import type { StoredFeature } from '../storage/provider.ts';

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

/** Patrol plans and hotline reports published in OGC API – Features for security staff (and GIS clients with their tokens). */
export function publishedSources(services: Services): CollectionSource[] {
  const security = (principal: Parameters<typeof hasRole>[0]) => hasRole(principal, 'admin', 'police_planner', 'dic_reviewer');
  const plans = () => services.plans.list().slice().reverse().map((plan, index): StoredFeature => {
    const shifts = (plan.body.shifts as { route: { geometry: { coordinates: number[][] } } }[] | undefined) ?? [];
    return {
      type: 'Feature', id: index + 1, geometry: { type: 'MultiLineString', coordinates: shifts.map((shift) => shift.route.geometry.coordinates) },
      properties: { plan_id: plan.id, name: plan.name, status: plan.status, start_date: plan.startDate, end_date: plan.endDate, coverage: (plan.body.coverage as { expectedRiskSharePerDay?: number } | undefined)?.expectedRiskSharePerDay ?? null },
    };
  }).filter((feature) => (feature.geometry as { coordinates: unknown[] }).coordinates.length > 0);
  const hotline = createHotlineStore(services.db);
  const reports = () => hotline.list(null, 100_000, 0).reports.map((report): StoredFeature => ({
    type: 'Feature', id: report.id, geometry: { type: 'Point', coordinates: [report.lon, report.lat] },
    properties: { tracking_code: report.trackingCode, status: report.status, seen_at: report.seenAt, received_at: report.receivedAt, description: report.description, incident_id: report.incidentId },
  }));
  return [recordSource(PATROL_PLANS_COLLECTION, security, plans), recordSource(HOTLINE_COLLECTION, security, reports)];
}
