-- Issue 5: GPX tracks of patrols carried out, measured against their plan.
CREATE TABLE patrol_tracks (
  id INTEGER PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES patrol_plans (id),
  name TEXT,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  started_at TEXT,
  ended_at TEXT,
  geometry TEXT NOT NULL,
  measure TEXT NOT NULL
);
CREATE INDEX patrol_tracks_plan ON patrol_tracks (plan_id);
