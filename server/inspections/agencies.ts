import { AGENCIES, type Agency } from '../collections/vocabulary.ts';
import type { Principal, Role } from '../auth/principal.ts';
import type { InspectionQuery } from '../storage/inspections.ts';

/**
 * The agencies whose inspections a principal records (issue 18: each agency records its own). NetGuard's roles map
 * onto them so: police planners record as the police; the department's reviewers as the department, and also for
 * the agencies it coordinates that hold no NetGuard account (customs, market management, the frequency department,
 * the commune authorities), from the minutes those agencies hand in; the operator (admin) for any agency. Carriers
 * and the People's Committee's viewers record none.
 */
export function agenciesOf(principal: Principal): readonly Agency[] {
  return principal.kind === 'user' ? agenciesOfRole(principal.role) : [];
}

/** `agenciesOf` by role alone (the web app offers these agencies in its form). */
export function agenciesOfRole(role: Role): readonly Agency[] {
  switch (role) {
    case 'admin': return AGENCIES;
    case 'police_planner': return ['police'];
    case 'dic_reviewer': return ['dic', 'customs', 'market_management', 'frequency_department', 'commune'];
    default: return [];
  }
}

/** Which inspections a principal may read: `visibleTo` as the store takes it (undefined for all), or null for none. */
export type InspectionScope = { visibleTo?: NonNullable<InspectionQuery['visibleTo']> };

/**
 * The read scope of inspections, applied by every path that returns them (list, item, a dealer's list): security
 * staff read all; a carrier the inspections of its own service agents only; the People's Committee those of scrap
 * dealers (as it always could), not those of agents, which its reading of the agent register leaves out.
 */
export function inspectionScope(principal: Principal): InspectionScope | null {
  if (principal.kind !== 'user') return null;
  switch (principal.role) {
    case 'admin': case 'police_planner': case 'dic_reviewer': return {};
    case 'carrier_editor': return principal.carrier ? { visibleTo: { collections: ['service_agents'], owner: principal.carrier } } : null;
    case 'viewer': return { visibleTo: { collections: ['scrap_dealers'] } };
    default: return null;
  }
}

/** True when an inspection of `target` lies within the scope (single-item reads). */
export function scopeAdmitsTarget(scope: InspectionScope, target: { collection: string | null; owner: string | null }): boolean {
  const visible = scope.visibleTo;
  if (!visible) return true;
  return target.collection !== null && visible.collections.includes(target.collection) && (visible.owner === undefined || target.owner === visible.owner);
}
