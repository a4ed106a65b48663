import { generateDemo } from '../../scripts/generator/index.ts';
import { areaDirectory } from '../deployment/area.ts';
import { seedDemoAccounts } from '../auth/demo-accounts.ts';
import { createSqliteServices, type Services } from '../services.ts';
import { migrate, openDatabase } from './open.ts';
import { seedDemo } from './seed.ts';

/**
 * Opens the database at `path`, applies pending migrations and, when it holds no features yet, loads the demo seed:
 * the synthetic network generated on the deployment's area (NETGUARD_AREA, default data/kontum) and the demo accounts
 * of the README. With `demo: false` (a production database) nothing is
 * seeded: no data and no account with a known password.
 * @returns the services over the database and what was seeded (undefined when nothing was)
 */
export async function openAndSeed(path: string, options: { demo: boolean } = { demo: true }): Promise<{ services: Services; seeded?: string }> {
  const db = openDatabase(path);
  migrate(db);
  const services = createSqliteServices(db);
  const total = Object.values(services.provider.counts()).reduce((sum, count) => sum + count, 0);
  if (!options.demo && services.accounts.users().length === 0) {
    return { services, seeded: 'No accounts yet: create the first admin with `npm run user -- create --username <name> --role admin`.' };
  }
  if (total > 0 || !options.demo) return { services };
  const started = performance.now();
  const dataset = generateDemo({ area: areaDirectory() });
  const generateMs = Math.round(performance.now() - started);
  const { counts, elapsedMs } = seedDemo(services.provider, dataset);
  const users = services.accounts.users().length === 0 ? await seedDemoAccounts(services.accounts) : [];
  return {
    services,
    seeded: `Seeded ${path} (generated in ${generateMs} ms, stored in ${elapsedMs} ms): ${JSON.stringify(counts)}; demo accounts: ${users.join(', ') || 'none'}`,
  };
}
