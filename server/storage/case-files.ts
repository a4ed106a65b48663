import type { PropertyFilter } from './features.ts';

/** The officer a case is assigned to and by when it must be dealt with (YYYY-MM-DD, Vietnam's calendar day). */
export type Assignment = { officer: string; dueDate: string; assignedBy: string; assignedAt: string };

/** A comment or an assignment change on a case, oldest first. */
export type CaseEvent = {
  id: number; at: string; actor: string; role: string | null; kind: 'comment' | 'assignment';
  body: string | null; officer: string | null; dueDate: string | null;
};

export type AttachmentSource = 'field' | 'office';
export type Attachment = {
  id: number; incidentId: number; source: AttachmentSource; mediaType: string; byteSize: number;
  caption: string | null; uploadedBy: string; uploadedAt: string;
};

/** The citizen's hotline report a case was converted from. */
export type HotlineOrigin = {
  reportId: number; trackingCode: string; seenAt: string; receivedAt: string; description: string;
  contact: { name: string | null; phone: string | null } | null;
};

/** Who did it: the username and role written to the case's history. */
export type CaseActor = { username: string; role: string | null };

/**
 * A case file's own records besides the incident row: assignment, comments, photos, who has opened it. Writes run
 * inside the caller's transaction with their audit entry (`server/writes/transact.ts`).
 */
export interface CaseFileStore {
  assignment(incidentId: number): Promise<Assignment | undefined>;
  /** Sets the case's assignment and records the change; returns the new assignment. */
  assign(incidentId: number, officer: string, dueDate: string, actor: CaseActor, at: string, note: string | null): Promise<Assignment>;
  events(incidentId: number): Promise<CaseEvent[]>;
  comment(incidentId: number, body: string, actor: CaseActor, at: string): Promise<CaseEvent>;
  attachments(incidentId: number): Promise<Attachment[]>;
  attach(incidentId: number, file: { source: AttachmentSource; mediaType: string; caption: string | null; content: Uint8Array }, actor: CaseActor, at: string): Promise<Attachment>;
  attachmentContent(incidentId: number, attachmentId: number): Promise<{ mediaType: string; content: Buffer } | undefined>;
  /** The instant from which new cases count for this user: set to `at` the first time it is asked. */
  readerSince(username: string, at: string): Promise<string>;
  markRead(username: string, incidentId: number, at: string): Promise<void>;
  hotlineOrigin(incidentId: number): Promise<HotlineOrigin | undefined>;
}

export const REGISTER_SORTS = ['id', 'occurred_at', 'reported_at', 'type', 'status', 'due_date', 'district_code'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

/** One register search: every list is "any of"; an omitted field does not filter, an empty list matches nothing. */
export type RegisterQuery = {
  types?: string[]; statuses?: string[]; sources?: string[]; owners?: string[]; districts?: string[];
  /** Usernames; `''` stands for "not assigned". */
  assignees?: string[];
  /** Occurred in this range, epoch ms inclusive. */
  startMs?: number; endMs?: number;
  /** Incident number, hotline tracking code, site code or words of the description (folded). */
  text?: string;
  bbox?: [number, number, number, number];
  /** Only these incidents (a commune's, found by geometry); undefined means no restriction. */
  ids?: readonly number[];
  /** The reader's row scope (e.g. a carrier's `asset_owner`). */
  scope: readonly PropertyFilter[];
  overdue?: boolean; unread?: boolean;
  sort: RegisterSort; descending: boolean; limit: number; offset: number;
  /** Whose reads decide "new", from when, and today's date for "overdue". */
  reader: { username: string; since: string }; today: string;
};

export type RegisterRow = {
  id: number; type: string; status: string; source: string; occurredAt: string; reportedAt: string;
  lon: number; lat: number; districtCode: string | null; assetCollection: string | null; assetId: number | null;
  assetOwner: string | null; assetLabel: string | null; trackingCode: string | null; description: string | null;
  officer: string | null; dueDate: string | null; overdue: boolean; isNew: boolean;
};

export interface RegisterStore {
  /** The page of rows and the number matching the query. */
  search(query: RegisterQuery): Promise<{ rows: RegisterRow[]; numberMatched: number }>;
  /** How many of the reader's cases are new and how many overdue (for the header's badges). */
  badges(query: Pick<RegisterQuery, 'scope' | 'reader' | 'today'>): Promise<{ unread: number; overdue: number; assignedToMe: number }>;
}

/** Statuses of a case still being worked on: only these can be overdue. */
export const OPEN_STATUSES = ['reported', 'verified', 'investigating'] as const;
