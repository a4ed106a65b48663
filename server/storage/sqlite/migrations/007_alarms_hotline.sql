-- Issue 4: carriers' anti-theft alarms (idempotent by the carrier's own alarm id) and the citizen hotline.
CREATE TABLE carrier_alarms (
  carrier TEXT NOT NULL,
  alarm_id TEXT NOT NULL,
  incident_id INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (carrier, alarm_id)
);

CREATE TABLE hotline_reports (
  id INTEGER PRIMARY KEY,
  tracking_code TEXT NOT NULL UNIQUE,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  seen_at TEXT NOT NULL,
  description TEXT NOT NULL,
  category TEXT,
  contact_name TEXT,
  contact_phone TEXT,
  client_address TEXT,
  status TEXT NOT NULL CHECK (status IN ('received', 'converted', 'closed')),
  closing_reason TEXT,
  incident_id INTEGER,
  received_at TEXT NOT NULL,
  handled_by TEXT,
  handled_at TEXT
);
CREATE INDEX hotline_reports_status ON hotline_reports (status, received_at);
