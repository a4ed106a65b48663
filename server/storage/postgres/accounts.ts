import type { Owner } from '../../collections/vocabulary.ts';
import { Conflict } from '../../errors.ts';
import type { AccountStore, AreaBody, Organisation, Role, TokenInfo, User } from '../accounts.ts';
import type { Sql } from './database.ts';

type UserRow = {
  id: number; username: string; display_name: string; role: Role; organisation_id: number; organisation_name: string;
  carrier: Owner | null; password_hash: string; disabled: boolean;
};

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.organisation_id, o.name AS organisation_name, o.carrier, u.password_hash, u.disabled`;
const USER_SELECT = `SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id`;

const toUser = (row: UserRow): User => ({
  userId: row.id, username: row.username, displayName: row.display_name, role: row.role, organisationId: row.organisation_id,
  organisationName: row.organisation_name, carrier: row.role === 'carrier_editor' ? row.carrier : null,
});

/** Organisations, users, sessions and API tokens in PostgreSQL (migration 003). */
export function createPostgresAccounts(sql: Sql): AccountStore {
  const enabledUser = async (id: number): Promise<User | undefined> => {
    const [row] = await sql.rows<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [id]);
    return row && !row.disabled ? toUser(row) : undefined;
  };
  const organisation = async (code: string) =>
    (await sql.rows<Organisation>('SELECT id, code, name, kind, carrier FROM organisations WHERE code = $1', [code]))[0];
  return {
    async createOrganisation(input) {
      const [row] = await sql.rows<{ id: number }>(
        'INSERT INTO organisations (code, name, kind, carrier) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING id',
        [input.code, input.name, input.kind, input.carrier],
      );
      if (!row) throw new Conflict(`organisation "${input.code}" already exists`, { code: input.code });
      return { ...input, id: row.id };
    },
    organisations: () => sql.rows<Organisation>('SELECT id, code, name, kind, carrier FROM organisations ORDER BY id'),
    organisation,
    async nameAreaBodies(names) {
      const renamed: string[] = [];
      for (const [body, name] of Object.entries(names) as [AreaBody, string][]) {
        const rows = await sql.rows<{ code: string }>('UPDATE organisations SET name = $1 WHERE area_body = $2 AND name IS DISTINCT FROM $1 RETURNING code', [name, body]);
        renamed.push(...rows.map((row) => row.code));
      }
      return renamed;
    },
    async createUser(user) {
      const [row] = await sql.rows<{ id: number }>(
        `INSERT INTO users (username, display_name, password_hash, role, organisation_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (lower(username)) DO NOTHING RETURNING id`,
        [user.username, user.displayName, user.passwordHash, user.role, user.organisationId, user.createdAt],
      );
      if (!row) throw new Conflict(`user "${user.username}" already exists`, { username: user.username });
      return (await enabledUser(row.id))!;
    },
    users: async () => (await sql.rows<UserRow>(`${USER_SELECT} ORDER BY u.id`)).map((row) => ({ ...toUser(row), disabled: row.disabled })),
    setRole: async (username, role) => (await sql.rows('UPDATE users SET role = $1 WHERE lower(username) = lower($2) RETURNING id', [role, username])).length === 1,
    async credentials(username) {
      const [row] = await sql.rows<UserRow>(`${USER_SELECT} WHERE lower(u.username) = lower($1)`, [username]);
      return row && { ...toUser(row), passwordHash: row.password_hash, disabled: row.disabled };
    },
    enabledUser,
    async createSession(session) {
      await sql.rows('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [session.tokenHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt]);
    },
    async session(tokenHash, now) {
      // Every request with a session cookie asks this: the session, its user and organisation in one round trip.
      const [row] = await sql.rows<UserRow & { csrf_token: string; expires_at: string }>(`SELECT ${USER_COLUMNS}, s.csrf_token, s.expires_at
        FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id WHERE s.token_hash = $1`, [tokenHash]);
      // ISO 8601 instants compare as text, by code point as SQLite does.
      if (!row || !(row.expires_at > now) || row.disabled) return null;
      return { user: toUser(row), csrfToken: row.csrf_token };
    },
    async deleteSession(tokenHash) {
      await sql.rows('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async createToken(token) {
      const [row] = await sql.rows<{ id: number }>('INSERT INTO api_tokens (name, token_hash, signing_secret, user_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [token.name, token.tokenHash, token.signingSecret, token.userId, token.createdAt]);
      return row.id;
    },
    async tokenUser(tokenHash, use) {
      // Every request with a bearer token asks this: the token, its user and organisation in one round trip.
      const [row] = await sql.rows<UserRow & { token_id: number; last_used_at: string | null }>(`SELECT ${USER_COLUMNS}, t.id AS token_id, t.last_used_at
        FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL`, [tokenHash]);
      if (!row || row.disabled) return null;
      // Instants compare as text by code point (COLLATE "C"), as in SQLite; the write checks again, since another
      // process may have noted a use after this read.
      if (use && (row.last_used_at === null || row.last_used_at < use.notedSince)) {
        await sql.rows('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at COLLATE "C" < $3)', [use.at, row.token_id, use.notedSince]);
      }
      return { user: toUser(row), tokenId: row.token_id };
    },
    signingSecret: async (tokenId) =>
      (await sql.rows<{ tokenHash: string; value: string }>('SELECT token_hash AS "tokenHash", signing_secret AS value FROM api_tokens WHERE id = $1 AND revoked_at IS NULL', [tokenId]))[0] ?? null,
    signingSecrets: () => sql.rows<{ id: number; tokenHash: string; value: string }>('SELECT id, token_hash AS "tokenHash", signing_secret AS value FROM api_tokens ORDER BY id'),
    async setSigningSecret(id, value) {
      await sql.rows('UPDATE api_tokens SET signing_secret = $1 WHERE id = $2', [value, id]);
    },
    revokeToken: async (id, now) => (await sql.rows('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id', [now, id])).length === 1,
    tokens: () =>
      sql.rows<TokenInfo>(`SELECT t.id, t.name, u.username, t.created_at AS "createdAt", t.revoked_at AS "revokedAt", t.last_used_at AS "lastUsedAt"
        FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id`),
  };
}
