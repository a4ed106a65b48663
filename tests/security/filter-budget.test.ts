import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { SPATIAL_BUDGET_MS } from '../../server/storage/sqlite/spatial-functions.ts';
import { starLineWkt as star } from '../helpers/hostile.ts';
import { createTestApp } from '../helpers/test-app.ts';

describe('CQL2 spatial filters are bounded work', async () => {
  const t = await createTestApp(await demoDataset());
  const items = (filter: string) => t.as('ubnd').request(`/api/collections/cable_routes/items?limit=10&filter=${encodeURIComponent(filter)}`);

  it('a hostile S_DWITHIN against every cable stops at its budget with 422 instead of holding the server for seconds', async () => {
    const started = performance.now();
    const response = await items(`S_DWITHIN(geometry,${star(100)},1000)`);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FilterTooCostly');
    // Without the budget this request held the real server for over 10 s; with it, the budget and one row's test at most.
    expect(elapsed).toBeLessThan(SPATIAL_BUDGET_MS * 5);
  });

  it('an ordinary spatial filter still answers', async () => {
    const response = await items('S_INTERSECTS(geometry,POLYGON((107.95 14.3,108.05 14.3,108.05 14.4,107.95 14.4,107.95 14.3)))');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { numberMatched: number }).numberMatched).toBeGreaterThan(0);
  });
});
