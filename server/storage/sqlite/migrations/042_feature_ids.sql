-- Issue 12: feature ids are never reused. New ids were max(id) + 1, so after a carrier deleted its newest site the next
-- site anyone created took the deleted one's id, and incidents or audit entries that named it then named another
-- carrier's asset. Each collection's last id handed out is kept here and only ever grows; a deleted feature's id stays
-- free, so undoing the delete can restore it under that id.
CREATE TABLE feature_ids (collection TEXT PRIMARY KEY, last_id INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO feature_ids (collection, last_id) SELECT 'admin_areas', coalesce(max(id), 0) FROM admin_areas;
INSERT INTO feature_ids (collection, last_id) SELECT 'roads', coalesce(max(id), 0) FROM roads;
INSERT INTO feature_ids (collection, last_id) SELECT 'key_targets', coalesce(max(id), 0) FROM key_targets;
INSERT INTO feature_ids (collection, last_id) SELECT 'cable_routes', coalesce(max(id), 0) FROM cable_routes;
INSERT INTO feature_ids (collection, last_id) SELECT 'facilities', coalesce(max(id), 0) FROM facilities;
INSERT INTO feature_ids (collection, last_id) SELECT 'bts_sites', coalesce(max(id), 0) FROM bts_sites;
INSERT INTO feature_ids (collection, last_id) SELECT 'scrap_dealers', coalesce(max(id), 0) FROM scrap_dealers;
INSERT INTO feature_ids (collection, last_id) SELECT 'police_stations', coalesce(max(id), 0) FROM police_stations;
INSERT INTO feature_ids (collection, last_id) SELECT 'incidents', coalesce(max(id), 0) FROM incidents;
INSERT INTO feature_ids (collection, last_id) SELECT 'service_agents', coalesce(max(id), 0) FROM service_agents;
-- A database older than this table may already have deleted its newest features: their ids are above max(id) but
-- still named by the audit log (edits and deletes record the feature's id) and by incidents linked to a deleted asset,
-- so those count as handed out too.
UPDATE feature_ids SET last_id = max(
  last_id,
  coalesce((SELECT max(CAST(target_id AS INTEGER)) FROM audit_log WHERE target_type = feature_ids.collection AND target_id GLOB '[0-9]*'), 0),
  coalesce((SELECT max(asset_id) FROM incidents WHERE asset_collection = feature_ids.collection), 0)
);
