-- One table per registry collection, typed columns, bbox columns and an R*Tree on feature bounding boxes.
-- boolean is 0/1, text[] is a JSON array, date/datetime are ISO 8601 text; temporal_ms is the temporal property as epoch ms for datetime filters.

CREATE TABLE admin_areas (
  id INTEGER PRIMARY KEY,
  level TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT,
  unit_type TEXT,
  district_code TEXT,
  district_name TEXT,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL
);
CREATE VIRTUAL TABLE admin_areas_rtree USING rtree(id, minx, maxx, miny, maxy);

CREATE TABLE roads (
  id INTEGER PRIMARY KEY,
  osm_id TEXT NOT NULL,
  ref TEXT,
  name TEXT,
  road_class TEXT,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL
);
CREATE VIRTUAL TABLE roads_rtree USING rtree(id, minx, maxx, miny, maxy);

CREATE TABLE key_targets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  protection_level INTEGER,
  effective_date TEXT,
  legal_basis TEXT,
  proposed_by TEXT,
  reviewed_by TEXT,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL,
  temporal_ms INTEGER
);
CREATE VIRTUAL TABLE key_targets_rtree USING rtree(id, minx, maxx, miny, maxy);
CREATE INDEX key_targets_temporal ON key_targets (temporal_ms);

CREATE TABLE cable_routes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  owner TEXT NOT NULL,
  medium TEXT NOT NULL,
  laying TEXT NOT NULL,
  fibre_count INTEGER,
  tier TEXT NOT NULL,
  status TEXT NOT NULL,
  year_installed INTEGER,
  length_m REAL,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL
);
CREATE VIRTUAL TABLE cable_routes_rtree USING rtree(id, minx, maxx, miny, maxy);

CREATE TABLE facilities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  owner TEXT NOT NULL,
  address TEXT,
  status TEXT NOT NULL,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL
);
CREATE VIRTUAL TABLE facilities_rtree USING rtree(id, minx, maxx, miny, maxy);

CREATE TABLE bts_sites (
  id INTEGER PRIMARY KEY,
  site_code TEXT NOT NULL,
  owner TEXT NOT NULL,
  technologies TEXT NOT NULL,
  tower_type TEXT,
  tower_height_m REAL,
  backup_power TEXT,
  alarm_equipped INTEGER,
  status TEXT NOT NULL,
  commune_code TEXT,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL
);
CREATE VIRTUAL TABLE bts_sites_rtree USING rtree(id, minx, maxx, miny, maxy);

CREATE TABLE scrap_dealers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  address TEXT,
  district_code TEXT,
  district_name TEXT,
  last_inspection_date TEXT,
  last_inspection_result TEXT,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL,
  temporal_ms INTEGER
);
CREATE VIRTUAL TABLE scrap_dealers_rtree USING rtree(id, minx, maxx, miny, maxy);
CREATE INDEX scrap_dealers_temporal ON scrap_dealers (temporal_ms);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  source TEXT NOT NULL,
  status TEXT NOT NULL,
  asset_collection TEXT,
  asset_id INTEGER,
  asset_owner TEXT,
  damage_vnd INTEGER,
  outage_minutes INTEGER,
  district_code TEXT,
  description TEXT,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL,
  temporal_ms INTEGER
);
CREATE VIRTUAL TABLE incidents_rtree USING rtree(id, minx, maxx, miny, maxy);
CREATE INDEX incidents_temporal ON incidents (temporal_ms);

-- Search over folded text (see server/search/fold.ts); 'compact' is the folded text with spaces removed;
-- tier 0 is the feature's own name, 1 a context name (a commune's former district).
CREATE VIRTUAL TABLE search_index USING fts5(
  compact, tier UNINDEXED, collection UNINDEXED, feature_id UNINDEXED, label UNINDEXED, detail UNINDEXED, group_rank UNINDEXED,
  minx UNINDEXED, miny UNINDEXED, maxx UNINDEXED, maxy UNINDEXED,
  tokenize = 'trigram'
);
