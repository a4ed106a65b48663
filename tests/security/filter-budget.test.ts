import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generator/index.ts';
import { SPATIAL_BUDGET_MS } from '../../server/storage/sqlite/spatial-functions.ts';
import { createTestApp } from '../helpers/test-app.ts';

/** A star-shaped line of `vertices` positions around the whole province (the red team's shape), as WKT. */
const star = (vertices: number) => `LINESTRING(${Array.from({ length: vertices }, (_, i) => {
  const angle = (2 * Math.PI * i) / vertices, radius = 0.6 + (i % 2) * 0.3;
  return `${(107.9 + radius * Math.cos(angle)).toFixed(4)} ${(14.6 + radius * Math.sin(angle)).toFixed(4)}`;
}).join(',')})`;

describe('CQL2 spatial filters are bounded work', async () => {
  const t = await createTestApp(generateDemo());
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
