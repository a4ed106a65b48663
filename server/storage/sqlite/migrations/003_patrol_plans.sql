-- Saved patrol plans (issue 3): the whole generated plan as JSON, its status and the parameters it came from.
CREATE TABLE patrol_plans (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'archived')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  plan TEXT NOT NULL
);
CREATE INDEX patrol_plans_created ON patrol_plans (created_at);
