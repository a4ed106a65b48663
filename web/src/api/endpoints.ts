import { getJson } from './client.ts';
import type { ApiFeature, Bbox, DateRange, ItemsResponse, SearchResponse } from './types.ts';

const PAGE_LIMIT = 10_000;
const MAX_PAGES = 10;

/**
 * Serialises a date range as the OGC `datetime` interval of whole UTC days: the API reads a date as its first
 * millisecond at the start and its last at the end, so a range of whole months is exactly those months.
 */
export function datetimeParam(range: DateRange): string {
  return `${range.start}/${range.end}`;
}

/** Same-origin path of a `next` link, whether the server wrote it absolute or relative. */
function samePath(href: string): string {
  const url = new URL(href, location.origin);
  return `${url.pathname}${url.search}`;
}

/**
 * Fetches every feature of a collection in a bbox, following `next` links.
 * @param collection collection id from the registry
 * @param options bbox (omitted: whole collection), optional datetime range and equality filters
 */
export async function fetchItems(
  collection: string,
  options: { bbox?: Bbox; datetime?: DateRange; filters?: Record<string, string> },
  signal?: AbortSignal,
): Promise<ItemsResponse> {
  const params = new URLSearchParams({ limit: String(PAGE_LIMIT) });
  if (options.bbox) params.set('bbox', options.bbox.map((value) => value.toFixed(5)).join(','));
  if (options.datetime) params.set('datetime', datetimeParam(options.datetime));
  for (const [name, value] of Object.entries(options.filters ?? {})) params.set(name, value);
  let path: string | undefined = `/api/collections/${encodeURIComponent(collection)}/items?${params}`;
  const first = await getJson<ItemsResponse>(path, signal);
  const features = [...first.features];
  path = first.links?.find((link) => link.rel === 'next')?.href;
  for (let page = 1; path && page < MAX_PAGES; page++) {
    const next: ItemsResponse = await getJson<ItemsResponse>(samePath(path), signal);
    features.push(...next.features);
    path = next.links?.find((link) => link.rel === 'next')?.href;
  }
  return { ...first, features, numberReturned: features.length };
}

/** One feature by id. */
export function fetchItem(collection: string, id: number | string, signal?: AbortSignal): Promise<ApiFeature> {
  return getJson<ApiFeature>(`/api/collections/${encodeURIComponent(collection)}/items/${encodeURIComponent(String(id))}`, signal);
}

/** Free-text search over the searchable collections. */
export function fetchSearch(query: string, limit: number, signal?: AbortSignal): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  return getJson<SearchResponse>(`/api/search?${params}`, signal);
}
