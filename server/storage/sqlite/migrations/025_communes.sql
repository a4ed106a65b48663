-- Issue 18: since 1 July 2025 districts are abolished and the commune is the live administrative level, so incidents,
-- scrap dealers and police stations carry their commune; the former district stays as a historical attribute. Rows
-- stored before this migration keep a null commune (a demo database is re-seeded with `npm run db:reset`).
ALTER TABLE incidents ADD COLUMN commune_code TEXT;
CREATE INDEX incidents_commune ON incidents (commune_code);
ALTER TABLE scrap_dealers ADD COLUMN commune_code TEXT;
ALTER TABLE scrap_dealers ADD COLUMN commune_name TEXT;
ALTER TABLE police_stations ADD COLUMN commune_code TEXT;
ALTER TABLE police_stations ADD COLUMN commune_name TEXT;
