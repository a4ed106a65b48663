import { rowScope, scopeAdmits } from '../auth/access.ts';
import { actorName, type Principal } from '../auth/principal.ts';
import { Conflict, Forbidden, InvalidBody, NotFound } from '../errors.ts';
import type { Services } from '../services.ts';
import type { LiveMessage } from '../storage/broadcast.ts';
import type { FeatureStore, StoredFeature } from '../storage/features.ts';
import type { IncidentEvent } from '../storage/histories.ts';
import type { Stores } from '../storage/storage.ts';
import { applied, nothing, transact, type Actor, type Applied } from '../writes/transact.ts';
import { communeAt } from './nearest.ts';
import { allowedTargets, permittedTargets } from './workflow.ts';

export type { IncidentEvent } from '../storage/histories.ts';

export type NewIncident = {
  lonLat: [number, number];
  type: string;
  occurredAt: string;
  source: 'police' | 'patrol' | 'carrier_alarm' | 'hotline';
  description: string | null;
  asset?: { collection: string; id: number; owner: string } | null;
  damageVnd?: number | null;
  outageMinutes?: number | null;
  /** A SIM box's evidence (type `sim_box`). */
  evidence?: { simCount: number; callMinutes: number; cellIds: string[]; uncertaintyMeters: number } | null;
};

export type IncidentChange = { to: string; comment?: string | null; duplicateOf?: number | null };

/** Whether `principal` may read this incident: the same scope as the incidents collection. */
export function incidentVisibleTo(principal: Principal, incident: StoredFeature): boolean {
  const scope = rowScope(principal, 'incidents');
  return scope !== null && scopeAdmits(scope, incident);
}

/** The live event of an incident, for everyone who may read it. */
export function incidentMessage(type: string, incident: StoredFeature, extra: Record<string, unknown> = {}): LiveMessage {
  return {
    type,
    data: {
      id: incident.id, type: incident.properties.type, status: incident.properties.status, coordinates: (incident.geometry as { coordinates: number[] }).coordinates,
      asset: incident.properties.asset_id ? { collection: incident.properties.asset_collection, id: incident.properties.asset_id } : null, owner: incident.properties.asset_owner, ...extra,
    },
    about: { collection: 'incidents', feature: incident },
  };
}

const secondsOnly = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const historyEvent = (principal: Principal, at: Date, from: string | null, to: string, comment: string | null, duplicateOf: number | null): IncidentEvent => ({
  at: at.toISOString(), actor: actorName(principal), role: principal.kind === 'user' ? principal.role : null, from, to, comment: comment?.normalize('NFC') ?? null, duplicateOf,
});

/**
 * Stores a new incident (status `reported`) with its first history event, inside the caller's transaction; its
 * audit entry and live event come back with it. Callers have checked the input and the caller's right to file it.
 */
export async function fileIncident(tx: Stores, principal: Principal, input: NewIncident, now: Date, liveEvent = 'incident.created'): Promise<Applied<StoredFeature>> {
  const stored = await tx.features.create('incidents', {
    type: 'Feature', geometry: { type: 'Point', coordinates: input.lonLat },
    properties: {
      type: input.type, occurred_at: input.occurredAt, reported_at: secondsOnly(now), source: input.source, status: 'reported',
      asset_collection: input.asset?.collection ?? null, asset_id: input.asset?.id ?? null, asset_owner: input.asset?.owner ?? null,
      damage_vnd: input.damageVnd ?? null, outage_minutes: input.outageMinutes ?? null,
      sim_count: input.evidence?.simCount ?? null, call_minutes: input.evidence?.callMinutes ?? null, cell_ids: input.evidence?.cellIds ?? null, uncertainty_m: input.evidence?.uncertaintyMeters ?? null,
      ...(await communeAt(tx.features, input.lonLat)),
      description: input.description?.normalize('NFC') ?? null,
    },
  });
  await tx.incidentHistory.append(stored.id, historyEvent(principal, now, null, 'reported', null, null));
  return applied(stored, [{ action: 'create', targetType: 'incidents', targetId: stored.id, after: stored }], [incidentMessage(liveEvent, stored)]);
}

/** The incident if the principal may read it; out-of-scope incidents answer like missing ones. */
export async function readableIncident(features: FeatureStore, principal: Principal, id: number): Promise<StoredFeature> {
  const incident = Number.isSafeInteger(id) ? await features.get('incidents', id) : undefined;
  if (!incident || !incidentVisibleTo(principal, incident)) throw new NotFound(`incident ${id} does not exist`, { id });
  return incident;
}

/**
 * Moves an incident along its lifecycle inside the caller's transaction, from the status it has there: refuses
 * targets the lifecycle does not allow from it (409, naming them) — so of two concurrent steps from one state the
 * second is refused — and targets this principal may not choose (403); `duplicate` needs another incident that is
 * not itself a duplicate.
 */
export async function moveIncident(tx: Stores, principal: Principal, id: number, change: IncidentChange, now: Date): Promise<Applied<StoredFeature>> {
  const before = await readableIncident(tx.features, principal, id);
  const from = String(before.properties.status);
  const allowed = allowedTargets(from);
  if (!allowed.includes(change.to as never)) throw new Conflict(`an incident that is ${from} cannot become ${change.to}`, { status: from, allowed });
  if (!permittedTargets(principal, from).includes(change.to as never)) throw new Forbidden(`your role may not mark this incident ${change.to}`, { status: from, allowed: permittedTargets(principal, from) });
  let duplicateOf: number | null = null;
  if (change.to === 'duplicate') {
    const original = change.duplicateOf == null ? undefined : await tx.features.get('incidents', change.duplicateOf);
    if (!original || original.id === id) throw new InvalidBody('duplicateOf must name another existing incident', { field: 'duplicateOf' });
    if (original.properties.status === 'duplicate') throw new InvalidBody(`incident ${original.id} is itself a duplicate; link to the one it duplicates`, { field: 'duplicateOf' });
    duplicateOf = original.id;
  } else if (change.duplicateOf != null) throw new InvalidBody('duplicateOf is only for a change to duplicate', { field: 'duplicateOf' });
  const after = (await tx.features.replace('incidents', id, { ...before, properties: { ...before.properties, status: change.to } }))!;
  await tx.incidentHistory.append(id, historyEvent(principal, now, from, change.to, change.comment ?? null, duplicateOf));
  return applied(after, [{ action: 'transition', targetType: 'incidents', targetId: id, before: { status: from }, after: { status: change.to, duplicateOf } }], [incidentMessage('incident.updated', after)]);
}

/** Files an incident through the write path. */
export const createIncident = (services: Services, actor: Actor, input: NewIncident): Promise<StoredFeature> =>
  transact(services, actor, { read: nothing, apply: (tx) => fileIncident(tx, actor.principal, input, services.now()) });

/** Moves an incident along its lifecycle through the write path. */
export const transitionIncident = (services: Services, actor: Actor, id: number, change: IncidentChange): Promise<StoredFeature> =>
  transact(services, actor, { read: nothing, apply: (tx) => moveIncident(tx, actor.principal, id, change, services.now()) });

export const incidentHistory = (services: Services, id: number): Promise<IncidentEvent[]> => services.storage.incidentHistory.list(id);
