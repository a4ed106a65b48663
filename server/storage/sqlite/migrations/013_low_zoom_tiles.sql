-- Issue 6: a low-zoom vector tile of the national set lies over hundreds of thousands of points or tens of thousands of
-- cable routes. Instead of reading them all, such tiles read these two structures, which the provider keeps in step
-- with the feature tables inside every write (server/storage/sqlite/low-zoom.ts; a database stored before this
-- migration is filled in once when it is opened).

-- Points per (zoom, tile, part, month, cell of the tile's 16 × 16 grid): how many, and the lowest id among them. The
-- part is '*' for all points, or one value of the collection's `aggregateBy` property (incidents: the asset owner).
CREATE TABLE point_cells (
  collection TEXT NOT NULL,
  z INTEGER NOT NULL,
  x INTEGER NOT NULL,
  y INTEGER NOT NULL,
  part TEXT NOT NULL,
  month INTEGER NOT NULL,
  cell INTEGER NOT NULL,
  n INTEGER NOT NULL,
  min_id INTEGER NOT NULL,
  PRIMARY KEY (collection, z, x, y, part, month, cell)
) WITHOUT ROWID;

-- Each line with the property values low-zoom tiles carry (a JSON array), simplified for country zooms (coarse) and
-- for the other low zooms (fine), each stored as its parts' JSON coordinates joined by commas; the R*Tree's third
-- dimension is the zoom the line appears from, so a country-scale tile visits only the backbone.
CREATE TABLE line_generalised (
  gid INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  id INTEGER NOT NULL,
  property_values TEXT NOT NULL,
  coarse TEXT NOT NULL,
  fine TEXT NOT NULL,
  UNIQUE (collection, id)
);
CREATE VIRTUAL TABLE line_generalised_rtree USING rtree(gid, minx, maxx, miny, maxy, min_zoom, max_zoom);
