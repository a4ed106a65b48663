import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../auth/principal.ts';
import { Conflict, InvalidParameter } from '../errors.ts';
import type { IdempotencyStore } from '../storage/field.ts';
import type { Stores } from '../storage/storage.ts';
import type { Applied } from '../writes/transact.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client's write: who sent it (one key space per user, one for the public), its key and a hash of the request. */
export type KeyedWrite = { scope: string; key: string; fingerprint: string };

/**
 * The write's `Idempotency-Key` header (a UUID the phone made when the write was queued), or null when the client
 * sent none; a malformed key is a 400 rather than a write that could be filed twice.
 */
export function keyedWrite(c: Context, principal: Principal, bodyText: string): KeyedWrite | null {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined) return null;
  if (!UUID.test(key)) throw new InvalidParameter(IDEMPOTENCY_HEADER, `${IDEMPOTENCY_HEADER} must be a UUID`);
  const scope = principal.kind === 'public' ? 'public' : `user:${principal.userId}`;
  const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${bodyText}`).digest('hex');
  return { scope, key: key.toLowerCase(), fingerprint };
}

/**
 * The first answer to this keyed request, if it was answered before (a 409 when the key came with a different
 * request). Asked before a write's checks, so a replay gets its first answer even after the state those checks read
 * has moved on (a plan archived after the phone's visit was stored, a busy work pool): the write was already done.
 */
export async function earlierAnswer(store: IdempotencyStore, keyed: KeyedWrite | null): Promise<{ status: number; body: unknown; replayed: true } | null> {
  if (!keyed) return null;
  const earlier = await store.get(keyed.scope, keyed.key);
  if (!earlier) return null;
  if (earlier.fingerprint !== keyed.fingerprint) throw new Conflict(`${IDEMPOTENCY_HEADER} ${keyed.key} was already used for a different request`, { key: keyed.key });
  return { status: earlier.status, body: earlier.body, replayed: true };
}

export type Answer<T> = { status: number; body: T };
export type KeyedAnswer<T> = Answer<T> & { replayed: boolean };

/**
 * Does a write (the `apply` of `server/writes/transact.ts`, with its transaction's stores `tx`) once per key: a replay
 * of the same request gets the first answer again and writes nothing (no audit entry, no event); the same key on a
 * different request is a 409. The key is claimed in the write's own transaction, so the answer and the write commit
 * together and two concurrent replays cannot both write.
 */
export async function once<T>(tx: Stores, keyed: KeyedWrite | null, at: string, write: () => Promise<Applied<Answer<T>>>): Promise<Applied<KeyedAnswer<T>>> {
  const earlier = await earlierAnswer(tx.idempotency, keyed);
  if (earlier) return { result: earlier as KeyedAnswer<T>, audit: [], events: [] };
  const change = await write();
  if (keyed) await tx.idempotency.put(keyed.scope, keyed.key, { fingerprint: keyed.fingerprint, status: change.result.status, body: change.result.body }, at);
  return { ...change, result: { ...change.result, replayed: false } };
}

/** The JSON answer to a keyed write, marked `Idempotency-Key-Replayed: true` when it is a replay's. */
export function keyedAnswer(c: Context, answer: KeyedAnswer<unknown>): Response {
  if (answer.replayed) c.header(`${IDEMPOTENCY_HEADER}-Replayed`, 'true');
  return c.json(answer.body, answer.status as ContentfulStatusCode);
}
