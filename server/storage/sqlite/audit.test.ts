import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from './database.ts';
import { createSqliteStorage } from './index.ts';

describe('the SQLite audit log', () => {
  it('cannot be edited or emptied, even in SQL', async () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const storage = createSqliteStorage(db);
    await storage.audit.append({ at: '2026-11-28T08:00:00.000Z', actor: 'police', role: 'police_planner', action: 'read', targetType: 'incidents' });
    expect(() => db.prepare('UPDATE audit_log SET actor = ?').run('someone')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect((await storage.audit.list({ limit: 10, offset: 0 })).records.map((record) => record.actor)).toEqual(['police']);
  });
});
