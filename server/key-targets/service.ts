import type { Geometry } from 'geojson';
import { actorName, PUBLIC, type Principal } from '../auth/principal.ts';
import { Conflict, Forbidden, InvalidBody, NotFound } from '../errors.ts';
import type { Services } from '../services.ts';
import type { FeatureStore, StoredFeature } from '../storage/features.ts';
import type { KeyTargetEvent } from '../storage/histories.ts';
import type { Stores } from '../storage/storage.ts';
import { applied, transact, type Actor, type AuditNote } from '../writes/transact.ts';
import { actionsFrom, nextState, STEPS, type ReviewAction } from './workflow.ts';

export type Proposal = {
  name: string; category: string; protectionLevel: number; justification: string; reviewDate: string; effectiveDate: string | null;
  legalBasis: string | null; protectedAssets: { collection: string; id: number }[]; geometry: Geometry;
};
export type ZoneEvent = KeyTargetEvent;

const today = (services: Services) => services.now().toISOString().slice(0, 10);
const organisation = (principal: Principal) => (principal.kind === 'user' ? principal.organisationName : null);

/**
 * Appends the step to the zone's history (with a snapshot of the zone after it) and returns its audit entry; a
 * `null` principal is the system (effective dates), which the audit log does not list.
 */
async function record(tx: Stores, services: Services, principal: Principal | null, zone: StoredFeature, action: string, from: string | null, comment: string | null): Promise<AuditNote[]> {
  await tx.keyTargetHistory.append(zone.id, {
    at: services.now().toISOString(), actor: principal ? actorName(principal) : 'system', role: principal?.kind === 'user' ? principal.role : null,
    organisation: principal ? organisation(principal) : null, action, from, to: String(zone.properties.status), comment: comment?.normalize('NFC') ?? null,
  }, zone);
  if (!principal) return [];
  const auditAction = action === 'propose' ? 'create' : action === 'edit' ? 'update' : 'transition';
  return [{ action: auditAction, targetType: 'key_targets', targetId: zone.id, after: { status: zone.properties.status, action, comment } }];
}

const featureOf = (proposal: Proposal, status: string, proposedBy: string | null, reviewedBy: string | null) => ({
  type: 'Feature' as const, geometry: proposal.geometry,
  properties: {
    name: proposal.name.normalize('NFC'), category: proposal.category, status, protection_level: proposal.protectionLevel, effective_date: proposal.effectiveDate,
    legal_basis: proposal.legalBasis?.normalize('NFC') ?? null, proposed_by: proposedBy, reviewed_by: reviewedBy,
  },
});

const reviewOf = (proposal: Proposal, by: string) => ({
  justification: proposal.justification.normalize('NFC'), protectedAssets: proposal.protectedAssets, reviewDate: proposal.reviewDate, proposedBy: by,
});

export function propose(services: Services, actor: Actor, proposal: Proposal): Promise<StoredFeature> {
  const { principal } = actor;
  return transact(services, actor, {
    read: async () => null,
    apply: async (tx) => {
      const zone = await tx.features.create('key_targets', featureOf(proposal, 'proposed', organisation(principal), null));
      await tx.keyTargetHistory.saveReview(zone.id, reviewOf(proposal, actorName(principal)), services.now().toISOString());
      return applied(zone, await record(tx, services, principal, zone, 'propose', null, proposal.justification));
    },
  });
}

async function zoneOr404(features: FeatureStore, id: number): Promise<StoredFeature> {
  const zone = Number.isSafeInteger(id) ? await features.get('key_targets', id) : undefined;
  if (!zone) throw new NotFound(`key target ${id} does not exist`, { id });
  return zone;
}

