import type { SqliteDatabase } from '../../db/open.ts';

/** The answer first given to a client's write, kept under its key so a replay gets it again. */
export type StoredAnswer = { fingerprint: string; status: number; body: unknown };

/** Keys of writes replayed from phones' outboxes: one answer per (scope, key), the first one. */
export function createSqliteIdempotencyStore(db: SqliteDatabase) {
  const find = db.prepare('SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = ? AND key = ?');
  const insert = db.prepare('INSERT INTO idempotency_keys (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    get(scope: string, key: string): StoredAnswer | undefined {
      const row = find.get(scope, key) as { fingerprint: string; status: number; body: string } | undefined;
      return row && { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) as unknown };
    },
    put(scope: string, key: string, answer: StoredAnswer, at: string): void {
      insert.run(scope, key, answer.fingerprint, answer.status, JSON.stringify(answer.body), at);
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createSqliteIdempotencyStore>;
