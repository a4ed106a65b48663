import type { Geometry } from 'geojson';
import { actorName, type Principal } from '../auth/principal.ts';
import { Conflict, Forbidden, InvalidBody, NotFound } from '../errors.ts';
import type { Services } from '../services.ts';
import type { StoredFeature } from '../storage/provider.ts';
import { actionsFrom, nextState, STEPS, type ReviewAction } from './workflow.ts';

export type Proposal = {
  name: string; category: string; protectionLevel: number; justification: string; reviewDate: string; effectiveDate: string | null;
  legalBasis: string | null; protectedAssets: { collection: string; id: number }[]; geometry: Geometry;
};
export type ZoneEvent = { at: string; actor: string; role: string | null; organisation: string | null; action: string; from: string | null; to: string; comment: string | null };

const today = (services: Services) => services.now().toISOString().slice(0, 10);
const organisation = (principal: Principal) => (principal.kind === 'user' ? principal.organisationName : null);

/** Appends the step to the zone's history and to the audit log; `null` principal is the system (effective dates). */
function record(services: Services, principal: Principal | null, zone: StoredFeature, action: string, from: string | null, comment: string | null): void {
  services.db.prepare('INSERT INTO key_target_events (zone_id, at, actor, role, organisation, action, from_state, to_state, comment, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(zone.id, services.now().toISOString(), principal ? actorName(principal) : 'system', principal?.kind === 'user' ? principal.role : null, principal ? organisation(principal) : null, action, from,
      String(zone.properties.status), comment?.normalize('NFC') ?? null, JSON.stringify(zone));
  if (principal) services.audit.append({ principal, action: action === 'propose' || action === 'edit' ? (action === 'propose' ? 'create' : 'update') : 'transition', targetType: 'key_targets', targetId: zone.id, after: { status: zone.properties.status, action, comment } });
}

const featureOf = (proposal: Proposal, status: string, proposedBy: string | null, reviewedBy: string | null) => ({
  type: 'Feature' as const, geometry: proposal.geometry,
  properties: {
    name: proposal.name.normalize('NFC'), category: proposal.category, status, protection_level: proposal.protectionLevel, effective_date: proposal.effectiveDate,
    legal_basis: proposal.legalBasis?.normalize('NFC') ?? null, proposed_by: proposedBy, reviewed_by: reviewedBy,
  },
});

function saveReview(services: Services, id: number, proposal: Proposal, by: string): void {
  services.db.prepare(`INSERT INTO key_target_reviews (zone_id, justification, protected_assets, review_date, proposed_by_user, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (zone_id) DO UPDATE SET justification = excluded.justification, protected_assets = excluded.protected_assets, review_date = excluded.review_date, updated_at = excluded.updated_at`)
    .run(id, proposal.justification.normalize('NFC'), JSON.stringify(proposal.protectedAssets), proposal.reviewDate, by, services.now().toISOString());
}

export function propose(services: Services, principal: Principal, proposal: Proposal): StoredFeature {
  return services.db.transaction(() => {
    const zone = services.provider.create('key_targets', featureOf(proposal, 'proposed', organisation(principal), null));
    saveReview(services, zone.id, proposal, actorName(principal));
    record(services, principal, zone, 'propose', null, proposal.justification);
    return zone;
  })();
}

function zoneOr404(services: Services, id: number): StoredFeature {
  const zone = Number.isSafeInteger(id) ? services.provider.get('key_targets', id) : undefined;
  if (!zone) throw new NotFound(`key target ${id} does not exist`, { id });
  return zone;
}

/** Police change a proposal while it is proposed or returned to them; the change is kept in the history. */
export function editProposal(services: Services, principal: Principal, id: number, proposal: Proposal): StoredFeature {
  const zone = zoneOr404(services, id);
  const state = String(zone.properties.status);
  if (state !== 'proposed' && state !== 'returned') throw new Conflict(`a ${state} zone can no longer be edited`, { status: state });
  return services.db.transaction(() => {
    const updated = services.provider.replace('key_targets', id, featureOf(proposal, state, String(zone.properties.proposed_by ?? organisation(principal)), null))!;
    saveReview(services, id, proposal, actorName(principal));
    record(services, principal, updated, 'edit', state, null);
    return updated;
  })();
}

/**
 * One review step. Refuses actions the state does not allow (409 with the allowed ones), roles the step is not
 * for (403), and a missing comment (400): every decision says why.
 */
export function review(services: Services, principal: Principal, id: number, action: ReviewAction, comment: string, effectiveDate?: string): StoredFeature {
  const zone = zoneOr404(services, id);
  const state = String(zone.properties.status);
  if (!STEPS[action].from.includes(state)) throw new Conflict(`cannot ${action} a zone that is ${state}`, { status: state, allowed: actionsFrom(state) });
  if (principal.kind !== 'user' || !STEPS[action].roles.includes(principal.role)) throw new Forbidden(`your role may not ${action} key targets`, { action });
  if (comment.trim() === '') throw new InvalidBody('a comment is required for every review step', { problems: [{ path: 'comment', message: 'required' }] });
  const effective = action === 'approve' ? effectiveDate ?? (zone.properties.effective_date as string | null) ?? today(services) : (zone.properties.effective_date as string | null);
  const status = nextState(action, effective, today(services));
  const reviewedBy = ['approve', 'reject', 'return', 'revoke'].includes(action) ? organisation(principal) : (zone.properties.reviewed_by as string | null);
  return services.db.transaction(() => {
    const updated = services.provider.replace('key_targets', id, { ...zone, properties: { ...zone.properties, status, effective_date: effective, reviewed_by: reviewedBy } })!;
    record(services, principal, updated, action, state, comment);
    return updated;
  })();
}

/** Approved zones whose effective date has come become designated (checked whenever the workflow is used). */
export function promoteDue(services: Services): number {
  const due = services.provider.query('key_targets', { filters: [{ property: 'status', value: 'approved' }], limit: 10_000, offset: 0 }).features
    .filter((zone) => String(zone.properties.effective_date ?? '') <= today(services));
  for (const zone of due) {
    services.db.transaction(() => {
      const updated = services.provider.replace('key_targets', zone.id, { ...zone, properties: { ...zone.properties, status: 'designated' } })!;
      record(services, null, updated, 'effective', 'approved', `hiệu lực từ ${String(zone.properties.effective_date)}`);
    })();
  }
  return due.length;
}

export function zoneHistory(services: Services, id: number): ZoneEvent[] {
  return services.db.prepare('SELECT at, actor, role, organisation, action, from_state AS "from", to_state AS "to", comment FROM key_target_events WHERE zone_id = ? ORDER BY id').all(id) as ZoneEvent[];
}

export function reviewDetails(services: Services, id: number) {
  const row = services.db.prepare('SELECT justification, protected_assets, review_date, proposed_by_user FROM key_target_reviews WHERE zone_id = ?').get(id) as
    { justification: string; protected_assets: string; review_date: string; proposed_by_user: string } | undefined;
  return row ? { justification: row.justification, protectedAssets: JSON.parse(row.protected_assets) as unknown[], reviewDate: row.review_date, proposedBy: row.proposed_by_user } : null;
}
