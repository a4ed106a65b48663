import { getJson, sendJson, sendText } from '../api/client.ts';
import type { ApiFeature } from '../api/types.ts';
import type { IncidentEvent } from '../incidents/api.ts';

export type CaseRow = {
  id: number; type: string; status: string; source: string; occurredAt: string; reportedAt: string; lon: number; lat: number;
  districtCode: string | null; district: string | null; commune: string | null; assetCollection: string | null; assetId: number | null;
  assetOwner: string | null; assetLabel: string | null; trackingCode: string | null; description: string | null;
  officer: string | null; dueDate: string | null; overdue: boolean; isNew: boolean;
};
export type RegisterPage = { numberMatched: number; numberReturned: number; offset: number; limit: number; cases: CaseRow[] };
export type Badges = { unread: number; overdue: number; assignedToMe: number };
export type Officer = { username: string; displayName: string; organisation: string };
export type CaseEvent = { id: number; at: string; actor: string; role: string | null; kind: 'comment' | 'assignment'; body: string | null; officer: string | null; dueDate: string | null };
export type Attachment = { id: number; source: 'field' | 'office' | 'hotline' | 'patrol'; mediaType: string; byteSize: number; caption: string | null; uploadedBy: string; uploadedAt: string; href: string };
export type NearbyIncident = { id: number; type: string; status: string; occurredAt: string; meters: number; coordinates: [number, number] };
export type CaseFile = {
  incident: ApiFeature & { id: number };
  place: { commune: string | null; district: string | null };
  assignment: { officer: string; dueDate: string; assignedBy: string; assignedAt: string; overdue: boolean } | null;
  history: IncidentEvent[];
  events: CaseEvent[];
  attachments: Attachment[];
  /** The hotline report's photo and the field findings' photos (police only; empty for everyone else). */
  photos: (Attachment & { width: number; height: number })[];
  asset: (ApiFeature & { collection: string }) | null;
  nearby: NearbyIncident[];
  hotline: { reportId: number; trackingCode: string; seenAt: string; receivedAt: string; description: string; contact: { name: string | null; phone: string | null } | 'hidden' | null } | null;
};

export const fetchRegister = (query: string, signal?: AbortSignal) => getJson<RegisterPage>(`/api/register/incidents?${query}`, signal);
export const fetchBadges = (signal?: AbortSignal) => getJson<Badges>('/api/register/badges', signal);
export const fetchOfficers = (signal?: AbortSignal) => getJson<{ officers: Officer[] }>('/api/register/officers', signal);
export const fetchCase = (id: number, signal?: AbortSignal) => getJson<CaseFile>(`/api/register/incidents/${id}`, signal);
export const assignCase = (id: number, body: { officer: string; dueDate: string; note?: string }) => sendJson<unknown>('POST', `/api/register/incidents/${id}/assignment`, body);
export const commentOnCase = (id: number, body: string) => sendJson<CaseEvent>('POST', `/api/register/incidents/${id}/comments`, { body });

/** Uploads a photo's bytes as they are (the server checks they are a JPEG, PNG or WebP). */
export function uploadPhoto(id: number, file: File, caption: string): Promise<Attachment> {
  const query = new URLSearchParams({ source: 'office', ...(caption.trim() ? { caption: caption.trim().normalize('NFC') } : {}) });
  return sendText<Attachment>(`/api/register/incidents/${id}/attachments?${query}`, file, file.type);
}
