import { generateDemo } from '../../scripts/generator/index.ts';
import { createSqliteProvider } from '../storage/sqlite/provider.ts';
import type { FeatureProvider } from '../storage/provider.ts';
import { migrate, openDatabase, type SqliteDatabase } from './open.ts';
import { seedDemo } from './seed.ts';

/**
 * Opens the database at `path`, applies pending migrations and, when it holds no features yet, loads the demo seed.
 * @returns the database, its feature provider and what was seeded (undefined when nothing was)
 */
export function openAndSeed(path: string): { db: SqliteDatabase; provider: FeatureProvider; seeded?: string } {
  const db = openDatabase(path);
  migrate(db);
  const provider = createSqliteProvider(db);
  const total = Object.values(provider.counts()).reduce((sum, count) => sum + count, 0);
  if (total > 0) return { db, provider };
  const started = performance.now();
  const dataset = generateDemo();
  const generateMs = Math.round(performance.now() - started);
  const { counts, elapsedMs } = seedDemo(provider, dataset);
  return { db, provider, seeded: `Seeded ${path} (generated in ${generateMs} ms, stored in ${elapsedMs} ms): ${JSON.stringify(counts)}` };
}
