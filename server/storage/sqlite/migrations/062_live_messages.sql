-- Issue 16: live messages cross processes. Each process appends the messages it publishes here and polls for the
-- ones other processes appended (server/storage/polled-broadcast.ts), so cluster workers and separate servers over
-- one file reach each other's /api/events subscribers. AUTOINCREMENT: numbers never go back, also after pruning.
CREATE TABLE live_messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, origin TEXT NOT NULL, at_ms INTEGER NOT NULL, message TEXT NOT NULL);
CREATE INDEX live_messages_at ON live_messages (at_ms);
