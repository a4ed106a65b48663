-- Issue 18: the department edits and removes items of its joint inspection plans in the web app, and may undo a
-- removal. A removed item stays in inspection_plan_items (so undo brings it back under its own id and its audit
-- history stays whole) with its removal recorded here; plans and the inspection form no longer list it.
-- A table of its own rather than a column: this number runs before 050, which creates inspection_plan_items.
CREATE TABLE inspection_plan_item_removals (
  item_id INTEGER PRIMARY KEY,
  removed_at TEXT NOT NULL
);
