import type { Owner } from '../collections/vocabulary.ts';

/** Roles a user account can hold (issue 4). A carrier editor is bound to one carrier through their organisation. */
export const ROLES = ['admin', 'police_planner', 'carrier_editor', 'dic_reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who a route rule can admit: a role, or `public` for a request with no valid session or token. */
export type Audience = Role | 'public';

export type User = {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  organisationId: number;
  organisationName: string;
  /** The carrier whose assets this user edits; set for carrier editors (and only them). */
  carrier: Owner | null;
};

/** The caller of one request: the public, or a user signed in with a session cookie or an API token. */
export type Principal = { kind: 'public' } | (User & { kind: 'user'; via: 'session' | 'token'; tokenId?: number });

export const PUBLIC: Principal = { kind: 'public' };

export const audienceOf = (principal: Principal): Audience => (principal.kind === 'public' ? 'public' : principal.role);

/** True when the principal is one of `roles` (the public never is). */
export const hasRole = (principal: Principal, ...roles: Role[]): principal is Extract<Principal, { kind: 'user' }> =>
  principal.kind === 'user' && roles.includes(principal.role);

/** Name written to the audit log and to history entries: the username, or `public`. */
export const actorName = (principal: Principal): string => (principal.kind === 'public' ? 'public' : principal.username);
