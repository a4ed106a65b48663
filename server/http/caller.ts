import type { MiddlewareHandler } from 'hono';
import { onBehalfOf } from '../threads/caller.ts';
import type { AppEnv } from './env.ts';

/**
 * Runs the rest of the request on behalf of its caller — the signed-in account (by session or token alike), else the
 * client's address — so that every heavy job it starts counts against that caller's share of the worker pools
 * (`NETGUARD_JOBS_PER_CALLER` running, a line of twice as many waiting, 429 beyond). After `authenticate`, which sets the principal.
 */
export function onBehalfOfCaller(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const principal = c.get('principal');
    return onBehalfOf(principal.kind === 'user' ? `user:${principal.userId}` : `address:${c.get('clientAddress')}`, next);
  };
}
