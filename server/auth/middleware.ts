import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { Forbidden, Unauthenticated } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Accounts } from './accounts.ts';
import { secretsEqual } from './constant-time.ts';
import { audienceOf, PUBLIC, type User } from './principal.ts';
import type { RouteRule } from './route-rule.ts';

export const SESSION_COOKIE = 'ng_session';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The client's address as the socket saw it (no proxy headers are trusted); `local` for in-process requests. */
function clientAddress(env: unknown): string {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * Sets `principal`: a bearer API token, else a session cookie, else the public. A bad token is a 401 (a machine
 * client should hear that its credential is wrong); a stale cookie just means the public. Writes authenticated by the
 * cookie must echo the session's CSRF token in `X-CSRF-Token`: SameSite=Strict already stops cross-site sends, and the
 * header stops anything that slips past it.
 */
export function authenticate(accounts: Accounts): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientAddress', clientAddress(c.env));
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const found = match ? await accounts.tokenUser(match[1]) : null;
      if (!found) throw new Unauthenticated('the API token is unknown or revoked');
      c.set('principal', { ...found.user, kind: 'user', via: 'token', tokenId: found.tokenId });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = cookie ? await accounts.session(cookie) : null;
    if (!session) {
      c.set('principal', PUBLIC);
      return next();
    }
    if (!SAFE_METHODS.has(c.req.method) && !secretsEqual(c.req.header(CSRF_HEADER) ?? '', session.csrfToken)) {
      throw new Forbidden(`writes with a session cookie must carry the session's ${CSRF_HEADER} header`, { reason: 'csrf' });
    }
    c.set('principal', { ...session.user, kind: 'user', via: 'session' });
    return next();
  };
}

/**
 * Admits the request only when a rule for the matched route names the caller's audience. A route with no rule is
 * refused: deny by default. Requests that match no route pass on to the 404 handler.
 */
export function authorize(rules: readonly RouteRule[]): MiddlewareHandler<AppEnv> {
  const byKey = new Map(rules.map((rule) => [`${rule.method} ${rule.path}`, rule]));
  return async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const endpoint = matchedRoutes(c).find((route) => route.method === method && route.path.startsWith('/api'));
    if (!endpoint) return next();
    const rule = byKey.get(`${method} ${endpoint.path}`);
    const principal = c.get('principal');
    if (rule?.allow.includes(audienceOf(principal))) return next();
    // `scope: 'route'` tells a refusal by the route's rule from a refusal of one record further in.
    if (principal.kind === 'public') throw new Unauthenticated(undefined, { scope: 'route' });
    throw new Forbidden(rule ? `the role ${principal.role} may not ${method} ${endpoint.path}` : `no access rule admits ${method} ${endpoint.path}`, {
      scope: 'route',
      role: principal.role,
    });
  };
}

/**
 * A check that the request's credential still stands for the same principal: the session not signed out or expired,
 * the token not revoked, the user not disabled, and the same role, organisation and carrier. A long-lived response
 * (a live event stream) calls it every few seconds and ends when it fails (issue 13).
 */
export function credentialStillValid(c: Context<AppEnv>, accounts: Accounts): () => Promise<boolean> {
  const principal = c.get('principal');
  if (principal.kind !== 'user') return async () => false;
  const same = (user: User | undefined) =>
    user !== undefined && user.userId === principal.userId && user.role === principal.role && user.organisationId === principal.organisationId && user.carrier === principal.carrier;
  if (principal.via === 'token') {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    return async () => same((await accounts.tokenUser(token, { touch: false }))?.user);
  }
  const cookie = getCookie(c, SESSION_COOKIE) ?? '';
  return async () => same((await accounts.session(cookie))?.user);
}
