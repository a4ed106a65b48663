import type { MiddlewareHandler } from 'hono';
import { Forbidden } from '../errors.ts';
import type { AppEnv } from './env.ts';

/**
 * Refuses a request a browser sent from another site: the sign-in and the hotline take no CSRF token (there is no
 * session yet), so without this any page could sign a visitor into an attacker's account or file reports from many
 * visitors' addresses. `Sec-Fetch-Site` (sent by every current browser) must be `same-origin` or `none` (typed or
 * bookmarked); without it, an `Origin` must name this host. A request with neither header is not from a browser
 * form (curl, a carrier's system) and cannot carry a visitor's ambient authority, so it passes.
 */
export function sameOriginOnly(): MiddlewareHandler<AppEnv> {
  return async function sameOriginOnly(c, next) {
    const site = c.req.header('Sec-Fetch-Site')?.toLowerCase();
    const origin = c.req.header('Origin');
    if (site !== undefined) {
      if (site !== 'same-origin' && site !== 'none') throw new Forbidden('this form only accepts requests from NetGuard’s own pages', { reason: 'cross-site', secFetchSite: site });
    } else if (origin !== undefined && !sameHost(origin, new URL(c.req.url).host)) {
      throw new Forbidden('this form only accepts requests from NetGuard’s own pages', { reason: 'cross-site', origin });
    }
    await next();
  };
}

/**
 * True when an Origin names the host the request was sent to (`null` origins, from sandboxes and files, never do).
 * Only the host is compared: behind a TLS proxy the page is https while the request reaching NetGuard is http.
 */
function sameHost(origin: string, host: string): boolean {
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
