import type { FeatureCollection } from 'geojson';
import { sealPlainSigningSecrets } from './auth/accounts.ts';
import { seedDemoAccounts } from './auth/demo-accounts.ts';
import { createSecretBox, resolveSecretKey } from './auth/secret-box.ts';
import { deploymentArea, type AreaConfig } from './deployment/area.ts';
import { nameAreaBodies } from './deployment/bodies.ts';
import { demoInspections, demoPlans } from './inspections/demo-records.ts';
import { demoRewards } from './rewards/demo-records.ts';
import { createServices, type Services } from './services.ts';
import { DATABASE_URL_ENV, openStorage } from './storage/open.ts';

/** The demo dataset (collection id → FeatureCollection whose features carry integer ids), made on demand. */
export type DemoSeed = () => Record<string, FeatureCollection>;

/**
 * Opens the storage at `path` (migrated), names the area's bodies from `area` (the deployment's area.json by
 * default) and, when it holds no features yet and a `demo` seed is handed in
 * (`server/main.ts` passes the generator's), loads it, the inspection records behind its agents' and dealers' last
 * results, the department's joint inspection plans, a handful of hotline reports with their rewards (all synthetic,
 * made from the dataset), and the demo accounts of the README. Without `demo` (a
 * production database) nothing is seeded: no data and no account with a known password.
 * @returns the services over the storage and what was seeded (undefined when nothing was)
 */
export async function openAndSeed(path: string, options: { demo?: DemoSeed; area?: AreaConfig } = {}): Promise<{ services: Services; seeded?: string }> {
  const storage = await openStorage({ sqlitePath: path });
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
  const plans = demoPlans(dataset, inspections);
  const rewards = demoRewards(dataset);
  await storage.transaction(async (tx) => {
    // Plans first: the inspections that carried out a planned item point at it.
    const planItemOf = new Map<number, number>();
    for (const { plan, items } of plans) {
      const stored = await tx.inspectionPlans.create(plan, []);
      for (const { item, carriedOutBy } of items) {
        const added = await tx.inspectionPlans.addItem(stored.id, item);
        for (const index of carriedOutBy) planItemOf.set(index, added.id);
      }
    }
    for (const [index, inspection] of inspections.entries()) await tx.inspections.add({ ...inspection, planItemId: planItemOf.get(index) ?? null });
    for (const reward of rewards) {
      const report = await tx.hotline.add(reward.report);
      await tx.hotline.settle(report.id, { status: 'converted', incidentId: reward.incidentId, handledBy: 'demo', at: reward.convertedAt });
      const proposed = await tx.rewards.propose({ hotlineReportId: report.id, incidentId: reward.incidentId, proposal: reward.proposal, proposedBy: 'demo', proposedAt: reward.proposedAt });
      if (reward.decision) await tx.rewards.decide(proposed.id, reward.decision);
    }
  });
  const elapsedMs = Math.round(performance.now() - stored);
  const counts = Object.fromEntries(Object.entries(dataset).map(([id, collection]) => [id, collection.features.length]));
  const users = (await accounts.users()).length === 0 ? await seedDemoAccounts(accounts) : [];
  return {
    services,
    seeded: `Seeded ${process.env[DATABASE_URL_ENV] ? 'the PostgreSQL database' : path} (generated in ${generateMs} ms, stored in ${elapsedMs} ms): ${JSON.stringify(counts)}; demo accounts: ${users.join(', ') || 'none'}`,
  };
}
