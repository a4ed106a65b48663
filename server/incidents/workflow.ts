import type { Principal } from '../auth/principal.ts';

export type IncidentStatus = 'reported' | 'verified' | 'investigating' | 'resolved' | 'false_alarm' | 'duplicate';

/**
 * The lifecycle (issue 4): reported → verified → investigating → resolved, with the side exits false_alarm and
 * duplicate from any open state. Resolved, false alarms and duplicates are final.
 */
export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['verified', 'false_alarm', 'duplicate'],
  verified: ['investigating', 'false_alarm', 'duplicate'],
  investigating: ['resolved', 'false_alarm', 'duplicate'],
  resolved: [],
  false_alarm: [],
  duplicate: [],
};

export const allowedTargets = (from: string): readonly IncidentStatus[] => TRANSITIONS[from as IncidentStatus] ?? [];

/**
 * Targets this principal may move an incident to: police and admins drive the whole lifecycle; the carrier whose
 * alarm or asset it is may only say it was a false alarm (it knows its own systems), before investigation starts.
 */
export function permittedTargets(principal: Principal, from: string): readonly IncidentStatus[] {
  if (principal.kind !== 'user') return [];
  if (principal.role === 'admin' || principal.role === 'police_planner') return allowedTargets(from);
  if (principal.role === 'carrier_editor' && (from === 'reported' || from === 'verified')) return ['false_alarm'];
  return [];
}
