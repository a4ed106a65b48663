-- Issue 17: the incident register's case files. An incident keeps one current assignment (officer and due date; each
-- change is a comment-like history entry in case_events), comments, photos, and which users have opened it.
CREATE TABLE case_assignments (
  incident_id INTEGER PRIMARY KEY,
  officer TEXT NOT NULL,
  due_date TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL
);
CREATE INDEX case_assignments_officer ON case_assignments (officer, due_date);

-- Comments and assignment changes, in the order they happened.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('comment', 'assignment')),
  body TEXT,
  officer TEXT,
  due_date TEXT
);
CREATE INDEX case_events_incident ON case_events (incident_id, id);

-- Photos of a case: from the field (an officer's phone) or the office; the bytes are kept in the database so a
-- backup of the file is a backup of the case.
CREATE TABLE case_attachments (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('field', 'office')),
  media_type TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  caption TEXT,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  content BLOB NOT NULL
);
CREATE INDEX case_attachments_incident ON case_attachments (incident_id, id);

-- "New" cases for a user: reported after the user first opened the register and not opened by them since.
CREATE TABLE case_readers (
  username TEXT PRIMARY KEY,
  since TEXT NOT NULL
);
CREATE TABLE case_reads (
  username TEXT NOT NULL,
  incident_id INTEGER NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (username, incident_id)
);
