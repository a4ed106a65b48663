-- Issue 4: organisations, users, sessions, API tokens and the append-only audit log.

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('carrier', 'provincial_police', 'district_police', 'dic', 'peoples_committee', 'operator')),
  -- The owner code of the carrier's assets (viettel, vnpt, …); null for other organisations.
  carrier TEXT UNIQUE
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'police_planner', 'carrier_editor', 'dic_reviewer', 'viewer')),
  organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- Only a hash of the session token is kept: a copied database cannot be used to sign in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Machine clients act as a user (their role and organisation). The bearer token is stored hashed; the signing secret
-- for HMAC-signed requests (carrier alarms) must be readable by the server to verify signatures.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  signing_secret TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT,
  before_json TEXT,
  after_json TEXT,
  details_json TEXT,
  ip TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor ON audit_log (actor);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The province's bodies named by the directive: reference data every deployment needs, not demo data.
INSERT INTO organisations (code, name, kind, carrier) VALUES
  ('operator', 'Đơn vị vận hành NetGuard', 'operator', NULL),
  ('police-kontum', 'Công an tỉnh Kon Tum', 'provincial_police', NULL),
  ('dic-kontum', 'Sở Thông tin và Truyền thông tỉnh Kon Tum', 'dic', NULL),
  ('ubnd-kontum', 'Ủy ban nhân dân tỉnh Kon Tum', 'peoples_committee', NULL),
  ('viettel', 'Viettel Kon Tum', 'carrier', 'viettel'),
  ('vnpt', 'VNPT Kon Tum', 'carrier', 'vnpt'),
  ('mobifone', 'MobiFone Kon Tum', 'carrier', 'mobifone'),
  ('fpt', 'FPT Telecom Kon Tum', 'carrier', 'fpt'),
  ('vnpost', 'Bưu điện tỉnh Kon Tum', 'carrier', 'vnpost');
