-- PostGIS for the geometry columns and their GiST indexes, unaccent and pg_trgm for search. The database's owner
-- creates them if an administrator has not.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
