import type { Storage } from './storage.ts';
import { openPostgresStorage } from './postgres/index.ts';
import { openSqliteStorage } from './sqlite/index.ts';

/** Set to a postgres:// URL, NetGuard keeps its data in that PostgreSQL database instead of the SQLite file. */
export const DATABASE_URL_ENV = 'NETGUARD_DATABASE_URL';

/**
 * Opens NetGuard's storage, migrated: the PostgreSQL database at `databaseUrl` (default NETGUARD_DATABASE_URL) when
 * one is given, else the embedded SQLite database at `sqlitePath`. The one place a provider is chosen.
 */
export async function openStorage(options: { sqlitePath: string; databaseUrl?: string }): Promise<Storage> {
  const url = options.databaseUrl ?? (process.env[DATABASE_URL_ENV] || undefined);
  if (url === undefined) return openSqliteStorage(options.sqlitePath);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`${DATABASE_URL_ENV} must be a postgres:// URL`);
  return openPostgresStorage(url);
}
