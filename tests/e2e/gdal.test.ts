import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../server/collections/registry.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';

let server: RunningServer;
let token: string;

/**
 * GDAL's own OGC API – Features client (Debian's gdal-bin, installed by .ci/run), reading the real server with an
 * API token, as a GIS analyst's QGIS or ogr2ogr would.
 */
function ogrinfo(...args: string[]): string {
  return execFileSync('ogrinfo', ['-ro', '--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${token}`, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

const count = async (id: string, bearer: string) =>
  ((await (await fetch(`${server.url}/api/collections/${id}/items?limit=1`, { headers: { Authorization: `Bearer ${bearer}` } })).json()) as { numberMatched: number }).numberMatched;

beforeAll(async () => {
  server = await startServer();
  token = (await issueToken(server.url, 'police')).token;
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('GDAL reads NetGuard through its OAPIF driver', { timeout: 120_000 }, () => {
  it('lists every collection with its geometry type', () => {
    const listing = ogrinfo('-q', `OAPIF:${server.url}/api`);
    for (const collection of COLLECTIONS) expect(listing).toContain(`${collection.id} (title: ${collection.title})`);
    expect(listing).toContain('patrol_plans (title: Patrol plans)');
    expect(listing).toContain('hotline_reports (title: Hotline reports)');
  });

  it.each(COLLECTIONS.map((collection) => collection.id))('reads every feature of %s, as many as the API counts', async (id) => {
    const dump = ogrinfo('-al', '-oo', 'PAGE_SIZE=1000', `OAPIF:${server.url}/api`, id);
    expect(dump.match(/^OGRFeature/gm)?.length ?? 0).toBe(await count(id, token));
  });

  it('with a carrier’s token lists no incident it may not read and no key target outside its scope', async () => {
    const carrier = (await issueToken(server.url, 'viettel')).token;
    const police = token;
    token = carrier;
    try {
      const dump = ogrinfo('-al', '-q', '-oo', 'PAGE_SIZE=1000', `OAPIF:${server.url}/api`, 'incidents');
      const owners = new Set([...dump.matchAll(/asset_owner \(String\) = (\w+)/g)].map((match) => match[1]));
      expect([...owners]).toEqual(['viettel']);
      expect(await count('key_targets', carrier)).toBeLessThan(await count('key_targets', police));
    } finally {
      token = police;
    }
  });
});
