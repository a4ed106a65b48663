-- Issue 18 §3: where to search for a fibre break, kept with the incident the alarm created — the break point and the
-- stretch of route within the tolerance, as the alarm's answer gave them (a FeatureCollection, RFC 7946), so the map
-- draws the same segment later even if the route or its coils are edited since.
CREATE TABLE incident_fibre_breaks (
  incident_id INTEGER PRIMARY KEY,
  route_id INTEGER NOT NULL,
  located TEXT NOT NULL CHECK (json_valid(located)),
  located_at TEXT NOT NULL
);
