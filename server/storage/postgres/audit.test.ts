import { expect, it } from 'vitest';
import { createTestDatabase, describePostgres, psqlAt } from '../../../tests/helpers/postgres.ts';
import { openPostgresStorage } from './index.ts';

// Issue 16: the audit entries of reads made at once are one INSERT, not one each (pg_stat_statements counts them).

describePostgres('audit entries appended outside a transaction (PostgreSQL)', () => {
  it('are stored by one statement for everything appended in one turn of the event loop', async () => {
    const database = await createTestDatabase();
    await psqlAt(database.url, 'CREATE EXTENSION pg_stat_statements');
    const storage = await openPostgresStorage(database.url, { poolSize: 4, env: {} });
    try {
      await psqlAt(database.url, 'SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)');
      await Promise.all(Array.from({ length: 20 }, (_, n) => storage.audit.append({ at: new Date(Date.UTC(2026, 10, 1, 8, 0, n)).toISOString(), actor: 'police', role: 'police_planner', action: 'read', targetType: 'incidents', targetId: n })));
      const inserts = await psqlAt(database.url, `SELECT coalesce(sum(calls), 0) || '|' || coalesce(sum(rows), 0) FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query LIKE 'INSERT INTO audit_log%'`);
      expect(inserts.trim()).toBe('1|20');
      const { records } = await storage.audit.list({ limit: 20, offset: 0 });
      expect(records.map((record) => record.targetId)).toEqual(Array.from({ length: 20 }, (_, n) => String(19 - n)));
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});
