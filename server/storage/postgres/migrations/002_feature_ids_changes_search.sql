-- Feature ids are never reused (SQLite migration 042): each collection's last id handed out only ever grows.
CREATE TABLE feature_ids (collection text PRIMARY KEY, last_id bigint NOT NULL);

-- The change log (server/storage/change-log.ts; SQLite migrations 010 and 043): every insert, update or delete of a
-- feature table logs the boxes it touched, through statement-level triggers. Numbers come from one counter row
-- updated in the writing transaction, not from a sequence: the row lock orders writers by commit and a rollback
-- takes its numbers back, so numbers have no gaps and a reader that saw n has seen every change up to n.
CREATE TABLE change_sequence (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), last bigint NOT NULL);
INSERT INTO change_sequence (last) VALUES (0);
CREATE TABLE tile_changes (
  seq bigint PRIMARY KEY,
  collection text NOT NULL,
  minx double precision NOT NULL, miny double precision NOT NULL, maxx double precision NOT NULL, maxy double precision NOT NULL
);

CREATE FUNCTION netguard_log_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
  base bigint;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT count(*) INTO n FROM new_rows;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT count(*) INTO n FROM new_rows;
  ELSE
    SELECT count(*) INTO n FROM old_rows;
  END IF;
  IF n = 0 THEN RETURN NULL; END IF;
  UPDATE change_sequence SET last = last + n RETURNING last - n INTO base;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tile_changes (seq, collection, minx, miny, maxx, maxy)
      SELECT base + row_number() OVER (ORDER BY id), TG_TABLE_NAME, minx, miny, maxx, maxy FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tile_changes (seq, collection, minx, miny, maxx, maxy)
      SELECT base + row_number() OVER (ORDER BY id), TG_TABLE_NAME, minx, miny, maxx, maxy FROM old_rows;
  ELSE
    INSERT INTO tile_changes (seq, collection, minx, miny, maxx, maxy)
      SELECT base + row_number() OVER (ORDER BY n.id), TG_TABLE_NAME, least(o.minx, n.minx), least(o.miny, n.miny), greatest(o.maxx, n.maxx), greatest(o.maxy, n.maxy)
      FROM new_rows n JOIN old_rows o ON o.id = n.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER admin_areas_changes_insert AFTER INSERT ON admin_areas REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER admin_areas_changes_delete AFTER DELETE ON admin_areas REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER admin_areas_changes_update AFTER UPDATE ON admin_areas REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER roads_changes_insert AFTER INSERT ON roads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER roads_changes_delete AFTER DELETE ON roads REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER roads_changes_update AFTER UPDATE ON roads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER key_targets_changes_insert AFTER INSERT ON key_targets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER key_targets_changes_delete AFTER DELETE ON key_targets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER key_targets_changes_update AFTER UPDATE ON key_targets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER cable_routes_changes_insert AFTER INSERT ON cable_routes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER cable_routes_changes_delete AFTER DELETE ON cable_routes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER cable_routes_changes_update AFTER UPDATE ON cable_routes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER facilities_changes_insert AFTER INSERT ON facilities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER facilities_changes_delete AFTER DELETE ON facilities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER facilities_changes_update AFTER UPDATE ON facilities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER bts_sites_changes_insert AFTER INSERT ON bts_sites REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER bts_sites_changes_delete AFTER DELETE ON bts_sites REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER bts_sites_changes_update AFTER UPDATE ON bts_sites REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER scrap_dealers_changes_insert AFTER INSERT ON scrap_dealers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER scrap_dealers_changes_delete AFTER DELETE ON scrap_dealers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER scrap_dealers_changes_update AFTER UPDATE ON scrap_dealers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER service_agents_changes_insert AFTER INSERT ON service_agents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER service_agents_changes_delete AFTER DELETE ON service_agents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER service_agents_changes_update AFTER UPDATE ON service_agents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER police_stations_changes_insert AFTER INSERT ON police_stations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER police_stations_changes_delete AFTER DELETE ON police_stations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER police_stations_changes_update AFTER UPDATE ON police_stations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER incidents_changes_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER incidents_changes_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER incidents_changes_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();

-- Search (server/storage/features.ts `search`): one row per folded name of a feature, found through pg_trgm. A name is
-- folded by netguard_compact: unaccent (diacritics, đ → d), lower case, every character but letters and digits
-- dropped, as server/text/fold.ts `compact` does, so "dak glei", "dakglei" and "Đắk Glei" meet.
CREATE FUNCTION netguard_compact(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, normalize(value, NFC))), '[^[:alnum:]]+', '', 'g');
CREATE TABLE search_index (
  collection text NOT NULL,
  feature_id bigint NOT NULL,
  compact text NOT NULL,
  -- 0: one of the feature's own names; 1: a name it is found by after them (a commune by its former district).
  tier smallint NOT NULL,
  label text NOT NULL,
  detail text,
  group_rank integer NOT NULL,
  minx double precision NOT NULL, miny double precision NOT NULL, maxx double precision NOT NULL, maxy double precision NOT NULL
);
CREATE INDEX search_index_trigram ON search_index USING gin (compact gin_trgm_ops);
CREATE INDEX search_index_feature ON search_index (collection, feature_id);
