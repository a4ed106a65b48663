import type { AuditAction, AuditRecordInput, AuditStore } from '../audit.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

type Row = {
  id: number; at: string; actor: string; role: string | null; action: AuditAction; target_type: string; target_id: string | null;
  before_json: string | null; after_json: string | null; details_json: string | null; ip: string | null;
};

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** The audit log in SQLite; triggers of migration 004 refuse UPDATE and DELETE on it. */
export function createSqliteAudit(db: SqliteDatabase): Sync<AuditStore> {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, role, action, target_type, target_id, before_json, after_json, details_json, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const append = (entry: AuditRecordInput) => {
    insert.run(entry.at, entry.actor, entry.role, entry.action, entry.targetType, entry.targetId == null ? null : String(entry.targetId),
      json(entry.before), json(entry.after), json(entry.details), entry.ip ?? null);
  };
  // Inside a transaction of the unit of work, better-sqlite3 makes this a savepoint of it.
  const appendAll = db.transaction((entries: readonly AuditRecordInput[]) => entries.forEach(append));
  return {
    append,
    appendAll: (entries) => appendAll.immediate(entries),
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
