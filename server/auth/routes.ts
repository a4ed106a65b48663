import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { InvalidBody, NotFound, TooManyRequests, Unauthenticated } from '../errors.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { sameOriginOnly } from '../http/same-origin.ts';
import { rule, type RouteRule } from './route-rule.ts';
import { ADMIN, EVERYONE, SIGNED_IN } from './audiences.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './middleware.ts';
import { ROLES, type Principal } from './principal.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { applied, nothing, transact } from '../writes/transact.ts';
import { prepareUser } from './accounts.ts';

export const AUTH_RULES: RouteRule[] = [
  rule('POST', '/api/auth/login', EVERYONE),
  rule('POST', '/api/auth/logout', SIGNED_IN),
  rule('GET', '/api/auth/session', EVERYONE),
  rule('GET', '/api/admin/organisations', ADMIN),
  rule('GET', '/api/admin/users', ADMIN),
  rule('POST', '/api/admin/users', ADMIN),
  rule('GET', '/api/admin/tokens', ADMIN),
  rule('POST', '/api/admin/tokens', ADMIN),
  rule('DELETE', '/api/admin/tokens/:id', ADMIN),
];

/** Failed sign-ins allowed per username and client address before a pause (OWASP's "account lockout" advice, softened to a timed pause). */
export const LOGIN_ATTEMPTS = 5;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;

const loginBody = z.object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }).strict();
const userBody = z
  .object({ username: z.string(), displayName: z.string().min(1).max(120), password: z.string().max(200), role: z.enum(ROLES), organisation: z.string() })
  .strict();
const tokenBody = z.object({ username: z.string(), name: z.string().min(1).max(120) }).strict();

/** The signed-in user as the web app sees it. */
export const sessionView = (principal: Principal) =>
  principal.kind === 'public'
    ? null
    : { username: principal.username, displayName: principal.displayName, role: principal.role, organisation: principal.organisationName, carrier: principal.carrier };

/** `/api/auth/*` (sign in and out, who am I) and `/api/admin/*` (users and API tokens). */
export function authRoutes(services: Services) {
  const { accounts, storage } = services;
  const failures = createRateLimiter(storage.throttles, { name: 'login', limit: LOGIN_ATTEMPTS, windowMs: LOGIN_WINDOW_MS, now: () => services.now().getTime() });
  const small = limitBody(4 * 1024);
  return new Hono<AppEnv>()
    .post('/auth/login', sameOriginOnly(), small, async (c) => {
      const { username, password } = parseWith(loginBody, await jsonObject(c.req.raw));
      const key = `${username.toLowerCase()}|${c.get('clientAddress')}`;
      // Counted before the password is checked, in one atomic step of the store: a batch of parallel guesses cannot
      // all pass the test while the first checks are still hashing. A success gives the attempt back.
      const attempt = await failures.hit(key);
      if (!attempt.allowed) throw new TooManyRequests('too many failed sign-ins; wait before trying again', attempt.retryAfterSeconds);
      const user = await accounts.verifyLogin(username, password);
      if (!user) {
        await auditRead(services, actorOf(c), { action: 'login_failed', targetType: 'users', details: { username } });
        throw new Unauthenticated('wrong username or password');
      }
      await failures.reset(key);
      const session = await accounts.createSession(user.userId);
      const principal: Principal = { ...user, kind: 'user', via: 'session' };
      await auditRead(services, { principal, ip: c.get('clientAddress') }, { action: 'login', targetType: 'users', targetId: user.userId });
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true, sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:', expires: new Date(session.expiresAt),
      });
      return c.json({ user: sessionView(principal), csrfToken: session.csrfToken, csrfHeader: CSRF_HEADER });
    })
    .post('/auth/logout', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await accounts.deleteSession(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      await auditRead(services, actorOf(c), { action: 'logout', targetType: 'users' });
      return c.body(null, 204);
    })
    .get('/auth/session', async (c) => {
      const principal = c.get('principal');
      const token = getCookie(c, SESSION_COOKIE);
      const csrfToken = principal.kind === 'user' && principal.via === 'session' && token ? (await accounts.session(token))?.csrfToken ?? null : null;
      return c.json({ user: sessionView(principal), csrfToken, csrfHeader: CSRF_HEADER });
    })
    .get('/admin/organisations', async (c) => c.json({ organisations: await accounts.organisations() }))
    .get('/admin/users', async (c) => c.json({ users: await accounts.users() }))
    .post('/admin/users', small, async (c) => {
      const body = parseWith(userBody, await jsonObject(c.req.raw));
      // Checked and hashed first: a password hash takes a while and must not hold a transaction open.
      const record = await prepareUser(storage.accounts, { ...body, organisationCode: body.organisation }, services.now());
      const user = await transact(services, actorOf(c), {
        read: nothing,
        apply: async (tx) => {
          const created = await tx.accounts.createUser(record);
          return applied(created, [{ action: 'create', targetType: 'users', targetId: created.userId, after: created }]);
        },
      });
      return c.json({ user }, 201);
    })
    .get('/admin/tokens', async (c) => c.json({ tokens: await accounts.tokens() }))
    .post('/admin/tokens', small, async (c) => {
      const body = parseWith(tokenBody, await jsonObject(c.req.raw));
      const user = (await accounts.users()).find((candidate) => candidate.username.toLowerCase() === body.username.toLowerCase());
      if (!user) throw new InvalidBody(`user "${body.username}" does not exist`, { field: 'username' });
      const issued = await transact(services, actorOf(c), {
        read: nothing,
        apply: async (tx) => {
          const token = await accounts.within(tx.accounts).createToken(user.userId, body.name);
          return applied(token, [{ action: 'create', targetType: 'api_tokens', targetId: token.id, after: { name: body.name, username: user.username } }]);
        },
      });
      // The only time the secrets are shown: the store keeps a hash of the token.
      return c.json({ id: issued.id, name: body.name, username: user.username, token: issued.token, signingSecret: issued.signingSecret }, 201);
    })
    .delete('/admin/tokens/:id', async (c) => {
      const id = Number(c.req.param('id'));
      await transact(services, actorOf(c), {
        read: nothing,
        apply: async (tx) => {
          if (!Number.isInteger(id) || !(await tx.accounts.revokeToken(id, services.now().toISOString()))) throw new NotFound(`no active API token ${c.req.param('id')}`, { id: c.req.param('id') });
          return applied(null, [{ action: 'delete', targetType: 'api_tokens', targetId: id }]);
        },
      });
      return c.body(null, 204);
    });
}
