-- Issue 14: writes replayed from phones' outboxes are accepted once per client key; photos of hotline reports and
-- patrol findings; patrol check-ins (visits) and findings made in the field app.
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);

CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  owner_type TEXT NOT NULL CHECK (owner_type IN ('hotline_report', 'field_finding')),
  owner_id INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX photos_owner ON photos (owner_type, owner_id);

CREATE TABLE field_visits (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  plan_id TEXT NOT NULL REFERENCES patrol_plans (id),
  shift_date TEXT NOT NULL,
  shift INTEGER NOT NULL,
  unit_name TEXT NOT NULL,
  stop_order INTEGER NOT NULL,
  target_id TEXT NOT NULL,
  target_name TEXT NOT NULL,
  arrived_at TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  dwell_seconds INTEGER NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  accuracy_meters REAL,
  distance_meters REAL NOT NULL,
  officer TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX field_visits_plan ON field_visits (plan_id, shift_date, shift);

CREATE TABLE field_findings (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  plan_id TEXT NOT NULL REFERENCES patrol_plans (id),
  visit_client_id TEXT,
  kind TEXT NOT NULL,
  note TEXT,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  observed_at TEXT NOT NULL,
  incident_id INTEGER,
  officer TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX field_findings_plan ON field_findings (plan_id);
