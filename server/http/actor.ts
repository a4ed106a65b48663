import type { Context } from 'hono';
import type { Actor } from '../writes/transact.ts';
import type { AppEnv } from './env.ts';

/** The request's caller and client address, as writes and audit entries name them. */
export const actorOf = (c: Context<AppEnv>): Actor => ({ principal: c.get('principal'), ip: c.get('clientAddress') });
