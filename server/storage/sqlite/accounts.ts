import type { Owner } from '../../collections/vocabulary.ts';
import { Conflict } from '../../errors.ts';
import type { AccountStore, AreaBody, Organisation, Role, TokenInfo, User } from '../accounts.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

type UserRow = {
  id: number; username: string; display_name: string; role: Role; organisation_id: number; organisation_name: string;
  carrier: Owner | null; password_hash: string; disabled: number;
};

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.organisation_id, o.name AS organisation_name, o.carrier, u.password_hash, u.disabled`;
const USER_SELECT = `SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id`;

const toUser = (row: UserRow): User => ({
  userId: row.id, username: row.username, displayName: row.display_name, role: row.role, organisationId: row.organisation_id,
  organisationName: row.organisation_name, carrier: row.role === 'carrier_editor' ? row.carrier : null,
});

/** Organisations, users, sessions and API tokens in SQLite (migration 004). */
export function createSqliteAccounts(db: SqliteDatabase): Sync<AccountStore> {
  const userById = db.prepare(`${USER_SELECT} WHERE u.id = ?`);
  const userByName = db.prepare(`${USER_SELECT} WHERE u.username = ?`);
  // Every authenticated request asks one of these two: the credential, its user and organisation in one read.
  const sessionSelect = db.prepare(`SELECT ${USER_COLUMNS}, s.csrf_token, s.expires_at
    FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id WHERE s.token_hash = ?`);
  const tokenSelect = db.prepare(`SELECT ${USER_COLUMNS}, t.id AS token_id, t.last_used_at
    FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id WHERE t.token_hash = ? AND t.revoked_at IS NULL`);
  // The condition again in the write: another process may have noted a use since this one read the row.
  const touchToken = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)');
  const enabledUser = (id: number): User | undefined => {
    const row = userById.get(id) as UserRow | undefined;
    return row && !row.disabled ? toUser(row) : undefined;
  };
  const organisation = (code: string) => db.prepare('SELECT id, code, name, kind, carrier FROM organisations WHERE code = ?').get(code) as Organisation | undefined;
  return {
    createOrganisation(input) {
      if (organisation(input.code)) throw new Conflict(`organisation "${input.code}" already exists`, { code: input.code });
      const { lastInsertRowid } = db.prepare('INSERT INTO organisations (code, name, kind, carrier) VALUES (?, ?, ?, ?)').run(input.code, input.name, input.kind, input.carrier);
      return { ...input, id: Number(lastInsertRowid) };
    },
    organisations: () => db.prepare('SELECT id, code, name, kind, carrier FROM organisations ORDER BY id').all() as Organisation[],
    organisation,
    nameAreaBodies(names) {
      const rename = db.prepare('UPDATE organisations SET name = ? WHERE area_body = ? AND name IS NOT ? RETURNING code').pluck();
      return (Object.entries(names) as [AreaBody, string][]).flatMap(([body, name]) => rename.all(name, body, name) as string[]);
    },
    createUser(user) {
      if (userByName.get(user.username)) throw new Conflict(`user "${user.username}" already exists`, { username: user.username });
      const { lastInsertRowid } = db.prepare('INSERT INTO users (username, display_name, password_hash, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(user.username, user.displayName, user.passwordHash, user.role, user.organisationId, user.createdAt);
      return enabledUser(Number(lastInsertRowid))!;
    },
    users: () => (db.prepare(`${USER_SELECT} ORDER BY u.id`).all() as UserRow[]).map((row) => ({ ...toUser(row), disabled: row.disabled === 1 })),
    setRole: (username, role) => db.prepare('UPDATE users SET role = ? WHERE username = ?').run(role, username).changes === 1,
    credentials(username) {
      const row = userByName.get(username) as UserRow | undefined;
      return row && { ...toUser(row), passwordHash: row.password_hash, disabled: row.disabled === 1 };
    },
    enabledUser,
    createSession(session) {
      db.prepare('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(session.tokenHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt);
    },
    session(tokenHash, now) {
      const row = sessionSelect.get(tokenHash) as (UserRow & { csrf_token: string; expires_at: string }) | undefined;
      if (!row || row.expires_at <= now || row.disabled) return null;
      return { user: toUser(row), csrfToken: row.csrf_token };
    },
    deleteSession(tokenHash) {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    },
    createToken(token) {
      const { lastInsertRowid } = db.prepare('INSERT INTO api_tokens (name, token_hash, signing_secret, user_id, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(token.name, token.tokenHash, token.signingSecret, token.userId, token.createdAt);
      return Number(lastInsertRowid);
    },
    tokenUser(tokenHash, use) {
      const row = tokenSelect.get(tokenHash) as (UserRow & { token_id: number; last_used_at: string | null }) | undefined;
      if (!row || row.disabled) return null;
      if (use && (row.last_used_at === null || row.last_used_at < use.notedSince)) touchToken.run(use.at, row.token_id, use.notedSince);
      return { user: toUser(row), tokenId: row.token_id };
    },
    signingSecret: (tokenId) =>
      (db.prepare('SELECT token_hash AS tokenHash, signing_secret AS value FROM api_tokens WHERE id = ? AND revoked_at IS NULL').get(tokenId) as { tokenHash: string; value: string } | undefined) ?? null,
    signingSecrets: () => db.prepare('SELECT id, token_hash AS tokenHash, signing_secret AS value FROM api_tokens ORDER BY id').all() as { id: number; tokenHash: string; value: string }[],
    setSigningSecret(id, value) {
      db.prepare('UPDATE api_tokens SET signing_secret = ? WHERE id = ?').run(value, id);
    },
    revokeToken: (id, now) => db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes === 1,
    tokens: () =>
      db.prepare(`SELECT t.id, t.name, u.username, t.created_at AS createdAt, t.revoked_at AS revokedAt, t.last_used_at AS lastUsedAt
        FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id`).all() as TokenInfo[],
  };
}
