import { HOTLINE_COLLECTION } from '../../collections/published.ts';
import { Conflict } from '../../errors.ts';
import type { HotlineStore } from '../hotline.ts';
import { hotlineReportOf, type HotlineReportRow } from '../rows/hotline.ts';
import type { SqliteDatabase } from './database.ts';
import { queryRecordFeatures, recordExtent, type RecordFeatures } from './record-features.ts';
import type { Sync } from './unit-of-work.ts';

/** Reports as points without their contact (`seen_at` is stored as `Date.toISOString()`). */
export const HOTLINE_FEATURES: RecordFeatures = {
  collection: HOTLINE_COLLECTION,
  select: `SELECT id, tracking_code, status, seen_at, received_at, description, incident_id,
      json_object('type', 'Point', 'coordinates', json_array(lon, lat)) AS geometry,
      CAST(round(unixepoch(seen_at, 'subsec') * 1000) AS INTEGER) AS temporal_ms, lon AS minx, lat AS miny, lon AS maxx, lat AS maxy
    FROM hotline_reports`,
};

/** hotline_reports (migration 007). */
export function createSqliteHotline(db: SqliteDatabase): Sync<HotlineStore> {
  const select = db.prepare('SELECT * FROM hotline_reports WHERE id = ?');
  const get = (id: number) => {
    const row = select.get(id) as HotlineReportRow | undefined;
    return row && hotlineReportOf(row);
  };
  return {
    add(report) {
      try {
        const { lastInsertRowid } = db.prepare(
          `INSERT INTO hotline_reports (tracking_code, lon, lat, seen_at, description, category, contact_name, contact_phone, client_address, status, received_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
        ).run(report.trackingCode, report.lon, report.lat, report.seenAt, report.description, report.category, report.contact?.name ?? null, report.contact?.phone ?? null, report.clientAddress, report.receivedAt);
        return get(Number(lastInsertRowid))!;
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new Conflict('tracking code already in use');
        throw error;
      }
    },
    get,
    byCode(code) {
      const row = db.prepare('SELECT * FROM hotline_reports WHERE tracking_code = ?').get(code) as HotlineReportRow | undefined;
      return row && hotlineReportOf(row);
    },
    list(status, limit, offset) {
      const where = status ? 'WHERE status = ?' : '';
      const params = status ? [status] : [];
      const rows = db.prepare(`SELECT * FROM hotline_reports ${where} ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as HotlineReportRow[];
      return { reports: rows.map(hotlineReportOf), numberMatched: db.prepare(`SELECT count(*) FROM hotline_reports ${where}`).pluck().get(...params) as number };
    },
    settle(id, change) {
      return db.prepare("UPDATE hotline_reports SET status = ?, closing_reason = ?, incident_id = ?, handled_by = ?, handled_at = ? WHERE id = ? AND status = 'received'")
        .run(change.status, change.closingReason ?? null, change.incidentId ?? null, change.handledBy, change.at, id).changes === 1;
    },
    queryFeatures: (query) => queryRecordFeatures(db, HOTLINE_FEATURES, query),
    extent: () => recordExtent(db, HOTLINE_FEATURES),
  };
}
