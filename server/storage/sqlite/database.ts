import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SqliteDatabase = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * How long a statement waits for another connection's write lock before it fails with SQLITE_BUSY. Several processes
 * share one file (issue 16): a write waits for the other's transaction, which lasts one turn of its event loop
 * (milliseconds), so this is reached only when something is badly wrong.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) a SQLite database with the pragmas NetGuard relies on.
 * @param path file path, or `:memory:` for tests
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  // WAL lets readers continue while the seed or an edit writes, in this process or another; a no-op for :memory:.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * Applies `migrations/NNN_name.sql` files not yet recorded in `schema_migrations`, in order, each in its own
 * transaction. Each takes the write lock before it checks whether its migration ran, so two processes opening the
 * same file at once run every migration once.
 * @returns the versions applied by this call
 */
export function migrate(db: SqliteDatabase): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const file of readdirSync(MIGRATIONS_DIR).filter((name) => /^\d{3}_.+\.sql$/.test(name)).sort()) {
    const version = Number(file.slice(0, 3));
    if (done.get(version)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    const ran = db.transaction(() => {
      if (done.get(version)) return false;
      db.exec(sql);
      record.run(version, file, new Date().toISOString());
      return true;
    }).immediate();
    if (ran) applied.push(version);
  }
  return applied;
}
