import { actorName, type Principal } from '../auth/principal.ts';
import type { Problem } from '../collections/property-problems.ts';
import { InvalidBody, type AppError } from '../errors.ts';
import type { Services } from '../services.ts';
import type { AuditRecordInput } from '../storage/audit.ts';
import type { LiveMessage } from '../storage/broadcast.ts';
import type { Stores } from '../storage/storage.ts';

/** Who writes: the caller and the address the request came from. */
export type Actor = { principal: Principal; ip?: string | null };

/** The audit entry of one change: what was touched and how, with the record before and after (who and when are added). */
export type AuditNote = Omit<AuditRecordInput, 'at' | 'actor' | 'role' | 'ip'>;

/** What applying a change produced: the answer, its audit entries, and the live events to publish once committed. */
export type Applied<R> = { result: R; audit: AuditNote[]; events: LiveMessage[] };

/**
 * One write, in the steps every write takes:
 * - `read` (inside the transaction) what the check and the change depend on — the current record, its version,
 *   its state — throwing NotFound, Forbidden, Conflict (409) or PreconditionFailed (412) when it cannot go ahead;
 * - `check` that state purely (no I/O), returning every problem, empty to go ahead;
 * - `apply` the change with the same transaction's stores.
 */
export type Write<S, R> = {
  read: (tx: Stores) => Promise<S>;
  check?: (state: S) => readonly Problem[];
  apply: (tx: Stores, state: S) => Promise<Applied<R>>;
  /** The error answered for the check's problems; a 400 InvalidBody listing them by default. */
  refuse?: (problems: readonly Problem[]) => AppError;
};

const invalid = (problems: readonly Problem[]) => new InvalidBody(`${problems[0].path}: ${problems[0].message}`, { problems });

/** An `Applied` with no audit entry or event yet, to add to. */
export const applied = <R>(result: R, audit: AuditNote[] = [], events: LiveMessage[] = []): Applied<R> => ({ result, audit, events });

/**
 * The one write path (Placemark's `transact`): read, check and apply in one transaction, append the audit entries
 * (with before and after) in the same transaction, and after the commit publish the live events to everyone who
 * may read the records they are about. A write that throws leaves nothing: no change, no entry, no event.
 * @returns what `apply` answered
 */
export async function transact<S, R>(services: Services, actor: Actor, write: Write<S, R>): Promise<R> {
  const at = services.now().toISOString();
  const role = actor.principal.kind === 'user' ? actor.principal.role : null;
  const done = await services.storage.transaction(async (tx) => {
    const state = await write.read(tx);
    const problems = write.check?.(state) ?? [];
    if (problems.length > 0) throw (write.refuse ?? invalid)(problems);
    const change = await write.apply(tx, state);
    for (const note of change.audit) await tx.audit.append({ ...note, at, actor: actorName(actor.principal), role, ip: actor.ip ?? null });
    return change;
  });
  for (const event of done.events) await services.events.publish(event);
  return done.result;
}

/** `read` for writes that depend on nothing stored. */
export const nothing = async (): Promise<null> => null;
