-- Issue 18: a fibre route's reserve coils ("position m:slack m; …") and twist factor, which turn a fibre monitor's
-- optical distance into a place on the route. Routes stored before keep nulls: no coils, twist 1.
ALTER TABLE cable_routes ADD COLUMN slack_points TEXT;
ALTER TABLE cable_routes ADD COLUMN twist_factor REAL;
