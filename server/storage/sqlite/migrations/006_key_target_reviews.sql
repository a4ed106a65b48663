-- Issue 4: key-target designation. The zone itself is a key_targets feature (its status is the workflow state);
-- this table holds what the review needs, and key_target_events every step with who, when, why and a snapshot.
CREATE TABLE key_target_reviews (
  zone_id INTEGER PRIMARY KEY,
  justification TEXT NOT NULL,
  protected_assets TEXT NOT NULL,
  review_date TEXT NOT NULL,
  proposed_by_user TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE key_target_events (
  id INTEGER PRIMARY KEY,
  zone_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT,
  organisation TEXT,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  comment TEXT,
  snapshot TEXT
);
CREATE INDEX key_target_events_zone ON key_target_events (zone_id, id);
