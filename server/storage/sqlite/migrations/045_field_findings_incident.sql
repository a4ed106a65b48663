-- Issue 17: a case page shows the photos of the field findings filed as its incident, so findings are looked up by
-- incident as well as by plan.
CREATE INDEX field_findings_incident ON field_findings (incident_id) WHERE incident_id IS NOT NULL;
