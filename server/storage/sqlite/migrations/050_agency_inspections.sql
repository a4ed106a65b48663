-- Issue 18 §1: inspections by agency (police, the department, customs, market management, the frequency department,
-- the commune) of a service agent, a scrap dealer, a site or an area, and the department's plans of joint inspections.
-- Scrap-dealer inspections of migration 008 become inspections by the police with the same ids.
CREATE TABLE inspection_plans (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL CHECK (period_to >= period_from),
  notes TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE inspection_plan_items (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES inspection_plans (id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('service_agent', 'scrap_dealer', 'site', 'area')),
  target_collection TEXT,
  target_id INTEGER,
  target_owner TEXT,
  target_name TEXT,
  -- GeoJSON Polygon of an area target; null for a feature.
  area TEXT,
  -- JSON list of agency codes, at least one.
  agencies TEXT NOT NULL,
  date TEXT NOT NULL,
  notes TEXT
);
CREATE INDEX inspection_plan_items_plan ON inspection_plan_items (plan_id);

CREATE TABLE inspections (
  id INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('service_agent', 'scrap_dealer', 'site', 'area')),
  target_collection TEXT,
  target_id INTEGER,
  -- The target's owner when it was inspected (a carrier reads the inspections of its own agents).
  target_owner TEXT,
  target_name TEXT,
  area TEXT,
  agency TEXT NOT NULL CHECK (agency IN ('police', 'dic', 'customs', 'market_management', 'frequency_department', 'commune')),
  -- JSON list of the other agencies that took part.
  joint_with TEXT NOT NULL DEFAULT '[]',
  date TEXT NOT NULL,
  -- JSON list of { kind, severity, note? }.
  findings TEXT NOT NULL DEFAULT '[]',
  decision TEXT NOT NULL CHECK (decision IN ('none', 'warning', 'fine', 'licence_suspension', 'referral_to_police')),
  fine_vnd INTEGER CHECK ((decision = 'fine') = (fine_vnd IS NOT NULL)),
  legal_basis TEXT,
  result TEXT NOT NULL CHECK (result IN ('compliant', 'warning', 'violation')),
  follow_up_date TEXT,
  notes TEXT,
  plan_item_id INTEGER REFERENCES inspection_plan_items (id),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  -- Each agency records its own inspection once against a planned item.
  UNIQUE (plan_item_id, agency)
);
CREATE INDEX inspections_target ON inspections (target_collection, target_id, date);
CREATE INDEX inspections_date ON inspections (date);
CREATE INDEX inspections_owner ON inspections (target_owner, target_collection);

INSERT INTO inspections (id, target_kind, target_collection, target_id, agency, date, findings, decision, result, notes, recorded_by, recorded_at)
  SELECT id, 'scrap_dealer', 'scrap_dealers', dealer_id, 'police', date,
    CASE result WHEN 'violation' THEN '[{"kind":"other","severity":"serious"}]' ELSE '[]' END,
    CASE result WHEN 'warning' THEN 'warning' ELSE 'none' END, result, notes, recorded_by, recorded_at
  FROM scrap_inspections;
DROP TABLE scrap_inspections;
