import { getJson, sendJson } from '../api/client.ts';
import type { ApiFeature } from '../api/types.ts';

export type IncidentEvent = { at: string; actor: string; role: string | null; from: string | null; to: string; comment: string | null; duplicateOf: number | null };
export type NearbyAsset = { collection: string; id: number; owner: string; meters: number; label: string | null };
export type HotlineReport = {
  id: number; trackingCode: string; lon: number; lat: number; seenAt: string; description: string; status: string;
  photo: string | null; contact: { name: string | null; phone: string | null } | 'hidden' | null; closingReason: string | null; incidentId: number | null;
};
export type Bulletin = { id: number; title: string; body: string; severity: string; audience: 'all' | string[]; publishedBy: string; publishedAt: string };

export const fetchHistory = (id: number | string, signal?: AbortSignal) => getJson<{ status: string; events: IncidentEvent[] }>(`/api/incidents/${id}/history`, signal);
export const moveIncident = (id: number | string, body: { to: string; comment?: string; duplicateOf?: number }) => sendJson<ApiFeature>('POST', `/api/incidents/${id}/transitions`, body);
export const nearbyAssets = (lon: number, lat: number, signal?: AbortSignal) => getJson<{ assets: NearbyAsset[] }>(`/api/incidents/nearest-assets?lon=${lon}&lat=${lat}`, signal);
export const fileIncident = (body: Record<string, unknown>) => sendJson<ApiFeature>('POST', '/api/incidents', body);
export const fetchHotline = (signal?: AbortSignal) => getJson<{ reports: HotlineReport[] }>('/api/hotline/reports?status=received', signal);
export const convertReport = (id: number, type: string) => sendJson<{ incident: ApiFeature; possibleDuplicates: { id: number }[] }>('POST', `/api/hotline/reports/${id}/convert`, { type });
export const closeReport = (id: number, reason: string) => sendJson<unknown>('POST', `/api/hotline/reports/${id}/close`, { reason });
export const fetchBulletins = (signal?: AbortSignal) => getJson<{ bulletins: Bulletin[] }>('/api/bulletins', signal);
export const publishBulletin = (body: { title: string; body: string; audience: 'all' | string[]; severity: string }) => sendJson<Bulletin>('POST', '/api/bulletins', body);
