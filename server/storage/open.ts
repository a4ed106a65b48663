import type { Storage } from './storage.ts';
import { openSqliteStorage } from './sqlite/index.ts';

/**
 * Opens NetGuard's storage: the embedded SQLite database at `sqlitePath`, migrated. The one place a provider is
 * chosen (a PostgreSQL provider joins here).
 */
export function openStorage(options: { sqlitePath: string }): Storage {
  return openSqliteStorage(options.sqlitePath);
}
