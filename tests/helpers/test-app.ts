import type { FeatureCollection } from 'geojson';
import { createApp } from '../../server/app.ts';
import { deploymentArea, type AreaConfig } from '../../server/deployment/area.ts';
import { nameAreaBodies } from '../../server/deployment/bodies.ts';
import { DEMO_USERS, seedDemoAccounts } from '../../server/auth/demo-accounts.ts';
import { createServices, type Services } from '../../server/services.ts';
import type { FeatureStore } from '../../server/storage/features.ts';
import { openPostgresStorage } from '../../server/storage/postgres/index.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { createTestDatabase } from './postgres.ts';

/** A demo account's username: admin, police, dic, viettel, vnpt, ubnd. */
export type DemoUser = (typeof DEMO_USERS)[number]['username'];
export type Caller = DemoUser | 'public';

/** Sends requests to the app in-process, as one caller (a demo account's API token, or nobody). */
export type Client = { request: (path: string, init?: RequestInit) => Promise<Response> };

export type TestApp = {
  /** The app as the `admin` account: functional tests of the API that are not about access. */
  app: Client;
  /** The app as any demo account or the public. */
  as: (caller: Caller) => Client;
  raw: ReturnType<typeof createApp>;
  /** The feature store, for checks from the outside of what a request stored. */
  features: FeatureStore;
  services: Services;
  /** The raw API token of each demo account. */
  tokens: Record<string, string>;
  /** On PostgreSQL, the test database's URL, for checks from the outside of what the database holds or runs. */
  databaseUrl?: string;
};
/** `area`: the deployment area `/api/area` serves (default the repository's, data/kontum). */
export type TestAppOptions = {
  webRoot?: string; now?: () => Date; area?: AreaConfig; /** A database file instead of a fresh in-memory database. */ databasePath?: string;
  /** The provider, whatever NETGUARD_TEST_STORAGE says: for tests that compare the two. */
  storage?: 'sqlite' | 'postgres';
};

/**
 * The storage a test app runs on: a fresh in-memory SQLite database (or the file `databasePath`), or with
 * `provider` 'postgres' (by default NETGUARD_TEST_STORAGE) a fresh database on the run's throwaway PostgreSQL cluster (tests/helpers/postgres.ts),
 * so that the API suites run on either provider.
 */
async function openTestStorage(databasePath?: string, provider = process.env.NETGUARD_TEST_STORAGE): Promise<{ storage: Storage; databaseUrl?: string }> {
  if (provider !== 'postgres' || databasePath) return { storage: openSqliteStorage(databasePath ?? ':memory:') };
  const { url } = await createTestDatabase();
  return { storage: await openPostgresStorage(url, { poolSize: 3 }), databaseUrl: url };
}

/**
 * A fresh in-memory database, migrated and seeded with `dataset` and the demo accounts, behind the real app.
 * Every demo account gets an API token, so tests call the API as it without a sign-in round trip.
 */
export async function createTestApp(dataset: Record<string, FeatureCollection> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const { storage, databaseUrl } = await openTestStorage(options.databasePath, options.storage);
  const services = createServices(storage, options.now);
  // As every start does (server/bootstrap.ts): the bodies carry the names of the area the app serves.
  await nameAreaBodies(services.storage, options.area ?? deploymentArea());
  await services.storage.features.insertDataset(dataset);
  await seedDemoAccounts(services.accounts);
  const tokens: Record<string, string> = {};
  for (const user of await services.accounts.users()) tokens[user.username] = (await services.accounts.createToken(user.userId, 'tests')).token;
  const raw = createApp(services, { webRoot: options.webRoot, area: options.area });
  const as = (caller: Caller): Client => ({
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (caller !== 'public' && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${tokens[caller]}`);
      return Promise.resolve(raw.request(path, { ...init, headers }));
    },
  });
  return { app: as('admin'), as, raw, features: services.storage.features, services, tokens, databaseUrl };
}

/** GETs `path` and returns status, content type and parsed JSON body. */
export async function getJson<T = Record<string, unknown>>(app: Client, path: string): Promise<{ status: number; type: string; body: T }> {
  const response = await app.request(path);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as T };
}

/** Sends `body` as JSON with `method` and returns status and parsed body (null for an empty body). */
export async function sendJson<T = Record<string, unknown>>(app: Client, method: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
