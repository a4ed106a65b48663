import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../server/collections/registry.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

let server: RunningServer;

/** GDAL's own OGC API – Features client (Debian's gdal-bin, installed by .ci/run), reading the real server. */
function ogrinfo(...args: string[]): string {
  return execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

beforeAll(async () => {
  server = await startServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('GDAL reads NetGuard through its OAPIF driver', { timeout: 120_000 }, () => {
  it('lists every collection with its geometry type', () => {
    const listing = ogrinfo('-q', `OAPIF:${server.url}/api`);
    for (const collection of COLLECTIONS) expect(listing).toContain(`${collection.id} (title: ${collection.title})`);
  });

  it.each(COLLECTIONS.map((collection) => collection.id))('reads every feature of %s, as many as the API counts', async (id) => {
    const page = (await (await fetch(`${server.url}/api/collections/${id}/items?limit=1`)).json()) as { numberMatched: number };
    const dump = ogrinfo('-al', '-oo', 'PAGE_SIZE=1000', `OAPIF:${server.url}/api`, id);
    expect(dump.match(/^OGRFeature/gm)?.length ?? 0).toBe(page.numberMatched);
  });
});
