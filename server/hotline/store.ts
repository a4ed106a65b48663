import { randomInt } from 'node:crypto';
import type { SqliteDatabase } from '../db/open.ts';

export type HotlineStatus = 'received' | 'converted' | 'closed';
export type HotlineReport = {
  id: number; trackingCode: string; lon: number; lat: number; seenAt: string; description: string; category: string | null;
  contact: { name: string | null; phone: string | null } | null; status: HotlineStatus; closingReason: string | null;
  incidentId: number | null; receivedAt: string; handledBy: string | null; handledAt: string | null;
};

// No 0/O, 1/I/L: codes are read aloud over the phone and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `KT-XXXX-XXXX`: 31^8 ≈ 8.5e11 codes from a CSPRNG, so a code cannot be guessed to read someone else's report. */
export function newTrackingCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `KT-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

type Row = {
  id: number; tracking_code: string; lon: number; lat: number; seen_at: string; description: string; category: string | null;
  contact_name: string | null; contact_phone: string | null; status: HotlineStatus; closing_reason: string | null; incident_id: number | null;
  received_at: string; handled_by: string | null; handled_at: string | null;
};

const fromRow = (row: Row): HotlineReport => ({
  id: row.id, trackingCode: row.tracking_code, lon: row.lon, lat: row.lat, seenAt: row.seen_at, description: row.description, category: row.category,
  contact: row.contact_name || row.contact_phone ? { name: row.contact_name, phone: row.contact_phone } : null,
  status: row.status, closingReason: row.closing_reason, incidentId: row.incident_id, receivedAt: row.received_at, handledBy: row.handled_by, handledAt: row.handled_at,
});

/** Hotline reports in SQLite; text is stored NFC and as typed (the web escapes it when showing it). */
export function createHotlineStore(db: SqliteDatabase) {
  return {
    add(report: Omit<HotlineReport, 'id' | 'trackingCode' | 'status' | 'closingReason' | 'incidentId' | 'handledBy' | 'handledAt'> & { clientAddress: string }): HotlineReport {
      const code = newTrackingCode();
      const { lastInsertRowid } = db.prepare(
        `INSERT INTO hotline_reports (tracking_code, lon, lat, seen_at, description, category, contact_name, contact_phone, client_address, status, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
      ).run(code, report.lon, report.lat, report.seenAt, report.description, report.category, report.contact?.name ?? null, report.contact?.phone ?? null, report.clientAddress, report.receivedAt);
      return this.get(Number(lastInsertRowid))!;
    },
    get(id: number): HotlineReport | undefined {
      const row = db.prepare('SELECT * FROM hotline_reports WHERE id = ?').get(id) as Row | undefined;
      return row && fromRow(row);
    },
    byCode(code: string): HotlineReport | undefined {
      const row = db.prepare('SELECT * FROM hotline_reports WHERE tracking_code = ?').get(code) as Row | undefined;
      return row && fromRow(row);
    },
    list(status: HotlineStatus | null, limit: number, offset: number): { reports: HotlineReport[]; numberMatched: number } {
      const where = status ? 'WHERE status = ?' : '';
      const params = status ? [status] : [];
      const rows = db.prepare(`SELECT * FROM hotline_reports ${where} ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[];
      return { reports: rows.map(fromRow), numberMatched: db.prepare(`SELECT count(*) FROM hotline_reports ${where}`).pluck().get(...params) as number };
    },
    settle(id: number, change: { status: 'converted' | 'closed'; closingReason?: string; incidentId?: number; handledBy: string; at: string }): void {
      db.prepare('UPDATE hotline_reports SET status = ?, closing_reason = ?, incident_id = ?, handled_by = ?, handled_at = ? WHERE id = ?')
        .run(change.status, change.closingReason ?? null, change.incidentId ?? null, change.handledBy, change.at, id);
    },
  };
}
