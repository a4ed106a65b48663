-- Issue 18: postal, telecom and internet service agents (directive item 2b), a Point collection like the others.
CREATE TABLE service_agents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  owner TEXT NOT NULL,
  address TEXT,
  commune_code TEXT,
  commune_name TEXT,
  licence TEXT,
  licence_expiry TEXT,
  status TEXT NOT NULL,
  district_code TEXT,
  last_inspection_date TEXT,
  last_inspection_result TEXT,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL
);
CREATE VIRTUAL TABLE service_agents_rtree USING rtree(id, minx, maxx, miny, maxy);
CREATE INDEX service_agents_owner ON service_agents (owner);
CREATE TRIGGER service_agents_tiles_insert AFTER INSERT ON service_agents BEGIN INSERT INTO tile_changes (collection, minx, miny, maxx, maxy) VALUES ('service_agents', NEW.minx, NEW.miny, NEW.maxx, NEW.maxy); END;
CREATE TRIGGER service_agents_tiles_delete AFTER DELETE ON service_agents BEGIN INSERT INTO tile_changes (collection, minx, miny, maxx, maxy) VALUES ('service_agents', OLD.minx, OLD.miny, OLD.maxx, OLD.maxy); END;
CREATE TRIGGER service_agents_tiles_update AFTER UPDATE ON service_agents BEGIN INSERT INTO tile_changes (collection, minx, miny, maxx, maxy) VALUES ('service_agents', min(OLD.minx, NEW.minx), min(OLD.miny, NEW.miny), max(OLD.maxx, NEW.maxx), max(OLD.maxy, NEW.maxy)); END;
