import { getJson, sendJson } from '../api/client.ts';

export type NewReport = { lon: number; lat: number; seenAt: string; description: string; contact?: { name?: string; phone?: string } };
export type Tracked = { trackingCode: string; status: 'received' | 'under_review' | 'converted' | 'closed'; closingReason?: string | null; helped?: boolean; [key: string]: unknown };

export const fileReport = (report: NewReport) => sendJson<{ trackingCode: string }>('POST', '/api/hotline/reports', report);
export const trackReport = (code: string, signal?: AbortSignal) =>
  getJson<Tracked>(`/api/hotline/reports/track/${encodeURIComponent(code.trim().toUpperCase())}`, signal);
