-- Issue 11: how each BTS site reaches its carrier's network (a fibre drop, or a microwave link from another site),
-- and version counters that let caches of derived structures (the cut-trace graph per carrier, the corridors of the
-- network, backtests) rebuild only when what they derive from changed, whichever path wrote.
ALTER TABLE bts_sites ADD COLUMN backhaul TEXT;
ALTER TABLE bts_sites ADD COLUMN backhaul_site_code TEXT;

CREATE TABLE change_counters (key TEXT PRIMARY KEY, version INTEGER NOT NULL);
INSERT INTO change_counters (key, version) VALUES ('incidents', 0);

CREATE TRIGGER cable_routes_version_insert AFTER INSERT ON cable_routes BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || NEW.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || NEW.owner; END;
CREATE TRIGGER cable_routes_version_delete AFTER DELETE ON cable_routes BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || OLD.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || OLD.owner; END;
CREATE TRIGGER cable_routes_version_update AFTER UPDATE ON cable_routes BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || OLD.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || OLD.owner; INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || NEW.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || NEW.owner; END;
CREATE TRIGGER bts_sites_version_insert AFTER INSERT ON bts_sites BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || NEW.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || NEW.owner; END;
CREATE TRIGGER bts_sites_version_delete AFTER DELETE ON bts_sites BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || OLD.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || OLD.owner; END;
CREATE TRIGGER bts_sites_version_update AFTER UPDATE ON bts_sites BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || OLD.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || OLD.owner; INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || NEW.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || NEW.owner; END;
CREATE TRIGGER facilities_version_insert AFTER INSERT ON facilities BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || NEW.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || NEW.owner; END;
CREATE TRIGGER facilities_version_delete AFTER DELETE ON facilities BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || OLD.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || OLD.owner; END;
CREATE TRIGGER facilities_version_update AFTER UPDATE ON facilities BEGIN INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || OLD.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || OLD.owner; INSERT OR IGNORE INTO change_counters (key, version) VALUES ('network:' || NEW.owner, 0); UPDATE change_counters SET version = version + 1 WHERE key = 'network:' || NEW.owner; END;
CREATE TRIGGER incidents_version_insert AFTER INSERT ON incidents BEGIN UPDATE change_counters SET version = version + 1 WHERE key = 'incidents'; END;
CREATE TRIGGER incidents_version_delete AFTER DELETE ON incidents BEGIN UPDATE change_counters SET version = version + 1 WHERE key = 'incidents'; END;
CREATE TRIGGER incidents_version_update AFTER UPDATE ON incidents BEGIN UPDATE change_counters SET version = version + 1 WHERE key = 'incidents'; END;
