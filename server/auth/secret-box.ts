import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Seals short secrets (alarm signing secrets) for storage: AES-256-GCM under a key kept outside the database. */
export type SecretBox = {
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to `context` (e.g. the token's hash) so a sealed value cannot be moved to another row. */
  seal(plain: string, context: string): string;
  /** The plain secret; throws when the value was sealed under another key or context, or altered. */
  open(sealed: string, context: string): string;
  /** True when `value` is sealed (a database written before sealing holds plain values). */
  isSealed(value: string): boolean;
};

const PREFIX = 'v1.';

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
    },
    open(sealed, context) {
      const [iv, tag, ciphertext] = sealed.slice(PREFIX.length).split('.').map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context)).setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    },
    isSealed: (value) => value.startsWith(PREFIX),
  };
}

/** A key from NETGUARD_SECRET_KEY: 32 bytes as 64 hex digits or base64 (`openssl rand -base64 32`). */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('NETGUARD_SECRET_KEY must be 32 random bytes, as 64 hex digits or base64 (make one with `openssl rand -base64 32`)');
  return key;
}

/**
 * The key sealing secrets for a database (SECURITY.md, "How secrets are kept"): NETGUARD_SECRET_KEY when set;
 * otherwise a random key in `<database>.key` (mode 0600), made on first start. Either way a copy of the database
 * alone cannot forge alarms. For an in-memory database without the variable, a key for this process only.
 * @returns the key and a warning to print, if any
 */
export function resolveSecretKey(databasePath: string, env: Record<string, string | undefined> = process.env): { key: Buffer; warning?: string } {
  if (env.NETGUARD_SECRET_KEY) return { key: parseSecretKey(env.NETGUARD_SECRET_KEY) };
  if (databasePath === ':memory:') return { key: randomBytes(32) };
  const file = `${databasePath}.key`;
  // 'wx': of two servers starting at once on a new database, one writes the key and both read it.
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  return {
    key: parseSecretKey(readFileSync(file, 'utf8')),
    warning: `NETGUARD_SECRET_KEY is not set: signing secrets are sealed with the key in ${file}. In production set NETGUARD_SECRET_KEY from a secret store and keep any key file out of database backups.`,
  };
}

/**
 * Why the server must not start with this environment, or undefined when it may. A production database
 * (NETGUARD_SEED=none) must have its key from NETGUARD_SECRET_KEY: a key file made beside the database would end up
 * in the same backups and copies as the sealed secrets, and a copy of both forges alarms (SECURITY.md).
 */
export function productionKeyProblem(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.NETGUARD_SEED !== 'none' || env.NETGUARD_SECRET_KEY) return undefined;
  return 'NetGuard will not start: NETGUARD_SEED=none marks a production database, and it needs NETGUARD_SECRET_KEY, the key that seals alarm signing secrets. Set it from your secret store (32 random bytes as base64 or hex, e.g. `openssl rand -base64 32`) and start again; keep the same key for every later start.';
}
