import type { SqliteDatabase } from '../../db/open.ts';

/**
 * Seals the signing secrets a database stored in plain text before issue 13, once, in one transaction: afterwards
 * no row holds a secret a database copy could sign alarms with.
 */
export function sealPlainSigningSecrets(db: SqliteDatabase, seal: (plain: string, context: string) => string, isSealed: (value: string) => boolean): number {
  const rows = db.prepare('SELECT id, token_hash, signing_secret FROM api_tokens').all() as { id: number; token_hash: string; signing_secret: string }[];
  const plain = rows.filter((row) => !isSealed(row.signing_secret));
  const update = db.prepare('UPDATE api_tokens SET signing_secret = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of plain) update.run(seal(row.signing_secret, row.token_hash), row.id);
  })();
  return plain.length;
}
