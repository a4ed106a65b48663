import type { Role, User } from '../storage/accounts.ts';

export { ROLES, type Role, type User } from '../storage/accounts.ts';

/** Who a route rule can admit: a role, or `public` for a request with no valid session or token. */
export type Audience = Role | 'public';

/** The caller of one request: the public, or a user signed in with a session cookie or an API token. */
export type Principal = { kind: 'public' } | (User & { kind: 'user'; via: 'session' | 'token'; tokenId?: number });

export const PUBLIC: Principal = { kind: 'public' };

export const audienceOf = (principal: Principal): Audience => (principal.kind === 'public' ? 'public' : principal.role);

/** True when the principal is one of `roles` (the public never is). */
export const hasRole = (principal: Principal, ...roles: Role[]): principal is Extract<Principal, { kind: 'user' }> =>
  principal.kind === 'user' && roles.includes(principal.role);

/** Name written to the audit log and to history entries: the username, or `public`. */
export const actorName = (principal: Principal): string => (principal.kind === 'public' ? 'public' : principal.username);
