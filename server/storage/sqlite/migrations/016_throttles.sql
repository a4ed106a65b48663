-- Issue 12: throttles (sign-in failures, hotline filing) live in the store, so that a count is one atomic UPSERT that
-- holds under concurrent requests and across restarts: one row per key and its current window.
CREATE TABLE throttles (key TEXT PRIMARY KEY, start_ms INTEGER NOT NULL, window_ms INTEGER NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID;
