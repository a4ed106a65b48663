import { accountService, type Accounts } from './auth/accounts.ts';
import { createEventHub, type EventHub } from './events/hub.ts';
import type { Storage } from './storage/storage.ts';

/**
 * Everything the routes use, built once per process: the storage (its stores and its unit of work — never a
 * database handle), the account service over it, the live event hub and the clock.
 */
export type Services = {
  storage: Storage;
  accounts: Accounts;
  events: EventHub;
  now: () => Date;
};

export function createServices(storage: Storage, now: () => Date = () => new Date()): Services {
  return { storage, accounts: accountService(storage.accounts, now), events: createEventHub(storage.broadcast), now };
}
