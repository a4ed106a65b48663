import { readScope, scopeAdmits } from '../auth/access.ts';
import { actorName, type Principal } from '../auth/principal.ts';
import { Conflict, Forbidden, InvalidBody, NotFound } from '../errors.ts';
import type { Services } from '../services.ts';
import type { StoredFeature } from '../storage/provider.ts';
import { communeAt } from './nearest.ts';
import { allowedTargets, permittedTargets } from './workflow.ts';

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

export type IncidentEvent = { at: string; actor: string; role: string | null; from: string | null; to: string; comment: string | null; duplicateOf: number | null };

/** Whether `principal` may read this incident: the same scope as the incidents collection. */
export function incidentVisibleTo(services: Services, incident: StoredFeature) {
  return (principal: Principal): boolean => {
    const scope = readScope(principal, 'incidents', services.provider);
    return scope !== null && scopeAdmits(scope, incident);
  };
}

function publish(services: Services, type: string, incident: StoredFeature): void {
  services.events.publish({
    type,
    data: { id: incident.id, type: incident.properties.type, status: incident.properties.status, coordinates: (incident.geometry as { coordinates: number[] }).coordinates,
      asset: incident.properties.asset_id ? { collection: incident.properties.asset_collection, id: incident.properties.asset_id } : null, owner: incident.properties.asset_owner },
    visibleTo: incidentVisibleTo(services, incident),
  });
}

/**
 * Stores a new incident (status `reported`), its first history event and an audit entry in one transaction, then
 * tells connected users who may read it. Callers have checked the input and the caller's right to file it.
 */
export function createIncident(services: Services, principal: Principal, input: NewIncident, liveEvent = 'incident.created'): StoredFeature {
  const now = services.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const incident = services.db.transaction(() => {
    const stored = services.provider.create('incidents', {
      type: 'Feature', geometry: { type: 'Point', coordinates: input.lonLat },
      properties: {
        type: input.type, occurred_at: input.occurredAt, reported_at: now, source: input.source, status: 'reported',
        asset_collection: input.asset?.collection ?? null, asset_id: input.asset?.id ?? null, asset_owner: input.asset?.owner ?? null,
        damage_vnd: input.damageVnd ?? null, outage_minutes: input.outageMinutes ?? null,
        sim_count: input.evidence?.simCount ?? null, call_minutes: input.evidence?.callMinutes ?? null, cell_ids: input.evidence?.cellIds ?? null, uncertainty_m: input.evidence?.uncertaintyMeters ?? null,
        ...communeAt(services.provider, input.lonLat),
        description: input.description?.normalize('NFC') ?? null,
      },
    });
    recordEvent(services, principal, stored.id, null, 'reported', null, null);
    services.audit.append({ principal, action: 'create', targetType: 'incidents', targetId: stored.id, after: stored });
    return stored;
  })();
  publish(services, liveEvent, incident);
  return incident;
}

function recordEvent(services: Services, principal: Principal, id: number, from: string | null, to: string, comment: string | null, duplicateOf: number | null): void {
  services.db
    .prepare('INSERT INTO incident_events (incident_id, at, actor, role, from_status, to_status, comment, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, services.now().toISOString(), actorName(principal), principal.kind === 'user' ? principal.role : null, from, to, comment?.normalize('NFC') ?? null, duplicateOf);
}

/** The incident if the principal may read it; out-of-scope incidents answer like missing ones. */
export function readableIncident(services: Services, principal: Principal, id: number): StoredFeature {
  const incident = Number.isSafeInteger(id) ? services.provider.get('incidents', id) : undefined;
  if (!incident || !incidentVisibleTo(services, incident)(principal)) throw new NotFound(`incident ${id} does not exist`, { id });
  return incident;
}

/**
 * Moves an incident along its lifecycle. Refuses targets the lifecycle does not allow from the current state (409,
 * naming them) and targets this principal may not choose (403); `duplicate` needs another open incident.
 */
export function transitionIncident(services: Services, principal: Principal, id: number, change: { to: string; comment?: string | null; duplicateOf?: number | null }): StoredFeature {
  const before = readableIncident(services, principal, id);
  const from = String(before.properties.status);
  const allowed = allowedTargets(from);
  if (!allowed.includes(change.to as never)) {
    throw new Conflict(`an incident that is ${from} cannot become ${change.to}`, { status: from, allowed });
  }
  if (!permittedTargets(principal, from).includes(change.to as never)) throw new Forbidden(`your role may not mark this incident ${change.to}`, { status: from, allowed: permittedTargets(principal, from) });
  let duplicateOf: number | null = null;
  if (change.to === 'duplicate') {
    const original = change.duplicateOf == null ? undefined : services.provider.get('incidents', change.duplicateOf);
    if (!original || original.id === id) throw new InvalidBody('duplicateOf must name another existing incident', { field: 'duplicateOf' });
    if (original.properties.status === 'duplicate') throw new InvalidBody(`incident ${original.id} is itself a duplicate; link to the one it duplicates`, { field: 'duplicateOf' });
    duplicateOf = original.id;
  } else if (change.duplicateOf != null) throw new InvalidBody('duplicateOf is only for a change to duplicate', { field: 'duplicateOf' });
  const after = services.db.transaction(() => {
    const updated = services.provider.replace('incidents', id, { ...before, properties: { ...before.properties, status: change.to } })!;
    recordEvent(services, principal, id, from, change.to, change.comment ?? null, duplicateOf);
    services.audit.append({ principal, action: 'transition', targetType: 'incidents', targetId: id, before: { status: from }, after: { status: change.to, duplicateOf } });
    return updated;
  })();
  publish(services, 'incident.updated', after);
  return after;
}

export function incidentHistory(services: Services, id: number): IncidentEvent[] {
  return (services.db.prepare('SELECT at, actor, role, from_status AS "from", to_status AS "to", comment, duplicate_of AS duplicateOf FROM incident_events WHERE incident_id = ? ORDER BY id').all(id) as IncidentEvent[]);
}
