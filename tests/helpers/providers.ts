import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgresStorage } from '../../server/storage/postgres/index.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import { createTestDatabase, describePostgres, emptyTestDatabase } from './postgres.ts';

/** What the provider-contract tests use: a whole `Storage`, as every provider gives. */
export type ContractStorage = Storage;

/**
 * Runs the same test bodies against every storage provider: SQLite (a fresh in-memory database per `fresh()`) and
 * PostgreSQL (one database per file on the run's throwaway cluster, emptied per `fresh()`; skipped with the reason
 * where PostgreSQL is missing, see tests/helpers/postgres.ts). Tests check known answers, never one provider's
 * output against the other's.
 */
export function describeProviders(name: string, body: (fresh: () => Promise<ContractStorage>) => void): void {
  describe(`${name} (SQLite)`, () => body(async () => openSqliteStorage(':memory:')));
  describePostgres(`${name} (PostgreSQL)`, () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let storage: Storage;
    beforeAll(async () => {
      database = await createTestDatabase();
      storage = await openPostgresStorage(database.url, { poolSize: 4 });
    });
    afterAll(async () => {
      await storage?.close();
      await database?.drop();
    });
    body(async () => {
      await emptyTestDatabase(database.url);
      return storage;
    });
  });
}
