-- Issue 4: police bulletins on criminals' methods to carriers (directive item 3e), and scrap-dealer inspections.
CREATE TABLE bulletins (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'urgent')),
  -- JSON: "all" or a list of carrier codes.
  audience TEXT NOT NULL,
  published_by TEXT NOT NULL,
  organisation TEXT,
  published_at TEXT NOT NULL
);

CREATE TABLE scrap_inspections (
  id INTEGER PRIMARY KEY,
  dealer_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('compliant', 'warning', 'violation')),
  notes TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX scrap_inspections_dealer ON scrap_inspections (dealer_id, date);