/** Police change a proposal while it is proposed or returned to them (checked in the transaction that changes it). */
export function editProposal(services: Services, actor: Actor, id: number, proposal: Proposal): Promise<StoredFeature> {
  const { principal } = actor;
  return transact(services, actor, {
    read: async (tx) => {
      const zone = await zoneOr404(tx.features, id);
      const state = String(zone.properties.status);
      if (state !== 'proposed' && state !== 'returned') throw new Conflict(`a ${state} zone can no longer be edited`, { status: state });
      return { zone, state };
    },
    apply: async (tx, { zone, state }) => {
      const updated = (await tx.features.replace('key_targets', id, featureOf(proposal, state, String(zone.properties.proposed_by ?? organisation(principal)), null)))!;
      await tx.keyTargetHistory.saveReview(id, reviewOf(proposal, actorName(principal)), services.now().toISOString());
      return applied(updated, await record(tx, services, principal, updated, 'edit', state, null));
    },
  });
}

/**
 * One review step. Refuses actions the zone's state does not allow when the transaction reads it (409 with the
 * allowed ones) — so of two concurrent steps from one state the second is refused — roles the step is not for
 * (403), and a missing comment (400): every decision says why.
 */
export function review(services: Services, actor: Actor, id: number, action: ReviewAction, comment: string, effectiveDate?: string): Promise<StoredFeature> {
  const { principal } = actor;
  return transact(services, actor, {
    read: async (tx) => {
      const zone = await zoneOr404(tx.features, id);
      const state = String(zone.properties.status);
      if (!STEPS[action].from.includes(state)) throw new Conflict(`cannot ${action} a zone that is ${state}`, { status: state, allowed: actionsFrom(state) });
      if (principal.kind !== 'user' || !STEPS[action].roles.includes(principal.role)) throw new Forbidden(`your role may not ${action} key targets`, { action });
      return { zone, state };
    },
    check: () => (comment.trim() === '' ? [{ path: 'comment', message: 'required' }] : []),
    refuse: (problems) => new InvalidBody('a comment is required for every review step', { problems }),
    apply: async (tx, { zone, state }) => {
      const effective = action === 'approve' ? effectiveDate ?? (zone.properties.effective_date as string | null) ?? today(services) : (zone.properties.effective_date as string | null);
      const status = nextState(action, effective, today(services));
      const reviewedBy = ['approve', 'reject', 'return', 'revoke'].includes(action) ? organisation(principal) : (zone.properties.reviewed_by as string | null);
      const updated = (await tx.features.replace('key_targets', id, { ...zone, properties: { ...zone.properties, status, effective_date: effective, reviewed_by: reviewedBy } }))!;
      return applied(updated, await record(tx, services, principal, updated, action, state, comment));
    },
  });
}

/** Approved zones whose effective date has come become designated (checked whenever the workflow is used). */
export async function promoteDue(services: Services): Promise<number> {
  const isDue = (zone: StoredFeature) => zone.properties.status === 'approved' && String(zone.properties.effective_date ?? '') <= today(services);
  const due = (await services.storage.features.query('key_targets', { filters: [{ property: 'status', value: 'approved' }], limit: 10_000, offset: 0 })).features.filter(isDue);
  let promoted = 0;
  for (const { id } of due) {
    promoted += await transact(services, { principal: PUBLIC }, {
      // Read again in the transaction: a concurrent request may have promoted or revoked it meanwhile.
      read: (tx) => tx.features.get('key_targets', id),
      apply: async (tx, zone) => {
        if (!zone || !isDue(zone)) return applied(0);
        const updated = (await tx.features.replace('key_targets', id, { ...zone, properties: { ...zone.properties, status: 'designated' } }))!;
        return applied(1, await record(tx, services, null, updated, 'effective', 'approved', `hiệu lực từ ${String(zone.properties.effective_date)}`));
      },
    });
  }
  return promoted;
}

export const zoneHistory = (services: Services, id: number): Promise<ZoneEvent[]> => services.storage.keyTargetHistory.list(id);
export const reviewDetails = (services: Services, id: number) => services.storage.keyTargetHistory.review(id);
