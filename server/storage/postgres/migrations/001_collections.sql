-- One table per registry collection (server/collections/registry.ts), typed columns as in SQLite's migrations.
-- geometry keeps the GeoJSON as stored (answers are the same text on both providers); geom is the same geometry in
-- PostGIS (lines and polygons as their Multi type) with a GiST index; minx..maxy is its bounding box as the registry
-- computes it (server/geometry/bbox.ts). date and datetime are ISO 8601 text; temporal_ms is the temporal property
-- in epoch milliseconds, for datetime filters and sorting.

CREATE TABLE admin_areas (
  id bigint PRIMARY KEY,
  level text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  name_en text,
  unit_type text,
  district_code text,
  district_name text,
  geometry text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL
);
CREATE INDEX admin_areas_geom ON admin_areas USING gist (geom);

CREATE TABLE roads (
  id bigint PRIMARY KEY,
  osm_id text NOT NULL,
  ref text,
  name text,
  road_class text,
  geometry text NOT NULL,
  geom geometry(MultiLineString, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL
);
CREATE INDEX roads_geom ON roads USING gist (geom);

CREATE TABLE key_targets (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  protection_level integer,
  effective_date text,
  legal_basis text,
  proposed_by text,
  reviewed_by text,
  geometry text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL,
  temporal_ms bigint
);
CREATE INDEX key_targets_geom ON key_targets USING gist (geom);
CREATE INDEX key_targets_temporal ON key_targets (temporal_ms);

CREATE TABLE cable_routes (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  owner text NOT NULL,
  medium text NOT NULL,
  laying text NOT NULL,
  fibre_count integer,
  tier text NOT NULL,
  status text NOT NULL,
  year_installed integer,
  length_m double precision,
  slack_points text,
  twist_factor double precision,
  geometry text NOT NULL,
  geom geometry(MultiLineString, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL
);
CREATE INDEX cable_routes_geom ON cable_routes USING gist (geom);

CREATE TABLE facilities (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  owner text NOT NULL,
  address text,
  status text NOT NULL,
  geometry text NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL
);
CREATE INDEX facilities_geom ON facilities USING gist (geom);

CREATE TABLE bts_sites (
  id bigint PRIMARY KEY,
  site_code text NOT NULL,
  owner text NOT NULL,
  technologies text[] NOT NULL,
  tower_type text,
  tower_height_m double precision,
  backup_power text,
  alarm_equipped boolean,
  status text NOT NULL,
  commune_code text,
  backhaul text,
  backhaul_site_code text,
  geometry text NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL
);
CREATE INDEX bts_sites_geom ON bts_sites USING gist (geom);

CREATE TABLE scrap_dealers (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  address text,
  commune_code text,
  commune_name text,
  district_code text,
  district_name text,
  last_inspection_date text,
  last_inspection_result text,
  geometry text NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL,
  temporal_ms bigint
);
CREATE INDEX scrap_dealers_geom ON scrap_dealers USING gist (geom);
CREATE INDEX scrap_dealers_temporal ON scrap_dealers (temporal_ms);

CREATE TABLE service_agents (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  owner text NOT NULL,
  address text,
  commune_code text,
  commune_name text,
  licence text,
  licence_expiry text,
  status text NOT NULL,
  district_code text,
  last_inspection_date text,
  last_inspection_result text,
  geometry text NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL
);
CREATE INDEX service_agents_geom ON service_agents USING gist (geom);

CREATE TABLE police_stations (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  commune_code text,
  commune_name text,
  district_code text NOT NULL,
  district_name text,
  geometry text NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL
);
CREATE INDEX police_stations_geom ON police_stations USING gist (geom);

CREATE TABLE incidents (
  id bigint PRIMARY KEY,
  type text NOT NULL,
  occurred_at text NOT NULL,
  reported_at text NOT NULL,
  source text NOT NULL,
  status text NOT NULL,
  asset_collection text,
  asset_id integer,
  asset_owner text,
  damage_vnd integer,
  outage_minutes integer,
  sim_count integer,
  call_minutes integer,
  cell_ids text[],
  uncertainty_m integer,
  commune_code text,
  district_code text,
  description text,
  geometry text NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  minx double precision NOT NULL,
  miny double precision NOT NULL,
  maxx double precision NOT NULL,
  maxy double precision NOT NULL,
  temporal_ms bigint
);
CREATE INDEX incidents_geom ON incidents USING gist (geom);
CREATE INDEX incidents_temporal ON incidents (temporal_ms);

-- The analysis reads (SQLite migrations 012, 014, 025, 026).
CREATE INDEX incidents_analysis ON incidents (temporal_ms, status, type, source) INCLUDE (minx, miny);
CREATE INDEX bts_sites_site_code ON bts_sites (site_code);
CREATE INDEX incidents_commune ON incidents (commune_code);
CREATE INDEX service_agents_owner ON service_agents (owner);
