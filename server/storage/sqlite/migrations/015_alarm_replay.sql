-- Issue 13: replay-proof alarms. Each alarm keeps the highest sequence number seen (older messages are refused), and
-- every accepted signature is remembered for as long as its timestamp is fresh, so a captured request cannot be sent
-- again. Existing alarms start at sequence 0.
ALTER TABLE carrier_alarms ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;

CREATE TABLE alarm_signatures (
  signature TEXT PRIMARY KEY,
  seen_at_ms INTEGER NOT NULL
);
CREATE INDEX alarm_signatures_seen ON alarm_signatures (seen_at_ms);
