import type { Owner } from '../collections/vocabulary.ts';

/** Roles a user account can hold (issue 4). A carrier editor is bound to one carrier through their organisation. */
export const ROLES = ['admin', 'police_planner', 'carrier_editor', 'dic_reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['carrier', 'provincial_police', 'district_police', 'dic', 'peoples_committee', 'operator'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type Organisation = { id: number; code: string; name: string; kind: OrganisationKind; carrier: Owner | null };
/** The bodies of the area's `area.json` (its `organisations`) that an organisation row can stand for (migration 044). */
export const AREA_BODIES = ['department', 'police', 'committee'] as const;
export type AreaBody = (typeof AREA_BODIES)[number];

/** An enabled user account as the rest of the server sees it. */
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

/** `lastUsedAt`: the token's last use to within `TOKEN_USE_RESOLUTION_MS` (`server/auth/accounts.ts`). */
export type TokenInfo = { id: number; name: string; username: string; createdAt: string; revokedAt: string | null; lastUsedAt: string | null };
/** A use of a token to note (`AccountStore.tokenUser`): when, and since when a noted use makes this one not worth a write. */
export type TokenUse = { at: string; notedSince: string };

/**
 * Organisations, users, sessions and API tokens. The store keeps what it is given: hashes of passwords, session
 * tokens and API tokens, and alarm signing secrets sealed with a key kept outside the database (all made by
 * `server/auth/accounts.ts`), never a secret that signs a user in. Times are ISO 8601 instants passed in by the
 * caller, so the store has no clock.
 */
export interface AccountStore {
  /** Adds an organisation; Conflict when its code is taken. */
  createOrganisation(organisation: Omit<Organisation, 'id'>): Promise<Organisation>;
  organisations(): Promise<Organisation[]>;
  organisation(code: string): Promise<Organisation | undefined>;
  /** Gives the organisations standing for the area's bodies these names; the codes of those whose name changed. */
  nameAreaBodies(names: Record<AreaBody, string>): Promise<string[]>;
  /** Adds a user; Conflict when the username (case-insensitive) is taken. */
  createUser(user: { username: string; displayName: string; passwordHash: string; role: Role; organisationId: number; createdAt: string }): Promise<User>;
  users(): Promise<(User & { disabled: boolean })[]>;
  /** Changes a user's role (an operator's step: `npm run user -- role`); false when there is no such user. */
  setRole(username: string, role: Role): Promise<boolean>;
  /** A user by name with the stored password hash, enabled or not: what a sign-in checks. */
  credentials(username: string): Promise<(User & { passwordHash: string; disabled: boolean }) | undefined>;
  /** An enabled user by id. */
  enabledUser(userId: number): Promise<User | undefined>;
  createSession(session: { tokenHash: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void>;
  /** The enabled user of a session that has not expired at `now`, in one read. */
  session(tokenHash: string, now: string): Promise<{ user: User; csrfToken: string } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Stores a token (its hash) acting as `userId`; returns its id. */
  createToken(token: { name: string; tokenHash: string; signingSecret: string; userId: number; createdAt: string }): Promise<number>;
  /**
   * The enabled user a live token acts as, in one read. With `use`, notes `use.at` as the token's last use unless the
   * last use noted is `use.notedSince` or later: a token in constant use is written once in that span, whichever
   * process serves it, instead of on every request (a stream re-checking its token passes no `use`).
   */
  tokenUser(tokenHash: string, use?: TokenUse): Promise<{ user: User; tokenId: number } | null>;
  /** The stored (sealed) signing secret of a live token, with the token's hash it is sealed to. */
  signingSecret(tokenId: number): Promise<{ tokenHash: string; value: string } | null>;
  /** Every token's stored signing secret, revoked or not (to seal values stored in plain text before issue 13). */
  signingSecrets(): Promise<{ id: number; tokenHash: string; value: string }[]>;
  setSigningSecret(id: number, value: string): Promise<void>;
  /** Revokes a live token; false when there is none with that id. */
  revokeToken(id: number, now: string): Promise<boolean>;
  tokens(): Promise<TokenInfo[]>;
}
