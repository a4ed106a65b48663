import type { Audience } from './principal.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call one API route. `path` is the route's Hono pattern exactly as registered (e.g.
 * `/api/collections/:collectionId/items`); a route without a rule is refused, and a test fails the suite when a
 * registered route has none. Row-level limits (which features, which properties) are the handler's job, through
 * `server/auth/access.ts`.
 */
export type RouteRule = { method: Method; path: string; allow: readonly Audience[] };

export const rule = (method: Method, path: string, allow: readonly Audience[]): RouteRule => ({ method, path, allow });
