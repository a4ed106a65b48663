-- District police stations: the bases patrol plans start from (issue 3).
CREATE TABLE police_stations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  district_code TEXT NOT NULL,
  district_name TEXT,
  geometry TEXT NOT NULL,
  minx REAL NOT NULL,
  miny REAL NOT NULL,
  maxx REAL NOT NULL,
  maxy REAL NOT NULL
);
CREATE VIRTUAL TABLE police_stations_rtree USING rtree(id, minx, maxx, miny, maxy);
