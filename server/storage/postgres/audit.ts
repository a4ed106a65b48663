import type { AuditAction, AuditRecordInput, AuditStore } from '../audit.ts';
import type { Sql } from './database.ts';
import { binder } from './filter-sql.ts';

type Row = {
  id: number; at: string; actor: string; role: string | null; action: AuditAction; target_type: string; target_id: string | null;
  before_json: string | null; after_json: string | null; details_json: string | null; ip: string | null;
};

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** The audit log in PostgreSQL; a trigger of migration 003 refuses UPDATE, DELETE and TRUNCATE on it. */
export function createPostgresAudit(sql: Sql): AuditStore {
  const values = (entry: AuditRecordInput) => [entry.at, entry.actor, entry.role, entry.action, entry.targetType, entry.targetId == null ? null : String(entry.targetId),
    json(entry.before), json(entry.after), json(entry.details), entry.ip ?? null];
  return {
    async append(entry) {
      await sql.rows(
        'INSERT INTO audit_log (at, actor, role, action, target_type, target_id, before_json, after_json, details_json, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        values(entry),
      );
    },
    async appendAll(entries) {
      if (entries.length === 0) return;
      // One statement (one round trip) for them all: a column of each field, read back row by row in their order.
      const rows = entries.map(values);
      const columns = rows[0].map((_, column) => rows.map((row) => row[column]));
      await sql.rows(
        `INSERT INTO audit_log (at, actor, role, action, target_type, target_id, before_json, after_json, details_json, ip)
         SELECT at, actor, role, action, target_type, target_id, before_json, after_json, details_json, ip
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
           WITH ORDINALITY AS e(at, actor, role, action, target_type, target_id, before_json, after_json, details_json, ip, n)
         ORDER BY n`,
        columns,
      );
    },
    async list(filter) {
      const params: unknown[] = [];
      const bind = binder(params);
      const conditions: string[] = [];
      if (filter.actor) conditions.push(`actor = ${bind(filter.actor)}`);
      if (filter.actions?.length) conditions.push(`action = ANY (${bind(filter.actions)}::text[])`);
      if (filter.targetType) conditions.push(`target_type = ${bind(filter.targetType)}`);
      if (filter.targetId) conditions.push(`target_id = ${bind(filter.targetId)}`);
      if (filter.from) conditions.push(`at COLLATE "C" >= ${bind(filter.from)}`);
      if (filter.to) conditions.push(`at COLLATE "C" <= ${bind(filter.to)}`);
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = await sql.rows<Row & { matched: number }>(
        `SELECT *, count(*) OVER () AS matched FROM audit_log ${where} ORDER BY id DESC LIMIT ${bind(filter.limit)} OFFSET ${bind(filter.offset)}`,
        params,
      );
      const numberMatched = rows.length > 0 ? rows[0].matched : Number((await sql.rows<{ count: number }>(`SELECT count(*) AS count FROM audit_log ${where}`, params.slice(0, -2)))[0].count);
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
