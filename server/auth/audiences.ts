import { ROLES, type Audience } from './principal.ts';

/** Audiences used by route rules; a rule lists exactly who may call it and everyone else is refused. */
export const EVERYONE: readonly Audience[] = ['public', ...ROLES];
export const SIGNED_IN: readonly Audience[] = ROLES;
/** Security staff: key targets, incident details, analysis and patrols. */
export const SECURITY: readonly Audience[] = ['admin', 'police_planner', 'dic_reviewer'];
export const POLICE: readonly Audience[] = ['admin', 'police_planner'];
export const DIC: readonly Audience[] = ['admin', 'dic_reviewer'];
export const CARRIERS: readonly Audience[] = ['admin', 'carrier_editor'];
export const ADMIN: readonly Audience[] = ['admin'];
