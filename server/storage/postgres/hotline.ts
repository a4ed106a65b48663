import { HOTLINE_COLLECTION } from '../../collections/published.ts';
import { Conflict } from '../../errors.ts';
import type { HotlineStore } from '../hotline.ts';
import { hotlineReportOf, type HotlineReportRow } from '../rows/hotline.ts';
import type { Sql } from './database.ts';
import { queryRecordFeatures, recordExtent, type RecordFeatures } from './record-features.ts';

/** Reports as points without their contact (`seen_at` is stored as `Date.toISOString()`). */
const HOTLINE_FEATURES: RecordFeatures = {
  collection: HOTLINE_COLLECTION,
  select: `SELECT id, tracking_code, status, seen_at, received_at, description, incident_id,
      json_build_object('type', 'Point', 'coordinates', json_build_array(lon, lat))::text AS geometry, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom,
      round(extract(epoch FROM seen_at::timestamptz) * 1000)::bigint AS temporal_ms, lon AS minx, lat AS miny, lon AS maxx, lat AS maxy
    FROM hotline_reports`,
};

/** hotline_reports (migration 004). */
export function createPostgresHotline(sql: Sql): HotlineStore {
  const get = async (id: number) => {
    const [row] = await sql.rows<HotlineReportRow>('SELECT * FROM hotline_reports WHERE id = $1', [id]);
    return row && hotlineReportOf(row);
  };
  return {
    async add(report) {
      const [row] = await sql.rows<HotlineReportRow>(
        `INSERT INTO hotline_reports (tracking_code, lon, lat, seen_at, description, category, contact_name, contact_phone, client_address, status, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10) ON CONFLICT (tracking_code) DO NOTHING RETURNING *`,
        [report.trackingCode, report.lon, report.lat, report.seenAt, report.description, report.category, report.contact?.name ?? null, report.contact?.phone ?? null, report.clientAddress, report.receivedAt],
      );
      if (!row) throw new Conflict('tracking code already in use');
      return hotlineReportOf(row);
    },
    get,
    byCode: async (code) => {
      const [row] = await sql.rows<HotlineReportRow>('SELECT * FROM hotline_reports WHERE tracking_code = $1', [code]);
      return row && hotlineReportOf(row);
    },
    async list(status, limit, offset) {
      const where = status ? 'WHERE status = $1' : '';
      const params: unknown[] = status ? [status] : [];
      const rows = await sql.rows<HotlineReportRow>(`SELECT * FROM hotline_reports ${where} ORDER BY received_at COLLATE "C" DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset]);
      return { reports: rows.map(hotlineReportOf), numberMatched: (await sql.rows<{ n: number }>(`SELECT count(*) AS n FROM hotline_reports ${where}`, params))[0].n };
    },
    settle: async (id, change) => (await sql.rows(
      "UPDATE hotline_reports SET status = $1, closing_reason = $2, incident_id = $3, handled_by = $4, handled_at = $5 WHERE id = $6 AND status = 'received' RETURNING id",
      [change.status, change.closingReason ?? null, change.incidentId ?? null, change.handledBy, change.at, id])).length === 1,
    queryFeatures: (query) => queryRecordFeatures(sql, HOTLINE_FEATURES, query),
    extent: () => recordExtent(sql, HOTLINE_FEATURES),
  };
}
