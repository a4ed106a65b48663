import { randomBytes } from 'node:crypto';
import { accountService, type Accounts } from './auth/accounts.ts';
import { createSecretBox, type SecretBox } from './auth/secret-box.ts';
import { createEventHub, type EventHub } from './events/hub.ts';
import type { Storage } from './storage/storage.ts';
import { sharedWorkPool, type AppWorkPool } from './work/app-pool.ts';

/**
 * Everything the routes use, built once per process: the storage (its stores and its unit of work — never a
 * database handle), the account service over it, the live event hub, the worker pool and the clock.
 */
export type Services = {
  storage: Storage;
  accounts: Accounts;
  events: EventHub;
  /** Worker threads for heavy pure computation, so no request holds the event loop (`server/work/`). */
  work: AppWorkPool;
  now: () => Date;
};

/**
 * The services over one storage. Signing secrets are sealed with `secrets` (`server/bootstrap.ts` makes it from
 * NETGUARD_SECRET_KEY or the key file beside the database); without one, a key for this process only.
 */
export function createServices(
  storage: Storage, now: () => Date = () => new Date(), work: AppWorkPool = sharedWorkPool(), secrets: SecretBox = createSecretBox(randomBytes(32)),
): Services {
  return { storage, accounts: accountService(storage.accounts, secrets, now), events: createEventHub(storage.broadcast), work, now };
}
