-- Issue 18: a carrier's evidence of an international call bypass (incident type sim_box): SIMs used, call minutes,
-- the cells (site codes, a JSON array) where the traffic was seen, and the radius the box lies within.
ALTER TABLE incidents ADD COLUMN sim_count INTEGER;
ALTER TABLE incidents ADD COLUMN call_minutes INTEGER;
ALTER TABLE incidents ADD COLUMN cell_ids TEXT;
ALTER TABLE incidents ADD COLUMN uncertainty_m INTEGER;
