-- Points counted per low-zoom tile cell and calendar month (issue 16), as the SQLite provider's point_cells: for every
-- Point collection, zoom below LOW_ZOOMS (0–10), tile, part ('*': every point; else a value of the collection's
-- aggregateBy property, incidents' asset_owner), month (from January 1970, UTC; 0 without a temporal value) and cell
-- of the tile's 16 × 16 grid (the tiles four zooms deeper), how many points there are and the lowest id among them.
-- A thinned low-zoom tile (server/storage/postgres/vector-tile.ts) sums whole months from here and reads only the
-- ragged ends of its period from the points, instead of binning every point under it. Statement-level triggers keep
-- the table in step with every write, COPY of the bulk load included; writers take their turns (the change_sequence
-- lock), so the counts never race.

CREATE TABLE point_cells (
  collection text NOT NULL,
  z smallint NOT NULL,
  x integer NOT NULL,
  y integer NOT NULL,
  part text NOT NULL,
  month integer NOT NULL,
  cell smallint NOT NULL,
  n bigint NOT NULL,
  min_id bigint NOT NULL,
  PRIMARY KEY (collection, z, x, y, part, month, cell)
);

-- The column and row of a position in the tiles of zoom 14 (the cells of zoom 10), clamped to the matrix: the same
-- float8 operations in the same order as tileOfPosition (server/geometry/web-mercator.ts, MAX_LATITUDE), so a point on
-- a cell's edge falls in the same cell on either provider. A cell of zoom z is the column (row) shifted by 10 - z.
-- Not STRICT, so that the planner inlines them: a STRICT one (least and greatest are not strict) is called instead,
-- which made counting 10,000 incidents take 7.7 s.
CREATE FUNCTION netguard_cell_column(lon double precision) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN least(16383, greatest(0, floor(((lon + 180) / 360) * 16384::float8)))::bigint;
CREATE FUNCTION netguard_cell_row(lat double precision) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN least(16383, greatest(0, floor(((1 - ln(tan((greatest(-85.0511287798066::float8, least(85.0511287798066::float8, lat)) * pi()) / 180)
    + 1 / cos((greatest(-85.0511287798066::float8, least(85.0511287798066::float8, lat)) * pi()) / 180)) / pi()) / 2) * 16384::float8)))::bigint;
-- monthOf (server/storage/tile-grid.ts): calendar months (UTC) from January 1970; 0 without an instant.
CREATE FUNCTION netguard_month(instant bigint) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN instant IS NULL THEN 0 ELSE
    ((extract(year FROM timestamp 'epoch' + instant * interval '1 millisecond')::int - 1970) * 12
      + extract(month FROM timestamp 'epoch' + instant * interval '1 millisecond')::int - 1) END;
-- The first millisecond of a month (monthStart).
CREATE FUNCTION netguard_month_start(month integer) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (extract(epoch FROM timestamp 'epoch' + month * interval '1 month') * 1000)::bigint;

/*
 * The cells of the rows of `source` (a query with id, minx, miny and the part and temporal columns) at every low
 * zoom and in every part they count in, as the select list (collection, z, x, y, part, month, cell, id): the text of a
 * query over `source`. part_column is the aggregateBy column ('' for none), timed whether the table has temporal_ms.
 */
CREATE FUNCTION netguard_point_cells_sql(collection text, source text, part_column text, timed boolean) RETURNS text LANGUAGE sql IMMUTABLE
  RETURN format($f$SELECT %L::text AS collection, z.z::smallint AS z, (d.c >> (14 - z.z))::int AS x, (d.r >> (14 - z.z))::int AS y, p.part,
      d.month, ((((d.r >> (10 - z.z)) & 15) * 16) + ((d.c >> (10 - z.z)) & 15))::smallint AS cell, d.id
    FROM (SELECT s.id, netguard_cell_column(s.minx) AS c, netguard_cell_row(s.miny) AS r, %s AS month, %s AS own_part FROM (%s) AS s OFFSET 0) AS d
    CROSS JOIN LATERAL (VALUES ('*'), (d.own_part)) AS p (part)
    CROSS JOIN generate_series(0, 10) AS z (z)
    WHERE p.part IS NOT NULL$f$,
    collection, CASE WHEN timed THEN 'netguard_month(s.temporal_ms)' ELSE '0' END,
    CASE WHEN part_column = '' THEN 'NULL::text' ELSE format('CASE WHEN s.%1$I <> %2$L AND s.%1$I <> %3$L THEN s.%1$I END', part_column, '', '*') END,
    source);

/* The statement counting the rows of `source` (newly written points) into point_cells, one upsert per cell touched. */
CREATE FUNCTION netguard_count_points_sql(collection text, source text, part_column text, timed boolean) RETURNS text LANGUAGE sql IMMUTABLE
  RETURN format($f$INSERT INTO point_cells (collection, z, x, y, part, month, cell, n, min_id)
    SELECT collection, z, x, y, part, month, cell, count(*), min(id) FROM (%s) AS e GROUP BY collection, z, x, y, part, month, cell
    ON CONFLICT (collection, z, x, y, part, month, cell) DO UPDATE SET n = point_cells.n + excluded.n, min_id = least(point_cells.min_id, excluded.min_id)$f$,
    netguard_point_cells_sql(collection, source, part_column, timed));

/*
 * The statements, in order, uncounting the rows of `source` (points no longer there, or no longer where they were):
 * cells left empty go, and a cell whose lowest id was one of them (the lowest of them in that cell: `lowest`) takes
 * the lowest id left, found at zoom 10 among the points of its cell and month (through the index), and at each zoom
 * above among its four cells one zoom deeper. Run by the trigger itself: only its statements see the transition tables.
 */
CREATE FUNCTION netguard_uncount_points_sql(collection text, source text, part_column text, timed boolean, partitioned boolean) RETURNS text[] LANGUAGE sql IMMUTABLE
  RETURN (WITH gone AS (SELECT format($f$WITH g AS (SELECT z, x, y, part, month, cell, count(*) AS n, min(id) AS lowest FROM (%s) AS e GROUP BY z, x, y, part, month, cell)$f$,
      netguard_point_cells_sql(collection, source, part_column, timed)) AS g),
    same AS (SELECT format('p.collection = %L AND (p.z, p.x, p.y, p.part, p.month, p.cell) = (g.z, g.x, g.y, g.part, g.month, g.cell)', collection) AS key)
  SELECT ARRAY[
    format('%s UPDATE point_cells AS p SET n = p.n - g.n FROM g WHERE %s', g, key),
    format('%s DELETE FROM point_cells AS p USING g WHERE %s AND p.n <= 0', g, key),
    format($f$%s UPDATE point_cells AS p SET min_id = (
        SELECT min(t.id) FROM %I AS t
        WHERE t.geom && ST_Expand(ST_MakeEnvelope(
            (p.x * 16 + (p.cell & 15)) / 16384::float8 * 360 - 180, degrees(atan(sinh(pi() * (1 - 2 * (p.y * 16 + (p.cell >> 4) + 1) / 16384::float8)))),
            (p.x * 16 + (p.cell & 15) + 1) / 16384::float8 * 360 - 180, degrees(atan(sinh(pi() * (1 - 2 * (p.y * 16 + (p.cell >> 4)) / 16384::float8)))), 4326), 1e-9)
          AND netguard_cell_column(t.minx) = p.x * 16 + (p.cell & 15) AND netguard_cell_row(t.miny) = p.y * 16 + (p.cell >> 4) AND %s AND %s)
      FROM g WHERE %s AND p.z = 10 AND p.min_id = g.lowest$f$,
      g, collection,
      CASE WHEN NOT timed THEN 'true' WHEN partitioned THEN 't.temporal_ms >= netguard_month_start(p.month) AND t.temporal_ms < netguard_month_start(p.month + 1)'
        ELSE 'netguard_month(t.temporal_ms) = p.month' END,
      CASE WHEN part_column = '' THEN 'true' ELSE format('(p.part = %2$L OR t.%1$I = p.part)', part_column, '*') END, key)]
    || array(SELECT format($f$%s UPDATE point_cells AS p SET min_id = (
          SELECT min(c.min_id) FROM point_cells AS c
          WHERE c.collection = p.collection AND c.z = p.z + 1 AND c.part = p.part AND c.month = p.month
            AND c.x = ((p.x * 16 + (p.cell & 15)) * 2) >> 4 AND c.y = ((p.y * 16 + (p.cell >> 4)) * 2) >> 4
            AND c.cell IN (((p.cell >> 4) * 2 & 15) * 16 + ((p.cell & 15) * 2 & 15), ((p.cell >> 4) * 2 & 15) * 16 + ((p.cell & 15) * 2 & 15) + 1,
              ((p.cell >> 4) * 2 & 15) * 16 + ((p.cell & 15) * 2 & 15) + 16, ((p.cell >> 4) * 2 & 15) * 16 + ((p.cell & 15) * 2 & 15) + 17))
        FROM g WHERE %s AND p.z = %s AND p.min_id = g.lowest$f$, g, key, level) FROM generate_series(9, 0, -1) AS level)
  FROM gone, same);

/*
 * The trigger: TG_ARGV[0] the aggregateBy column ('' for none), TG_ARGV[1] 'timed' when the table has temporal_ms,
 * 'partitioned' when it is also the partition key. An UPDATE recounts only the rows whose cell, month or part changed.
 */
CREATE FUNCTION netguard_point_cells() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  part_column text := TG_ARGV[0];
  timed boolean := TG_ARGV[1] IN ('timed', 'partitioned');
  removed text;
  added text;
  statement text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    added := 'SELECT * FROM new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    removed := 'SELECT * FROM old_rows';
  ELSE
    statement := format('(o.minx, o.miny%1$s%2$s) IS DISTINCT FROM (n.minx, n.miny%3$s%4$s)',
      CASE WHEN timed THEN ', o.temporal_ms' ELSE '' END, CASE WHEN part_column = '' THEN '' ELSE format(', o.%I', part_column) END,
      CASE WHEN timed THEN ', n.temporal_ms' ELSE '' END, CASE WHEN part_column = '' THEN '' ELSE format(', n.%I', part_column) END);
    removed := format('SELECT o.* FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE %s', statement);
    added := format('SELECT n.* FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id WHERE %s', statement);
  END IF;
  IF removed IS NOT NULL THEN
    FOREACH statement IN ARRAY netguard_uncount_points_sql(TG_TABLE_NAME, removed, part_column, timed, TG_ARGV[1] = 'partitioned') LOOP
      EXECUTE statement;
    END LOOP;
  END IF;
  IF added IS NOT NULL THEN EXECUTE netguard_count_points_sql(TG_TABLE_NAME, added, part_column, timed); END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  point_table record;
BEGIN
  FOR point_table IN SELECT * FROM (VALUES ('facilities', '', ''), ('bts_sites', '', ''), ('scrap_dealers', '', 'timed'), ('service_agents', '', ''),
      ('police_stations', '', ''), ('incidents', 'asset_owner', 'partitioned')) AS v (name, part_column, time_kind) LOOP
    EXECUTE netguard_count_points_sql(point_table.name, format('SELECT * FROM %I', point_table.name), point_table.part_column, point_table.time_kind <> '');
    EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT ON %2$I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_point_cells(%3$L, %4$L)',
      point_table.name || '_cells_insert', point_table.name, point_table.part_column, point_table.time_kind);
    EXECUTE format('CREATE TRIGGER %1$I AFTER DELETE ON %2$I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_point_cells(%3$L, %4$L)',
      point_table.name || '_cells_delete', point_table.name, point_table.part_column, point_table.time_kind);
    EXECUTE format('CREATE TRIGGER %1$I AFTER UPDATE ON %2$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION netguard_point_cells(%3$L, %4$L)',
      point_table.name || '_cells_update', point_table.name, point_table.part_column, point_table.time_kind);
  END LOOP;
END $$;
ANALYZE point_cells;
