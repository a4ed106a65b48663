import type { HotlineReport, HotlineStatus } from '../hotline.ts';

// A hotline report's row, as both providers' tables hold it.

export type HotlineReportRow = {
  id: number; tracking_code: string; lon: number; lat: number; seen_at: string; description: string; category: string | null;
  contact_name: string | null; contact_phone: string | null; status: HotlineStatus; closing_reason: string | null; incident_id: number | null;
  received_at: string; handled_by: string | null; handled_at: string | null;
};

export const hotlineReportOf = (row: HotlineReportRow): HotlineReport => ({
  id: row.id, trackingCode: row.tracking_code, lon: row.lon, lat: row.lat, seenAt: row.seen_at, description: row.description, category: row.category,
  contact: row.contact_name || row.contact_phone ? { name: row.contact_name, phone: row.contact_phone } : null,
  status: row.status, closingReason: row.closing_reason, incidentId: row.incident_id, receivedAt: row.received_at, handledBy: row.handled_by, handledAt: row.handled_at,
});
