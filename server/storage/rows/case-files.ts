import type { Attachment, HotlineOrigin } from '../case-files.ts';

// Rows of a case's attachments and of the hotline report it came from, as both providers' tables hold them.

export type AttachmentRow = {
  id: number; incident_id: number; source: Attachment['source']; media_type: string; byte_size: number;
  caption: string | null; uploaded_by: string; uploaded_at: string;
};

export type HotlineRow = {
  id: number; tracking_code: string; seen_at: string; received_at: string; description: string;
  contact_name: string | null; contact_phone: string | null;
};

export const attachmentOf = (row: AttachmentRow): Attachment => ({
  id: row.id, incidentId: row.incident_id, source: row.source, mediaType: row.media_type, byteSize: row.byte_size,
  caption: row.caption, uploadedBy: row.uploaded_by, uploadedAt: row.uploaded_at,
});

export const hotlineOriginOf = (row: HotlineRow): HotlineOrigin => ({
  reportId: row.id, trackingCode: row.tracking_code, seenAt: row.seen_at, receivedAt: row.received_at, description: row.description,
  contact: row.contact_name || row.contact_phone ? { name: row.contact_name, phone: row.contact_phone } : null,
});
