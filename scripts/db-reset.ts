import { rmSync } from 'node:fs';
import { openAndSeed } from '../server/bootstrap.ts';
import { generateDemo } from './generator/index.ts';

/** `npm run db:reset`: deletes the database file (NETGUARD_DB, default data/netguard.sqlite) and recreates the demo. */
const path = process.env.NETGUARD_DB ?? 'data/netguard.sqlite';
for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
const { services, seeded } = await openAndSeed(path, { demo: () => generateDemo() });
console.log(seeded);
await services.storage.close();
