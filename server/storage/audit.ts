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
 * a rolled-back write leaves no entry; the store itself refuses to change or delete entries. Outside a transaction
 * (the entries of reads, exports and sign-ins), `Storage.audit.append` stores its entry together with the others
 * appended in the same turn of the event loop (`batchedAppends`), and resolves once they are stored.
 */
export interface AuditStore {
  append(entry: AuditRecordInput): Promise<void>;
  /** Appends the entries in their order, in one atomic write: all or none. */
  appendAll(entries: readonly AuditRecordInput[]): Promise<void>;
  /** Newest first. */
  list(filter: AuditFilter): Promise<{ records: AuditRecord[]; numberMatched: number }>;
}

/**
 * `audit` whose `append` waits for the end of the event loop's turn and stores every entry appended in it with one
 * `appendAll`, one write for them all; each caller's promise settles when that write does, so a read is still
 * answered only once its entry is stored. Batches are stored one after the other, in the order they were appended.
 * Issue 16: the audit entry was the write of every incidents read, and two SQLite processes took turns at the
 * database's one write lock for them. `settled` resolves once nothing is waiting or being stored (before closing).
 */
export function batchedAppends(audit: AuditStore): { store: AuditStore; settled: () => Promise<void> } {
  type Waiting = { entry: AuditRecordInput; resolve: () => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let scheduled = false;
  let storing: Promise<void> = Promise.resolve();
  const store = async () => {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    try {
      await audit.appendAll(batch.map((each) => each.entry));
      for (const each of batch) each.resolve();
    } catch (error) {
      for (const each of batch) each.reject(error);
    }
  };
  return {
    store: {
      ...audit,
      append: (entry) => new Promise<void>((resolve, reject) => {
        waiting.push({ entry, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          storing = storing.then(store);
        });
      }),
    },
    settled: async () => {
      while (scheduled || waiting.length > 0) await new Promise((resolve) => setImmediate(resolve));
      await storing;
    },
  };
}
