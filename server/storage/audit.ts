export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'read', 'export', 'login', 'logout', 'login_failed', 'transition'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry as stored: who (already named), did what, to which record, when; `before`/`after` for writes. */
export type AuditRecordInput = {
  at: string;
  actor: string;
  role: string | null;
  action: AuditAction;
  /** What was touched, e.g. `key_targets`, `incidents`, `users`. */
  targetType: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
  ip?: string | null;
};

export type AuditRecord = {
  id: number;
  at: string;
  actor: string;
  role: string | null;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  details: Record<string, unknown> | null;
  ip: string | null;
};

export type AuditFilter = {
  actor?: string;
  /** Any of these actions. */
  actions?: readonly AuditAction[];
  targetType?: string;
  targetId?: string;
  /** ISO 8601 instants, inclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

/**
 * The append-only audit log. A write appends its entry inside the same transaction (`server/writes/transact.ts`), so
 * a rolled-back write leaves no entry; the store itself refuses to change or delete entries.
 */
export interface AuditStore {
  append(entry: AuditRecordInput): Promise<void>;
  /** Newest first. */
  list(filter: AuditFilter): Promise<{ records: AuditRecord[]; numberMatched: number }>;
}
