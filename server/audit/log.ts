import type { SqliteDatabase } from '../db/open.ts';
import { actorName, type Principal } from '../auth/principal.ts';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'read', 'export', 'login', 'logout', 'login_failed', 'transition'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry to append: who did what to which record; `before`/`after` for writes. */
export type AuditEntry = {
  principal: Principal;
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
 * The append-only audit log. Writers call `append` inside the same transaction as the write it records, so a
 * rolled-back write leaves no entry. The store refuses UPDATE and DELETE on the log (triggers in migration 004).
 */
export interface AuditLog {
  append(entry: AuditEntry): void;
  list(filter: AuditFilter): { records: AuditRecord[]; numberMatched: number };
}

type Row = {
  id: number; at: string; actor: string; role: string | null; action: AuditAction; target_type: string; target_id: string | null;
  before_json: string | null; after_json: string | null; details_json: string | null; ip: string | null;
};

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export function createSqliteAuditLog(db: SqliteDatabase, now: () => Date = () => new Date()): AuditLog {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, role, action, target_type, target_id, before_json, after_json, details_json, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    append(entry) {
      const role = entry.principal.kind === 'user' ? entry.principal.role : null;
      insert.run(
        now().toISOString(), actorName(entry.principal), role, entry.action, entry.targetType,
        entry.targetId == null ? null : String(entry.targetId), json(entry.before), json(entry.after), json(entry.details), entry.ip ?? null,
      );
    },
    list(filter) {
      const conditions: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        conditions.push(sql);
        params.push(value);
      };
      if (filter.actor) add('actor = ?', filter.actor);
      if (filter.actions?.length) {
        conditions.push(`action IN (${filter.actions.map(() => '?').join(', ')})`);
        params.push(...filter.actions);
      }
      if (filter.targetType) add('target_type = ?', filter.targetType);
      if (filter.targetId) add('target_id = ?', filter.targetId);
      if (filter.from) add('at >= ?', filter.from);
      if (filter.to) add('at <= ?', filter.to);
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, filter.limit, filter.offset) as Row[];
      const numberMatched = db.prepare(`SELECT count(*) FROM audit_log ${where}`).pluck().get(...params) as number;
      return {
        numberMatched,
        records: rows.map((row) => ({
          id: row.id, at: row.at, actor: row.actor, role: row.role, action: row.action, targetType: row.target_type, targetId: row.target_id,
          before: parse(row.before_json), after: parse(row.after_json), details: parse(row.details_json) as Record<string, unknown> | null, ip: row.ip,
        })),
      };
    },
  };
}
