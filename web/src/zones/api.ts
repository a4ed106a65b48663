import type { Geometry } from 'geojson';
import { getJson, sendJson } from '../api/client.ts';

export type ReviewAction = 'approve' | 'reject' | 'return' | 'resubmit' | 'revoke';
export type ZoneSummary = {
  id: number;
  geometry: Geometry;
  properties: { name: string; category: string; status: string; protection_level: number | null; proposed_by: string | null; effective_date: string | null;
    review: { justification: string; reviewDate: string; proposedBy: string; protectedAssets: unknown[] } | null; actions: ReviewAction[] };
};
export type ZoneEvent = { at: string; actor: string; role: string | null; organisation: string | null; action: string; from: string | null; to: string; comment: string | null };
export type ZoneDetail = { zone: ZoneSummary; review: ZoneSummary['properties']['review']; actions: ReviewAction[]; history: ZoneEvent[] };
export type NewProposal = {
  name: string; category: string; protectionLevel: number; justification: string; reviewDate: string; effectiveDate: string | null;
  protectedAssets: { collection: string; id: number }[]; geometry: Geometry;
};

export const fetchQueue = (signal?: AbortSignal) => getJson<{ features: ZoneSummary[] }>('/api/key-targets/review-queue', signal);
export const fetchZone = (id: number, signal?: AbortSignal) => getJson<ZoneDetail>(`/api/key-targets/${id}`, signal);
export const proposeZone = (proposal: NewProposal) => sendJson<ZoneSummary>('POST', '/api/key-targets/proposals', proposal);
export const reviewZone = (id: number, action: ReviewAction, comment: string) => sendJson<ZoneSummary>('POST', `/api/key-targets/${id}/transitions`, { action, comment });
