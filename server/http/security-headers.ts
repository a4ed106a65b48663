import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * The Content-Security-Policy of every response: what the web app (React, MapLibre GL and its workers, the glyphs and
 * basemap it serves itself, the field app's service worker and camera previews) needs, and nothing from elsewhere.
 * - scripts, styles, fonts, fetches (API, tiles, glyphs, Server-Sent Events) and the manifest only from this origin;
 *   MapLibre sets styles through the CSSOM, which a CSP does not govern, so no 'unsafe-inline';
 * - workers from this origin (MapLibre's worker file, a service worker) or `blob:` (MapLibre builds one when it is
 *   given no worker URL);
 * - images from this origin, `data:` (MapLibre's and the UI's small icons) and `blob:` (a camera photo's preview);
 * - no plug-ins, no <base> rewrite, forms post only here, and no page may frame NetGuard (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // frame-ancestors for browsers that predate it.
  'X-Frame-Options': 'DENY',
  // URLs carry feature ids and search terms about security information: never send them to another site.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Tiles, exports and the API are for NetGuard's own pages; other sites may not embed them.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
};

/** Sets the security headers on every response, pages and API alike (errors and 404s too). */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeaders(c, next) {
    await next();
    for (const [name, value] of Object.entries(HEADERS)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    // HSTS only means something over TLS; behind a TLS proxy the proxy sets it.
    if (new URL(c.req.url).protocol === 'https:') c.res.headers.set('Strict-Transport-Security', 'max-age=31536000');
  };
}
