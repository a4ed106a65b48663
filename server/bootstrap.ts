import type { FeatureCollection } from 'geojson';
import { sealPlainSigningSecrets } from './auth/accounts.ts';
import { seedDemoAccounts } from './auth/demo-accounts.ts';
import { createSecretBox, resolveSecretKey } from './auth/secret-box.ts';
import { deploymentArea, type AreaConfig } from './deployment/area.ts';
import { nameAreaBodies } from './deployment/bodies.ts';
import { demoInspections } from './inspections/demo-records.ts';
import { createServices, type Services } from './services.ts';
import { openStorage } from './storage/open.ts';

/** The demo dataset (collection id → FeatureCollection whose features carry integer ids), made on demand. */
export type DemoSeed = () => Record<string, FeatureCollection>;

/**
 * Opens the storage at `path` (migrated), names the area's bodies from `area` (the deployment's area.json by
 * default) and, when it holds no features yet and a `demo` seed is handed in
 * (`server/main.ts` passes the generator's), loads it, the inspection records behind its agents' and dealers' last
 * results, and the demo accounts of the README. Without `demo` (a
 * production database) nothing is seeded: no data and no account with a known password.
 * @returns the services over the storage and what was seeded (undefined when nothing was)
 */
export async function openAndSeed(path: string, options: { demo?: DemoSeed; area?: AreaConfig } = {}): Promise<{ services: Services; seeded?: string }> {
  const storage = openStorage({ sqlitePath: path });
  await nameAreaBodies(storage, options.area ?? deploymentArea());
  // Signing secrets are sealed with NETGUARD_SECRET_KEY, else the key file beside the database; old plain ones now.
  const secrets = createSecretBox(resolveSecretKey(path).key);
  await sealPlainSigningSecrets(storage, secrets);
  const services = createServices(storage, undefined, undefined, secrets);
  const { accounts } = services;
  const total = Object.values(await storage.features.counts()).reduce((sum, count) => sum + count, 0);
  if (!options.demo && (await accounts.users()).length === 0) {
    return { services, seeded: 'No accounts yet: create the first admin with `npm run user -- create --username <name> --role admin`.' };
  }
  if (total > 0 || !options.demo) return { services };
  const started = performance.now();
  const dataset = options.demo();
  const generateMs = Math.round(performance.now() - started);
  const stored = performance.now();
  await storage.features.insertDataset(dataset);
  const inspections = demoInspections(dataset);
  await storage.transaction(async (tx) => {
    for (const inspection of inspections) await tx.inspections.add(inspection);
  });
  const elapsedMs = Math.round(performance.now() - stored);
  const counts = Object.fromEntries(Object.entries(dataset).map(([id, collection]) => [id, collection.features.length]));
  const users = (await accounts.users()).length === 0 ? await seedDemoAccounts(accounts) : [];
  return {
    services,
    seeded: `Seeded ${path} (generated in ${generateMs} ms, stored in ${elapsedMs} ms): ${JSON.stringify(counts)}; demo accounts: ${users.join(', ') || 'none'}`,
  };
}
