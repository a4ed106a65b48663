import type { SqliteDatabase } from '../../db/open.ts';

export type PhotoOwner = 'hotline_report' | 'field_finding';
export type StoredPhoto = { mediaType: string; width: number; height: number; bytes: Buffer };

/** Photos attached to hotline reports and field findings, one per record, as the bytes the phone sent. */
export function createSqlitePhotoStore(db: SqliteDatabase) {
  return {
    add(owner: PhotoOwner, ownerId: number, photo: StoredPhoto, at: string): void {
      db.prepare('INSERT INTO photos (owner_type, owner_id, media_type, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(owner, ownerId, photo.mediaType, photo.width, photo.height, photo.bytes, at);
    },
    get(owner: PhotoOwner, ownerId: number): StoredPhoto | undefined {
      const row = db.prepare('SELECT media_type, width, height, bytes FROM photos WHERE owner_type = ? AND owner_id = ?').get(owner, ownerId) as
        { media_type: string; width: number; height: number; bytes: Buffer } | undefined;
      return row && { mediaType: row.media_type, width: row.width, height: row.height, bytes: row.bytes };
    },
    /** Which of `ownerIds` have a photo. */
    owners(owner: PhotoOwner, ownerIds: readonly number[]): Set<number> {
      if (ownerIds.length === 0) return new Set();
      const rows = db.prepare(`SELECT owner_id FROM photos WHERE owner_type = ? AND owner_id IN (${ownerIds.map(() => '?').join(',')})`).pluck().all(owner, ...ownerIds) as number[];
      return new Set(rows);
    },
  };
}
export type PhotoStore = ReturnType<typeof createSqlitePhotoStore>;
