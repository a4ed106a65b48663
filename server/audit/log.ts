import { actorName } from '../auth/principal.ts';
import type { Services } from '../services.ts';
import type { Actor, AuditNote } from '../writes/transact.ts';

export { AUDIT_ACTIONS, type AuditAction, type AuditRecord } from '../storage/audit.ts';

/**
 * Appends an audit entry that records no write: reads of security information, exports, sign-ins. Writes append
 * theirs inside their own transaction (`server/writes/transact.ts`).
 */
export function auditRead(services: Services, actor: Actor, note: AuditNote): Promise<void> {
  return services.storage.audit.append({
    ...note, at: services.now().toISOString(), actor: actorName(actor.principal),
    role: actor.principal.kind === 'user' ? actor.principal.role : null, ip: actor.ip ?? null,
  });
}
