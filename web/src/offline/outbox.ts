import { openDB, type IDBPDatabase } from 'idb';

/** A write made on the phone, kept until the server has answered it. Its id is the request's Idempotency-Key. */
export type OutboxEntry = {
  id: string;
  /** What it is, for the list of waiting writes (e.g. `visit`, `finding`, `track`, `hotline-report`). */
  kind: string;
  label: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  contentType: string;
  body: string;
  createdAt: string;
  attempts: number;
  /** `waiting` until sent; `rejected` when the server refused it (a 4xx): kept, with the reason, for the user to see. */
  state: 'waiting' | 'rejected';
  error: string | null;
};
export type Sent = { entry: OutboxEntry; status: number; body: unknown };
/** Headers added to every send (the session's CSRF token). */
export type HeadersFor = () => Record<string, string> | Promise<Record<string, string>>;

const STORE = 'outbox';
const databases = new Map<string, Promise<IDBPDatabase>>();
const listeners = new Set<() => void>();

function database(name: string): Promise<IDBPDatabase> {
  let opened = databases.get(name);
  if (!opened) {
    opened = openDB(name, 1, { upgrade: (db) => void db.createObjectStore(STORE, { keyPath: 'id' }) });
    databases.set(name, opened);
  }
  return opened;
}

const changed = () => { for (const listener of listeners) listener(); };

/** Hears every change of any outbox (queued, sent, rejected). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The outbox kept in IndexedDB database `name` (one per page, so the hotline and the field app never mix). */
export function outbox(name: string) {
  const replaying = { current: null as Promise<Sent[]> | null };
  return {
    async add(entry: Omit<OutboxEntry, 'createdAt' | 'attempts' | 'state' | 'error'>): Promise<void> {
      await (await database(name)).put(STORE, { ...entry, createdAt: new Date().toISOString(), attempts: 0, state: 'waiting', error: null });
      changed();
    },
    async list(): Promise<OutboxEntry[]> {
      const entries = (await (await database(name)).getAll(STORE)) as OutboxEntry[];
      return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async remove(id: string): Promise<void> {
      await (await database(name)).delete(STORE, id);
      changed();
    },
    /**
     * Sends the waiting writes oldest first, each with its id as `Idempotency-Key`, so a write whose answer was lost
     * is not filed twice. Stops at the first network failure (still offline); a 5xx or 429 stays for later; another
     * 4xx is marked rejected. Concurrent calls share one run.
     * @returns the writes the server accepted in this run, with its answers
     */
    replay(headers: HeadersFor = () => ({})): Promise<Sent[]> {
      replaying.current ??= (async () => {
        const sent: Sent[] = [];
        try {
          const waiting = (await this.list()).filter((entry) => entry.state === 'waiting');
          const extra = waiting.length ? await headers() : {};
          for (const entry of waiting) {
            let response: Response;
            try {
              response = await fetch(entry.url, {
                method: entry.method, credentials: 'same-origin', body: entry.body,
                headers: { 'Content-Type': entry.contentType, 'Idempotency-Key': entry.id, accept: 'application/json', ...extra },
              });
            } catch {
              break;
            }
            const body: unknown = await response.json().catch(() => null);
            const db = await database(name);
            if (response.ok) {
              await db.delete(STORE, entry.id);
              sent.push({ entry, status: response.status, body });
            } else if (response.status >= 500 || response.status === 429 || response.status === 408 || response.status === 401) {
              await db.put(STORE, { ...entry, attempts: entry.attempts + 1, error: `HTTP ${response.status}` });
              if (response.status === 401) break;
            } else {
              const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`;
              await db.put(STORE, { ...entry, attempts: entry.attempts + 1, state: 'rejected', error: message });
            }
            changed();
          }
        } finally {
          replaying.current = null;
        }
        return sent;
      })();
      return replaying.current;
    },
  };
}
export type Outbox = ReturnType<typeof outbox>;

/**
 * Replays `box` when the page starts, when the connection returns, when the page comes back into view and every
 * `everyMs` — not Background Sync alone, which only Chromium has.
 * @returns a function that stops the triggers
 */
export function replayTriggers(box: Outbox, onSent: (sent: Sent[]) => void, headers?: HeadersFor, everyMs = 30_000): () => void {
  const run = () => void box.replay(headers).then((sent) => { if (sent.length) onSent(sent); });
  const onVisible = () => { if (document.visibilityState === 'visible') run(); };
  window.addEventListener('online', run);
  window.addEventListener('focus', run);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(run, everyMs);
  run();
  return () => {
    window.removeEventListener('online', run);
    window.removeEventListener('focus', run);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}
