import type { CaseEvent, CaseFileStore } from '../case-files.ts';
import { attachmentOf, hotlineOriginOf, type AttachmentRow, type HotlineRow } from '../rows/case-files.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

const EVENT_COLUMNS = 'id, at, actor, role, kind, body, officer, due_date AS dueDate';

/** Case files in SQLite (migration 017). Writes run inside the caller's transaction with their audit entry. */
export function createSqliteCaseFiles(db: SqliteDatabase): Sync<CaseFileStore> {
  const statements = {
    assignment: db.prepare('SELECT officer, due_date AS dueDate, assigned_by AS assignedBy, assigned_at AS assignedAt FROM case_assignments WHERE incident_id = ?'),
    assign: db.prepare(`INSERT INTO case_assignments (incident_id, officer, due_date, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (incident_id) DO UPDATE SET officer = excluded.officer, due_date = excluded.due_date, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`),
    assignmentEvent: db.prepare("INSERT INTO case_events (incident_id, at, actor, role, kind, body, officer, due_date) VALUES (?, ?, ?, ?, 'assignment', ?, ?, ?)"),
    event: db.prepare(`SELECT ${EVENT_COLUMNS} FROM case_events WHERE id = ?`),
    events: db.prepare(`SELECT ${EVENT_COLUMNS} FROM case_events WHERE incident_id = ? ORDER BY id`),
    comment: db.prepare("INSERT INTO case_events (incident_id, at, actor, role, kind, body) VALUES (?, ?, ?, ?, 'comment', ?)"),
    attachments: db.prepare('SELECT id, incident_id, source, media_type, byte_size, caption, uploaded_by, uploaded_at FROM case_attachments WHERE incident_id = ? ORDER BY id'),
    attach: db.prepare(`INSERT INTO case_attachments (incident_id, source, media_type, byte_size, caption, uploaded_by, uploaded_at, content)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    attachmentContent: db.prepare('SELECT media_type AS mediaType, content FROM case_attachments WHERE incident_id = ? AND id = ?'),
    addReader: db.prepare('INSERT INTO case_readers (username, since) VALUES (?, ?) ON CONFLICT (username) DO NOTHING'),
    readerSince: db.prepare('SELECT since FROM case_readers WHERE username = ?').pluck(),
    markRead: db.prepare('INSERT INTO case_reads (username, incident_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET read_at = excluded.read_at'),
    hotlineOrigin: db.prepare(`SELECT id, tracking_code, seen_at, received_at, description, contact_name, contact_phone FROM hotline_reports
      WHERE incident_id = ? ORDER BY id LIMIT 1`),
  };
  // Setting the assignment and recording its change are one step even outside a caller's transaction.
  const assign = db.transaction((...args: Parameters<Sync<CaseFileStore>['assign']>) => {
    const [incidentId, officer, dueDate, actor, at, note] = args;
    statements.assign.run(incidentId, officer, dueDate, actor.username, at);
    statements.assignmentEvent.run(incidentId, at, actor.username, actor.role, note, officer, dueDate);
    return { officer, dueDate, assignedBy: actor.username, assignedAt: at };
  });
  return {
    assignment: (incidentId) => statements.assignment.get(incidentId) as ReturnType<Sync<CaseFileStore>['assignment']>,
    assign: (...args) => assign.immediate(...args),
    events: (incidentId) => statements.events.all(incidentId) as CaseEvent[],
    comment(incidentId, body, actor, at) {
      const { lastInsertRowid } = statements.comment.run(incidentId, at, actor.username, actor.role, body);
      return statements.event.get(Number(lastInsertRowid)) as CaseEvent;
    },
    attachments: (incidentId) => (statements.attachments.all(incidentId) as AttachmentRow[]).map(attachmentOf),
    attach(incidentId, file, actor, at) {
      const { lastInsertRowid } = statements.attach.run(incidentId, file.source, file.mediaType, file.content.byteLength, file.caption, actor.username, at, Buffer.from(file.content));
      return { id: Number(lastInsertRowid), incidentId, source: file.source, mediaType: file.mediaType, byteSize: file.content.byteLength, caption: file.caption, uploadedBy: actor.username, uploadedAt: at };
    },
    attachmentContent: (incidentId, attachmentId) => statements.attachmentContent.get(incidentId, attachmentId) as { mediaType: string; content: Buffer } | undefined,
    readerSince(username, at) {
      statements.addReader.run(username, at);
      return statements.readerSince.get(username) as string;
    },
    markRead(username, incidentId, at) {
      statements.markRead.run(username, incidentId, at);
    },
    hotlineOrigin(incidentId) {
      const row = statements.hotlineOrigin.get(incidentId) as HotlineRow | undefined;
      return row ? hotlineOriginOf(row) : undefined;
    },
  };
}
