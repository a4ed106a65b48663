/** Media types used in links and responses. */
export const MEDIA = {
  json: 'application/json',
  geojson: 'application/geo+json',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
  html: 'text/html',
  mvt: 'application/vnd.mapbox-vector-tile',
  schema: 'application/schema+json',
  xml: 'application/xml',
  tilejson: 'application/vnd.mapbox.tile+json',
} as const;

/** OGC link relations (OGC API – Common, Features Part 3, Tiles). */
export const REL = {
  queryables: 'http://www.opengis.net/def/rel/ogc/1.0/queryables',
  tilesetsVector: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector',
  tilingScheme: 'http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme',
  tilingSchemes: 'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes',
} as const;

export type Link = { rel: string; type: string; title: string; href: string; templated?: boolean };

/** A link with an absolute href built from the request origin and the API base path (e.g. `http://host/api`). */
export function link(base: string, path: string, rel: string, type: string, title: string, query?: URLSearchParams): Link {
  const suffix = query && [...query].length > 0 ? `?${query.toString()}` : '';
  return { rel, type, title, href: `${base}${path}${suffix}` };
}

/** The API base URL of a request: its origin plus `/api`. */
export function apiBase(requestUrl: string): string {
  return `${new URL(requestUrl).origin}/api`;
}
