-- Incidents partitioned by month (issue 16): declarative RANGE partitions on temporal_ms (occurred_at in epoch
-- milliseconds, the column every period filter and sort uses), one per calendar month (UTC) that holds incidents,
-- and a DEFAULT partition that catches any row written where no month partition exists yet (nothing is ever refused
-- for want of one). At a million rows a period query then reads only its months' tables and indexes, and old months
-- can be detached or archived whole.
--
-- A partitioned table's primary key must contain the partition key, so it is (id, temporal_ms); ids stay unique
-- across months through incident_ids, filled by statement-level triggers (a duplicate is a unique violation, so a
-- Conflict, as on every other collection).

ALTER TABLE incidents RENAME TO incidents_before_005;
ALTER TABLE incidents_before_005 RENAME CONSTRAINT incidents_pkey TO incidents_before_005_pkey;
DROP INDEX incidents_geom, incidents_temporal, incidents_analysis, incidents_commune;

-- The same columns in the same order (jsonb_populate_recordset(NULL::incidents, …) and COPY name them).
CREATE TABLE incidents (LIKE incidents_before_005 INCLUDING DEFAULTS) PARTITION BY RANGE (temporal_ms);
ALTER TABLE incidents ALTER COLUMN temporal_ms SET NOT NULL, ADD PRIMARY KEY (id, temporal_ms);
CREATE TABLE incidents_default PARTITION OF incidents DEFAULT;

/*
 * Makes the month partitions (incidents_YYYY_MM, UTC months) that the instants (epoch ms) fall in and that do not
 * exist yet, moving any rows of that month out of the DEFAULT partition first. Writers call it before inserting
 * (server/storage/postgres/features.ts), the bulk load before each COPY. Under an advisory lock, so two writers that
 * need the same new month make it once; ATTACH takes only a SHARE UPDATE EXCLUSIVE lock on incidents, so reads and
 * writes of other months go on. The moved rows do not change: statement triggers on incidents do not fire for
 * statements on one partition.
 */
CREATE FUNCTION netguard_incident_months(instants bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  month timestamp;
  partition_name text;
  low bigint;
  high bigint;
BEGIN
  FOR month IN SELECT DISTINCT date_trunc('month', to_timestamp(instant / 1000.0) AT TIME ZONE 'UTC') FROM unnest(instants) AS instant WHERE instant IS NOT NULL LOOP
    partition_name := 'incidents_' || to_char(month, 'YYYY_MM');
    CONTINUE WHEN to_regclass(partition_name) IS NOT NULL;
    PERFORM pg_advisory_xact_lock(hashtext('netguard incident partitions'));
    CONTINUE WHEN to_regclass(partition_name) IS NOT NULL;
    low := (extract(epoch FROM month AT TIME ZONE 'UTC') * 1000)::bigint;
    high := (extract(epoch FROM (month + interval '1 month') AT TIME ZONE 'UTC') * 1000)::bigint;
    EXECUTE format('CREATE TABLE %I (LIKE incidents INCLUDING DEFAULTS)', partition_name);
    EXECUTE format('WITH moved AS (DELETE FROM incidents_default WHERE temporal_ms >= %s AND temporal_ms < %s RETURNING *) INSERT INTO %I SELECT * FROM moved', low, high, partition_name);
    EXECUTE format('ALTER TABLE incidents ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', partition_name, low, high);
  END LOOP;
END $$;

SELECT netguard_incident_months(array(SELECT DISTINCT temporal_ms - temporal_ms % 86400000 FROM incidents_before_005));
-- Moved before any trigger exists: the rows are the same, so neither the change log nor the counters move.
INSERT INTO incidents SELECT * FROM incidents_before_005;
DROP TABLE incidents_before_005;

-- The indexes of migration 001 on the partitioned table (each partition gets its own, made on ATTACH too).
CREATE INDEX incidents_geom ON incidents USING gist (geom);
CREATE INDEX incidents_temporal ON incidents (temporal_ms);
CREATE INDEX incidents_analysis ON incidents (temporal_ms, status, type, source) INCLUDE (minx, miny);
CREATE INDEX incidents_commune ON incidents (commune_code);

CREATE TABLE incident_ids (id bigint PRIMARY KEY);
INSERT INTO incident_ids SELECT id FROM incidents;
CREATE FUNCTION netguard_incident_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN DELETE FROM incident_ids WHERE id IN (SELECT id FROM old_rows); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO incident_ids (id) SELECT id FROM new_rows; END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER incidents_ids_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_incident_ids();
CREATE TRIGGER incidents_ids_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_incident_ids();
CREATE TRIGGER incidents_ids_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_incident_ids();

-- The change log (migration 002) and the change counter (migration 003), as before.
CREATE TRIGGER incidents_changes_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER incidents_changes_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER incidents_changes_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_log_rows();
CREATE TRIGGER incidents_version_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_count_incidents();
CREATE TRIGGER incidents_version_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_count_incidents();
CREATE TRIGGER incidents_version_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_count_incidents();
