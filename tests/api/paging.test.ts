import { describe, expect, it } from 'vitest';
import { createTestApp, getJson } from '../helpers/test-app.ts';
import { randomDataset } from '../helpers/random-dataset.ts';

type Link = { rel: string; type: string; href: string; title: string };
type Page = { features: { id: number }[]; numberMatched: number; numberReturned: number; links: Link[]; timeStamp: string };

const relative = (href: string): string => {
  const url = new URL(href);
  return url.pathname + url.search;
};

describe('items paging', () => {
  it('visits every feature exactly once by following next links', async () => {
    const { app } = await createTestApp(randomDataset(7, 237));
    let path: string | undefined = '/api/collections/bts_sites/items?limit=25';
    const seen: number[] = [];
    let numberMatched = -1;
    while (path) {
      const { status, type, body }: Awaited<ReturnType<typeof getJson<Page>>> = await getJson<Page>(app, path);
      expect(status).toBe(200);
      expect(type).toBe('application/geo+json');
      expect(body.numberReturned).toBe(body.features.length);
      numberMatched = body.numberMatched;
      seen.push(...body.features.map((feature) => feature.id));
      const next: Link | undefined = body.links.find((link) => link.rel === 'next');
      if (next) expect(next.type).toBe('application/geo+json');
      path = next && relative(next.href);
    }
    expect(numberMatched).toBe(237);
    expect(seen).toEqual(Array.from({ length: 237 }, (_, index) => index + 1));
  });

  it('links a later page back to the previous one and keeps other parameters', async () => {
    const { app } = await createTestApp(randomDataset(8, 60));
    const { body } = await getJson<Page>(app, '/api/collections/incidents/items?limit=20&offset=30&datetime=2020-01-01/..');
    const prev = body.links.find((link) => link.rel === 'prev');
    expect(prev?.type).toBe('application/geo+json');
    const query = new URL(prev?.href ?? 'http://x').searchParams;
    expect([query.get('offset'), query.get('limit'), query.get('datetime')]).toEqual(['10', '20', '2020-01-01/..']);
    expect(body.links.some((link) => link.rel === 'next')).toBe(true);
  });

  it('has no prev link on the first page and no next link on the last', async () => {
    const { app } = await createTestApp(randomDataset(9, 10));
    const { body } = await getJson<Page>(app, '/api/collections/roads/items?limit=10');
    expect(body.links.map((link) => link.rel).sort()).toEqual(['collection', 'self']);
  });

  it('clamps limit to 10000', async () => {
    const { app } = await createTestApp(randomDataset(10, 10_050, ['incidents']));
    const { status, body } = await getJson<Page>(app, '/api/collections/incidents/items?limit=999999');
    expect(status).toBe(200);
    expect(body.numberReturned).toBe(10_000);
    expect(body.numberMatched).toBe(10_050);
    expect(new URL(body.links.find((link) => link.rel === 'next')?.href ?? 'http://x').searchParams.get('limit')).toBe('10000');
  });

  it('builds absolute links with a type and title from the request origin', async () => {
    const { app } = await createTestApp(randomDataset(11, 5));
    const { body } = await getJson<Page>(app, 'http://netguard.test:9000/api/collections/roads/items');
    for (const link of body.links) {
      expect(link.href.startsWith('http://netguard.test:9000/api/')).toBe(true);
      expect(link.type && link.title && link.rel).toBeTruthy();
    }
    expect(Date.parse(body.timeStamp)).not.toBeNaN();
  });
});
