/**
 * Versions of what derived structures are built from, bumped by the database on every write whichever path made it:
 * `network:<owner>` (a carrier's cable routes, sites and facilities) and `incidents`. A cache keeps a structure with
 * the version it was built at and rebuilds it only when the version moved.
 */
export interface ChangeCounters {
  /** The current version of `key`; 0 when it never changed. */
  version(key: string): Promise<number>;
  /** The sum of the versions of every key starting with `prefix` (it moves whenever any of them does). */
  total(prefix: string): Promise<number>;
}

/** The key of a carrier's network. */
export const networkKey = (owner: string): string => `${NETWORK_PREFIX}${owner}`;
export const INCIDENTS_KEY = 'incidents';
/** The prefix of every carrier's network key. */
export const NETWORK_PREFIX = 'network:';
