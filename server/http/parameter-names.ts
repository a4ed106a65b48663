import type { MiddlewareHandler } from 'hono';
import { InvalidParameter } from '../errors.ts';
import type { AppEnv } from './env.ts';

/**
 * Query parameter names that address an object's prototype in the bracket and dot notations of qs-style parsers
 * (`__proto__[x]`, `constructor[prototype][x]`, `__proto__.x`): no NetGuard parameter is so named.
 */
const PROTOTYPE_PATH = /(^|[[.\]])(__proto__|constructor|prototype)($|[[.\]])/;

/**
 * Refuses, on every API route, a query string that names a prototype (issue 13, prototype pollution), with a 400
 * naming the parameter. Most routes already refuse parameters they do not know; this holds for the few that ignore
 * their query string (writes, single records), and for any code that might one day parse names into nested objects.
 */
export function refusePrototypeParameters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const query = c.req.url.indexOf('?');
    if (query >= 0) {
      for (const name of new URLSearchParams(c.req.url.slice(query + 1)).keys()) {
        if (PROTOTYPE_PATH.test(name)) throw new InvalidParameter(name, `the query parameter "${name}" names an object prototype`);
      }
    }
    await next();
  };
}
