import type { FeatureCollection } from 'geojson';
import { createApp } from '../../server/app.ts';
import { migrate, openDatabase } from '../../server/db/open.ts';
import { seedDemo } from '../../server/db/seed.ts';
import type { FeatureProvider } from '../../server/storage/provider.ts';
import { createSqlitePlanStore } from '../../server/patrol-plans/store.ts';
import { createSqliteProvider } from '../../server/storage/sqlite/provider.ts';

export type TestApp = { app: ReturnType<typeof createApp>; provider: FeatureProvider };
export type TestAppOptions = { webRoot?: string };

/** A fresh in-memory database, migrated and seeded with `dataset`, behind the real app. */
export function createTestApp(dataset: Record<string, FeatureCollection> = {}, options: TestAppOptions = {}): TestApp {
  const db = openDatabase(':memory:');
  migrate(db);
  const provider = createSqliteProvider(db);
  seedDemo(provider, dataset);
  return { app: createApp({ provider, plans: createSqlitePlanStore(db), webRoot: options.webRoot }), provider };
}

/** GETs `path` and returns status, content type and parsed JSON body. */
export async function getJson<T = Record<string, unknown>>(app: TestApp['app'], path: string): Promise<{ status: number; type: string; body: T }> {
  const response = await app.request(path);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as T };
}
