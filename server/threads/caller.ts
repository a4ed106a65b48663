import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();

/**
 * Runs `work` on behalf of `caller` (an account, or an address for the public): every pool job it starts, however
 * deep in the call chain, counts against that caller's share of the pool (`pool.ts`, `perCaller`). The HTTP layer
 * sets it per request, so routes and stores need not pass it along.
 */
export const onBehalfOf = <T>(caller: string, work: () => T): T => current.run(caller, work);

/** The caller the current request runs for; undefined outside a request (the seed, scripts, tests of the pool). */
export const currentCaller = (): string | undefined => current.getStore();
