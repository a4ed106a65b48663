import type { Principal } from '../auth/principal.ts';

/** Hono environment of every NetGuard route: `c.get('principal')` is the caller, set by the auth middleware. */
export type AppEnv = { Variables: { principal: Principal; clientAddress: string } };
