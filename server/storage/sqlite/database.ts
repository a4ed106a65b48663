import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SqliteDatabase = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens (creating if needed) a SQLite database with the pragmas NetGuard relies on.
 * @param path file path, or `:memory:` for tests
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL lets readers continue while the seed or an edit writes; it is a no-op for :memory:.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * Applies `migrations/NNN_name.sql` files not yet recorded in `schema_migrations`, in order, each in its own transaction.
 * @returns the versions applied by this call
 */
export function migrate(db: SqliteDatabase): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const applied: number[] = [];
  for (const file of readdirSync(MIGRATIONS_DIR).filter((name) => /^\d{3}_.+\.sql$/.test(name)).sort()) {
    const version = Number(file.slice(0, 3));
    if (done.has(version)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, new Date().toISOString());
    })();
    applied.push(version);
  }
  return applied;
}
