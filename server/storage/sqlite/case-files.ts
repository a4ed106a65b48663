import type { SqliteDatabase } from '../../db/open.ts';
import type { Attachment, CaseEvent, CaseFileStore } from '../case-files.ts';

type AttachmentRow = {
  id: number; incident_id: number; source: Attachment['source']; media_type: string; byte_size: number;
  caption: string | null; uploaded_by: string; uploaded_at: string;
};

const attachmentOf = (row: AttachmentRow): Attachment => ({
  id: row.id, incidentId: row.incident_id, source: row.source, mediaType: row.media_type, byteSize: row.byte_size,
  caption: row.caption, uploadedBy: row.uploaded_by, uploadedAt: row.uploaded_at,
});

const EVENT_COLUMNS = 'id, at, actor, role, kind, body, officer, due_date AS dueDate';

/** Case files in SQLite (migration 017). Callers run writes inside their transaction with the audit entry. */
export function createSqliteCaseFileStore(db: SqliteDatabase): CaseFileStore {
  const event = (id: number) => db.prepare(`SELECT ${EVENT_COLUMNS} FROM case_events WHERE id = ?`).get(id) as CaseEvent;
  return {
    assignment(incidentId) {
      return db.prepare('SELECT officer, due_date AS dueDate, assigned_by AS assignedBy, assigned_at AS assignedAt FROM case_assignments WHERE incident_id = ?')
        .get(incidentId) as ReturnType<CaseFileStore['assignment']>;
    },
    assign(incidentId, officer, dueDate, actor, at, note) {
      db.prepare(`INSERT INTO case_assignments (incident_id, officer, due_date, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (incident_id) DO UPDATE SET officer = excluded.officer, due_date = excluded.due_date, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`)
        .run(incidentId, officer, dueDate, actor.username, at);
      db.prepare("INSERT INTO case_events (incident_id, at, actor, role, kind, body, officer, due_date) VALUES (?, ?, ?, ?, 'assignment', ?, ?, ?)")
        .run(incidentId, at, actor.username, actor.role, note, officer, dueDate);
      return { officer, dueDate, assignedBy: actor.username, assignedAt: at };
    },
    events(incidentId) {
      return db.prepare(`SELECT ${EVENT_COLUMNS} FROM case_events WHERE incident_id = ? ORDER BY id`).all(incidentId) as CaseEvent[];
    },
    comment(incidentId, body, actor, at) {
      const { lastInsertRowid } = db.prepare("INSERT INTO case_events (incident_id, at, actor, role, kind, body) VALUES (?, ?, ?, ?, 'comment', ?)")
        .run(incidentId, at, actor.username, actor.role, body);
      return event(Number(lastInsertRowid));
    },
    attachments(incidentId) {
      const rows = db.prepare('SELECT id, incident_id, source, media_type, byte_size, caption, uploaded_by, uploaded_at FROM case_attachments WHERE incident_id = ? ORDER BY id')
        .all(incidentId) as AttachmentRow[];
      return rows.map(attachmentOf);
    },
    attach(incidentId, file, actor, at) {
      const { lastInsertRowid } = db.prepare(`INSERT INTO case_attachments (incident_id, source, media_type, byte_size, caption, uploaded_by, uploaded_at, content)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(incidentId, file.source, file.mediaType, file.content.byteLength, file.caption, actor.username, at, Buffer.from(file.content));
      return { id: Number(lastInsertRowid), incidentId, source: file.source, mediaType: file.mediaType, byteSize: file.content.byteLength, caption: file.caption, uploadedBy: actor.username, uploadedAt: at };
    },
    attachmentContent(incidentId, attachmentId) {
      const row = db.prepare('SELECT media_type AS mediaType, content FROM case_attachments WHERE incident_id = ? AND id = ?').get(incidentId, attachmentId) as
        { mediaType: string; content: Buffer } | undefined;
      return row;
    },
    readerSince(username, at) {
      db.prepare('INSERT INTO case_readers (username, since) VALUES (?, ?) ON CONFLICT (username) DO NOTHING').run(username, at);
      return db.prepare('SELECT since FROM case_readers WHERE username = ?').pluck().get(username) as string;
    },
    markRead(username, incidentId, at) {
      db.prepare('INSERT INTO case_reads (username, incident_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET read_at = excluded.read_at').run(username, incidentId, at);
    },
    hotlineOrigin(incidentId) {
      const row = db.prepare(`SELECT id, tracking_code, seen_at, received_at, description, contact_name, contact_phone FROM hotline_reports
        WHERE incident_id = ? ORDER BY id LIMIT 1`).get(incidentId) as Record<string, string | number | null> | undefined;
      if (!row) return undefined;
      return {
        reportId: Number(row.id), trackingCode: String(row.tracking_code), seenAt: String(row.seen_at), receivedAt: String(row.received_at), description: String(row.description),
        contact: row.contact_name || row.contact_phone ? { name: row.contact_name as string | null, phone: row.contact_phone as string | null } : null,
      };
    },
  };
}
