import { createHash, randomBytes } from 'node:crypto';
import { InvalidBody } from '../errors.ts';
import { ROLES, type AccountStore, type Organisation, type Role, type TokenInfo, type User } from '../storage/accounts.ts';
import type { Storage } from '../storage/storage.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SecretBox } from './secret-box.ts';

export { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '../storage/accounts.ts';

export type NewUser = {
  username: string; displayName: string; password: string; role: Role; organisationCode: string;
  /** A hash made earlier by `hashPassword(password)`; the demo seed reuses one for its shared published password. */
  passwordHash?: string;
};
export type IssuedToken = { id: number; token: string; signingSecret: string };

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/**
 * How precisely an API token's last use is kept. Noting every use would make every read a write (the token's row,
 * on every request: issue 16 measured it as one of two writes of each bbox read, which two SQLite processes take
 * turns at); a use within this span of the last one noted is not written.
 */
export const TOKEN_USE_RESOLUTION_MS = 60_000;
/** For accounts made by people; the demo seed's published `demo` password comes pre-hashed and skips this. */
export const MIN_PASSWORD_LENGTH = 10;
/** Compared with when the username is unknown, so response time does not reveal which usernames exist. */
const NO_SUCH_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

/** A new user's record as the store takes it: checked, its organisation resolved, its password hashed. */
export type UserRecord = Parameters<AccountStore['createUser']>[0];

/**
 * Checks a new account and hashes its password (which takes a while, so it happens before any transaction).
 * @throws InvalidBody naming the field at fault
 */
export async function prepareUser(store: AccountStore, user: NewUser, now: Date): Promise<UserRecord> {
  if (!ROLES.includes(user.role)) throw new InvalidBody(`role must be one of ${ROLES.join(', ')}`, { field: 'role' });
  if (!/^[a-z0-9._-]{2,40}$/i.test(user.username)) throw new InvalidBody('username must be 2–40 letters, digits, dots, dashes or underscores', { field: 'username' });
  if (!user.passwordHash && user.password.length < MIN_PASSWORD_LENGTH) throw new InvalidBody(`password must be at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
  const organisation = await store.organisation(user.organisationCode);
  if (!organisation) throw new InvalidBody(`organisation "${user.organisationCode}" does not exist`, { field: 'organisation' });
  if (user.role === 'carrier_editor' && !organisation.carrier) throw new InvalidBody('a carrier editor must belong to a carrier', { field: 'organisation' });
  const passwordHash = user.passwordHash ?? (await hashPassword(user.password));
  return { username: user.username, displayName: user.displayName.normalize('NFC'), passwordHash, role: user.role, organisationId: organisation.id, createdAt: now.toISOString() };
}

/**
 * Seals the signing secrets a database stored in plain text before issue 13, once, in one transaction: afterwards no
 * row holds a secret a database copy could sign alarms with.
 * @returns how many were sealed
 */
export async function sealPlainSigningSecrets(storage: Storage, secrets: SecretBox): Promise<number> {
  return storage.transaction(async (tx) => {
    const plain = (await tx.accounts.signingSecrets()).filter((row) => !secrets.isSealed(row.value));
    for (const row of plain) await tx.accounts.setSigningSecret(row.id, secrets.seal(row.value, row.tokenHash));
    return plain.length;
  });
}

/**
 * Organisations, users, sessions and API tokens over the account store: the secrets (session tokens, API tokens,
 * signing secrets) are made here and returned once; the store keeps SHA-256 hashes of the tokens, and the alarm
 * signing secrets, which the server must read back to check signatures, sealed with `secrets` (`secret-box.ts`).
 */
export function accountService(store: AccountStore, secrets: SecretBox, now: () => Date = () => new Date()) {
  const service = {
    createOrganisation: (organisation: Omit<Organisation, 'id'>) => store.createOrganisation({ ...organisation, name: organisation.name.normalize('NFC') }),
    organisations: () => store.organisations(),
    /** Checks, hashes and stores a new account. */
    async createUser(user: NewUser): Promise<User> {
      return store.createUser(await prepareUser(store, user, now()));
    },
    users: () => store.users(),
    /** The user when the password matches an enabled account; null otherwise (no hint which part was wrong). */
    async verifyLogin(username: string, password: string): Promise<User | null> {
      const found = await store.credentials(username);
      const ok = await verifyPassword(password, found?.passwordHash ?? NO_SUCH_HASH);
      if (!found || !ok || found.disabled) return null;
      const { passwordHash: _hash, disabled: _disabled, ...user } = found;
      return user;
    },
    async createSession(userId: number): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
      const token = secret('');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now().getTime() + SESSION_TTL_MS).toISOString();
      await store.createSession({ tokenHash: sha256(token), userId, csrfToken, createdAt: now().toISOString(), expiresAt });
      return { token, csrfToken, expiresAt };
    },
    session: (token: string) => store.session(sha256(token), now().toISOString()),
    deleteSession: (token: string) => store.deleteSession(sha256(token)),
    async createToken(userId: number, name: string): Promise<IssuedToken> {
      if (!(await store.enabledUser(userId))) throw new InvalidBody(`user ${userId} does not exist or is disabled`, { field: 'userId' });
      const token = secret('ngt_');
      const signingSecret = secret('ngs_');
      const tokenHash = sha256(token);
      const id = await store.createToken({ name: name.normalize('NFC'), tokenHash, signingSecret: secrets.seal(signingSecret, tokenHash), userId, createdAt: now().toISOString() });
      return { id, token, signingSecret };
    },
    /**
     * The user a bearer token acts as, and the token's id; null for unknown or revoked tokens. Records the use, to
     * within TOKEN_USE_RESOLUTION_MS, unless `touch` is false (a live stream re-checking its token every few seconds).
     */
    tokenUser(token: string, { touch = true }: { touch?: boolean } = {}) {
      const at = now();
      return store.tokenUser(sha256(token), touch ? { at: at.toISOString(), notedSince: new Date(at.getTime() - TOKEN_USE_RESOLUTION_MS).toISOString() } : undefined);
    },
    async signingSecret(tokenId: number): Promise<string | null> {
      const stored = await store.signingSecret(tokenId);
      return stored ? secrets.open(stored.value, stored.tokenHash) : null;
    },
    revokeToken: (id: number) => store.revokeToken(id, now().toISOString()),
    tokens: (): Promise<TokenInfo[]> => store.tokens(),
    /** The same service over another account store: a transaction's (`tx.accounts`). */
    within: (other: AccountStore) => accountService(other, secrets, now),
  };
  return service;
}
export type Accounts = ReturnType<typeof accountService>;
