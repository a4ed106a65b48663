import type { CaseEvent, CaseFileStore } from '../case-files.ts';
import { attachmentOf, hotlineOriginOf, type AttachmentRow, type HotlineRow } from '../rows/case-files.ts';
import type { Sql } from './database.ts';

const EVENT_COLUMNS = 'id, at, actor, role, kind, body, officer, due_date AS "dueDate"';

/** Case files in PostgreSQL (migration 004). Writes run inside the caller's transaction with their audit entry. */
export function createPostgresCaseFiles(sql: Sql): CaseFileStore {
  return {
    assignment: async (incidentId) => (await sql.rows<{ officer: string; dueDate: string; assignedBy: string; assignedAt: string }>(
      'SELECT officer, due_date AS "dueDate", assigned_by AS "assignedBy", assigned_at AS "assignedAt" FROM case_assignments WHERE incident_id = $1', [incidentId]))[0],
    // Setting the assignment and recording its change are one step even outside a caller's transaction.
    assign: (incidentId, officer, dueDate, actor, at, note) => sql.atomic(async (tx) => {
      await tx.rows(`INSERT INTO case_assignments (incident_id, officer, due_date, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (incident_id) DO UPDATE SET officer = excluded.officer, due_date = excluded.due_date, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`,
      [incidentId, officer, dueDate, actor.username, at]);
      await tx.rows("INSERT INTO case_events (incident_id, at, actor, role, kind, body, officer, due_date) VALUES ($1, $2, $3, $4, 'assignment', $5, $6, $7)",
        [incidentId, at, actor.username, actor.role, note, officer, dueDate]);
      return { officer, dueDate, assignedBy: actor.username, assignedAt: at };
    }),
    events: (incidentId) => sql.rows<CaseEvent>(`SELECT ${EVENT_COLUMNS} FROM case_events WHERE incident_id = $1 ORDER BY id`, [incidentId]),
    comment: async (incidentId, body, actor, at) => (await sql.rows<CaseEvent>(
      `INSERT INTO case_events (incident_id, at, actor, role, kind, body) VALUES ($1, $2, $3, $4, 'comment', $5) RETURNING ${EVENT_COLUMNS}`,
      [incidentId, at, actor.username, actor.role, body]))[0],
    attachments: async (incidentId) => (await sql.rows<AttachmentRow>(
      'SELECT id, incident_id, source, media_type, byte_size, caption, uploaded_by, uploaded_at FROM case_attachments WHERE incident_id = $1 ORDER BY id', [incidentId])).map(attachmentOf),
    async attach(incidentId, file, actor, at) {
      const [{ id }] = await sql.rows<{ id: number }>(`INSERT INTO case_attachments (incident_id, source, media_type, byte_size, caption, uploaded_by, uploaded_at, content)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [incidentId, file.source, file.mediaType, file.content.byteLength, file.caption, actor.username, at, Buffer.from(file.content)]);
      return { id, incidentId, source: file.source, mediaType: file.mediaType, byteSize: file.content.byteLength, caption: file.caption, uploadedBy: actor.username, uploadedAt: at };
    },
    attachmentContent: async (incidentId, attachmentId) => (await sql.rows<{ mediaType: string; content: Buffer }>(
      'SELECT media_type AS "mediaType", content FROM case_attachments WHERE incident_id = $1 AND id = $2', [incidentId, attachmentId]))[0],
    async readerSince(username, at) {
      await sql.rows('INSERT INTO case_readers (username, since) VALUES ($1, $2) ON CONFLICT (username) DO NOTHING', [username, at]);
      return (await sql.rows<{ since: string }>('SELECT since FROM case_readers WHERE username = $1', [username]))[0].since;
    },
    async markRead(username, incidentId, at) {
      await sql.rows('INSERT INTO case_reads (username, incident_id, read_at) VALUES ($1, $2, $3) ON CONFLICT (username, incident_id) DO UPDATE SET read_at = excluded.read_at', [username, incidentId, at]);
    },
    async hotlineOrigin(incidentId) {
      const [row] = await sql.rows<HotlineRow>(`SELECT id, tracking_code, seen_at, received_at, description, contact_name, contact_phone FROM hotline_reports
        WHERE incident_id = $1 ORDER BY id LIMIT 1`, [incidentId]);
      return row ? hotlineOriginOf(row) : undefined;
    },
  };
}
