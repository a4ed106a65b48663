import type { CollectionDef } from '../../collections/types.ts';
import { InvalidParameter } from '../../errors.ts';
import type { FilterExpr } from '../../storage/filter.ts';
import { parseCrs } from '../params.ts';
import { resolveFilter } from './resolve.ts';
import { parseCqlText, type CqlJson } from './text.ts';

/** Filter languages accepted; `cql-text` is the older name GDAL 3.6's OAPIF driver sends. */
export const FILTER_LANGUAGES = ['cql2-text', 'cql2-json', 'cql-text'] as const;
const MAX_FILTER_LENGTH = 20_000;

/**
 * The `filter` parameter (OGC API – Features Part 3) as the store's typed filter: CQL2 text by default, CQL2 JSON
 * with `filter-lang=cql2-json`; geometries in `filter-crs` (CRS84 by default). Undefined when there is no filter.
 */
export function parseFilterParameter(collection: CollectionDef, search: URLSearchParams): FilterExpr | undefined {
  const raw = search.get('filter');
  const language = search.get('filter-lang') ?? 'cql2-text';
  if (!(FILTER_LANGUAGES as readonly string[]).includes(language)) throw new InvalidParameter('filter-lang', `filter-lang must be one of ${FILTER_LANGUAGES.join(', ')}`);
  if (raw === null) {
    for (const name of ['filter-lang', 'filter-crs']) if (search.has(name)) throw new InvalidParameter(name, `${name} needs a filter`);
    return undefined;
  }
  if (raw.length > MAX_FILTER_LENGTH) throw new InvalidParameter('filter', `filter must be at most ${MAX_FILTER_LENGTH} characters`);
  const crs = parseCrs('filter-crs', search.get('filter-crs'));
  let json: CqlJson;
  if (language === 'cql2-json') {
    try {
      json = JSON.parse(raw) as CqlJson;
    } catch (error) {
      throw new InvalidParameter('filter', `filter is not JSON: ${(error as Error).message}`);
    }
  } else {
    json = parseCqlText(raw);
  }
  return resolveFilter(collection, json, crs.code === null ? {} : { toWgs84: crs.toWgs84 });
}
