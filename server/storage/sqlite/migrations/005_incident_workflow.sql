-- Issue 4: the incident lifecycle. Each status change is an event (who, role, when, from, to, comment); a change
-- to `duplicate` names the incident it duplicates.
CREATE TABLE incident_events (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT,
  from_status TEXT,
  to_status TEXT NOT NULL,
  comment TEXT,
  duplicate_of INTEGER
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, id);
