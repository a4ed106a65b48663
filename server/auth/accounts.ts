import { createHash, randomBytes } from 'node:crypto';
import type { SqliteDatabase } from '../db/open.ts';
import type { Owner } from '../collections/vocabulary.ts';
import { Conflict, InvalidBody } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SecretBox } from './secret-box.ts';
import { sealPlainSigningSecrets } from '../storage/sqlite/sealed-secrets.ts';
import { ROLES, type Role, type User } from './principal.ts';

export const ORGANISATION_KINDS = ['carrier', 'provincial_police', 'district_police', 'dic', 'peoples_committee', 'operator'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type Organisation = { id: number; code: string; name: string; kind: OrganisationKind; carrier: Owner | null };

export type NewUser = {
  username: string; displayName: string; password: string; role: Role; organisationCode: string;
  /** A hash made earlier by `hashPassword(password)`; the demo seed reuses one for its shared published password. */
  passwordHash?: string;
};
export type TokenInfo = { id: number; name: string; username: string; createdAt: string; revokedAt: string | null; lastUsedAt: string | null };
export type IssuedToken = { id: number; token: string; signingSecret: string };

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** For accounts made by people; the demo seed's published `demo` password comes pre-hashed and skips this. */
export const MIN_PASSWORD_LENGTH = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

type UserRow = {
  id: number; username: string; display_name: string; role: Role; organisation_id: number; organisation_name: string;
  carrier: Owner | null; password_hash: string; disabled: number;
};

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.role, u.organisation_id, o.name AS organisation_name, o.carrier,
  u.password_hash, u.disabled FROM users u JOIN organisations o ON o.id = u.organisation_id`;

const toUser = (row: UserRow): User => ({
  userId: row.id, username: row.username, displayName: row.display_name, role: row.role, organisationId: row.organisation_id,
  organisationName: row.organisation_name, carrier: row.role === 'carrier_editor' ? row.carrier : null,
});

/**
 * Organisations, users, sessions and API tokens. Tokens and sessions are returned once and stored only as SHA-256
 * hashes; alarm signing secrets, which the server must read back to check signatures, are stored sealed with a key
 * kept outside the database (`secret-box.ts`).
 */
export interface AccountStore {
  createOrganisation(organisation: Omit<Organisation, 'id'>): Organisation;
  organisations(): Organisation[];
  createUser(user: NewUser): Promise<User>;
  users(): (User & { disabled: boolean })[];
  /** The user when the password matches an enabled account; null otherwise (no hint which part was wrong). */
  verifyLogin(username: string, password: string): Promise<User | null>;
  createSession(userId: number): { token: string; csrfToken: string; expiresAt: string };
  session(token: string): { user: User; csrfToken: string } | null;
  deleteSession(token: string): void;
  createToken(userId: number, name: string): IssuedToken;
  /**
   * The user a bearer token acts as, and the token's id; null for unknown or revoked tokens. Records the use unless
   * `touch` is false (a live stream re-checking its token every few seconds).
   */
  tokenUser(token: string, options?: { touch?: boolean }): { user: User; tokenId: number } | null;
  signingSecret(tokenId: number): string | null;
  revokeToken(id: number): boolean;
  tokens(): TokenInfo[];
}

export function createSqliteAccountStore(db: SqliteDatabase, secrets: SecretBox, now: () => Date = () => new Date()): AccountStore {
  sealPlainSigningSecrets(db, secrets.seal, secrets.isSealed);
  const userById = db.prepare(`${USER_SELECT} WHERE u.id = ?`);
  const userByName = db.prepare(`${USER_SELECT} WHERE u.username = ?`);
  const sessionSelect = db.prepare('SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?');
  const tokenSelect = db.prepare('SELECT id, user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL');
  const enabledUser = (id: number): User | null => {
    const row = userById.get(id) as UserRow | undefined;
    return row && !row.disabled ? toUser(row) : null;
  };
  return {
    createOrganisation(organisation) {
      const existing = db.prepare('SELECT id FROM organisations WHERE code = ?').get(organisation.code);
      if (existing) throw new Conflict(`organisation "${organisation.code}" already exists`, { code: organisation.code });
      const { lastInsertRowid } = db
        .prepare('INSERT INTO organisations (code, name, kind, carrier) VALUES (?, ?, ?, ?)')
        .run(organisation.code, organisation.name.normalize('NFC'), organisation.kind, organisation.carrier);
      return { ...organisation, id: Number(lastInsertRowid) };
    },
    organisations: () => db.prepare('SELECT id, code, name, kind, carrier FROM organisations ORDER BY id').all() as Organisation[],
    async createUser(user) {
      if (!ROLES.includes(user.role)) throw new InvalidBody(`role must be one of ${ROLES.join(', ')}`, { field: 'role' });
      if (!/^[a-z0-9._-]{2,40}$/i.test(user.username)) throw new InvalidBody('username must be 2–40 letters, digits, dots, dashes or underscores', { field: 'username' });
      if (!user.passwordHash && user.password.length < MIN_PASSWORD_LENGTH) throw new InvalidBody(`password must be at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
      const organisation = db.prepare('SELECT id, carrier FROM organisations WHERE code = ?').get(user.organisationCode) as { id: number; carrier: string | null } | undefined;
      if (!organisation) throw new InvalidBody(`organisation "${user.organisationCode}" does not exist`, { field: 'organisation' });
      if (user.role === 'carrier_editor' && !organisation.carrier) throw new InvalidBody('a carrier editor must belong to a carrier', { field: 'organisation' });
      if (userByName.get(user.username)) throw new Conflict(`user "${user.username}" already exists`, { username: user.username });
      const hash = user.passwordHash ?? (await hashPassword(user.password));
      const { lastInsertRowid } = db
        .prepare('INSERT INTO users (username, display_name, password_hash, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(user.username, user.displayName.normalize('NFC'), hash, user.role, organisation.id, now().toISOString());
      return enabledUser(Number(lastInsertRowid))!;
    },
    users: () => (db.prepare(`${USER_SELECT} ORDER BY u.id`).all() as UserRow[]).map((row) => ({ ...toUser(row), disabled: row.disabled === 1 })),
    async verifyLogin(username, password) {
      const row = userByName.get(username) as UserRow | undefined;
      // Hash anyway for unknown users, so response time does not reveal which usernames exist.
      const ok = await verifyPassword(password, row?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
      return row && ok && !row.disabled ? toUser(row) : null;
    },
    createSession(userId) {
      const token = secret('');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now().getTime() + SESSION_TTL_MS).toISOString();
      db.prepare('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(sha256(token), userId, csrfToken, now().toISOString(), expiresAt);
      return { token, csrfToken, expiresAt };
    },
    session(token) {
      const row = sessionSelect.get(sha256(token)) as { user_id: number; csrf_token: string; expires_at: string } | undefined;
      if (!row || row.expires_at <= now().toISOString()) return null;
      const user = enabledUser(row.user_id);
      return user && { user, csrfToken: row.csrf_token };
    },
    deleteSession(token) {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sha256(token));
    },
    createToken(userId, name) {
      if (!enabledUser(userId)) throw new InvalidBody(`user ${userId} does not exist or is disabled`, { field: 'userId' });
      const token = secret('ngt_');
      const signingSecret = secret('ngs_');
      const { lastInsertRowid } = db
        .prepare('INSERT INTO api_tokens (name, token_hash, signing_secret, user_id, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(name.normalize('NFC'), sha256(token), secrets.seal(signingSecret, sha256(token)), userId, now().toISOString());
      return { id: Number(lastInsertRowid), token, signingSecret };
    },
    tokenUser(token, { touch = true } = {}) {
      const row = tokenSelect.get(sha256(token)) as { id: number; user_id: number } | undefined;
      if (!row) return null;
      const user = enabledUser(row.user_id);
      if (!user) return null;
      if (touch) db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now().toISOString(), row.id);
      return { user, tokenId: row.id };
    },
    signingSecret(tokenId) {
      const row = db.prepare('SELECT token_hash, signing_secret FROM api_tokens WHERE id = ? AND revoked_at IS NULL').get(tokenId) as { token_hash: string; signing_secret: string } | undefined;
      return row ? secrets.open(row.signing_secret, row.token_hash) : null;
    },
    revokeToken: (id) => db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now().toISOString(), id).changes === 1,
    tokens: () =>
      (db.prepare(`SELECT t.id, t.name, u.username, t.created_at AS createdAt, t.revoked_at AS revokedAt, t.last_used_at AS lastUsedAt
        FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id`).all() as TokenInfo[]),
  };
}
