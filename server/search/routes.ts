import { Hono } from 'hono';
import { InvalidParameter } from '../errors.ts';
import { parseLimit } from '../ogc/params.ts';
import type { FeatureProvider, SearchHit } from '../storage/provider.ts';

const MAX_RESULTS = 50;
const DEFAULT_RESULTS = 10;

/** The body of `GET /api/search`; the web app codes against exactly this shape. */
export type SearchResponse = { query: string; numberReturned: number; results: SearchHit[] };

/** Parses `q` (required, 1–100 characters) and `limit` (default 10, max 50); rejects other parameters. */
export function parseSearchQuery(search: URLSearchParams): { q: string; limit: number } {
  for (const name of search.keys()) {
    if (name !== 'q' && name !== 'limit') throw new InvalidParameter(name, `unknown query parameter "${name}"`);
  }
  const q = search.get('q');
  if (q === null || q.trim().length === 0) throw new InvalidParameter('q', 'q is required');
  if (q.length > 100) throw new InvalidParameter('q', 'q must be at most 100 characters');
  return { q: q.normalize('NFC'), limit: parseLimit(search.get('limit') ?? undefined, MAX_RESULTS, DEFAULT_RESULTS) };
}

/** `GET /search?q=&limit=`: named features and places, case- and diacritic-insensitive. */
export function searchRoutes(provider: FeatureProvider) {
  return new Hono().get('/', (c) => {
    const { q, limit } = parseSearchQuery(new URL(c.req.url).searchParams);
    const results = provider.search(q, limit);
    const body: SearchResponse = { query: q, numberReturned: results.length, results };
    return c.json(body);
  });
}
