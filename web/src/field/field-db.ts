import { openDB, type IDBPDatabase } from 'idb';
import type { FeatureCollection } from 'geojson';
import type { Fix } from './track-filter.ts';
import type { Assignment } from './types.ts';

/** What the phone keeps for a patrol, so the app opens, draws and records with no network at all. */
export type FieldData = {
  /** The signed-in officer and the session's CSRF token, for opening offline and replaying writes. */
  session: { user: { username: string; displayName: string; role: string }; csrfToken: string | null; csrfHeader: string };
  assignment: Assignment;
  /** The province basemap, the whole PMTiles archive as one blob. */
  basemap: Blob;
  /** The plan area's assets and key-target zones, by collection. */
  layers: Record<string, FeatureCollection>;
  downloadedAt: string;
  patrol: PatrolState;
};
/** The patrol in progress: when it started, the accepted track, arrivals and confirmed visits. */
export type PatrolState = {
  startedAt: string | null;
  endedAt: string | null;
  track: Fix[];
  arrivals: Record<number, number>;
  visited: Record<number, string>;
};
export const NO_PATROL: PatrolState = { startedAt: null, endedAt: null, track: [], arrivals: {}, visited: {} };

const STORE = 'kv';
let opened: Promise<IDBPDatabase> | null = null;
const database = () => (opened ??= openDB('netguard-field', 1, { upgrade: (db) => void db.createObjectStore(STORE) }));

export async function load<K extends keyof FieldData>(key: K): Promise<FieldData[K] | undefined> {
  return (await (await database()).get(STORE, key)) as FieldData[K] | undefined;
}
export async function save<K extends keyof FieldData>(key: K, value: FieldData[K]): Promise<void> {
  await (await database()).put(STORE, value, key);
}
export async function forget(key: keyof FieldData): Promise<void> {
  await (await database()).delete(STORE, key);
}
