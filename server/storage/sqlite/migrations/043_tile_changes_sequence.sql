-- Issue 12: the change log's numbers never go back. tile_changes.seq was an INTEGER PRIMARY KEY without AUTOINCREMENT,
-- so once the log was emptied (pruned, or cleared after a bulk load) numbering restarted at 1, below the number a tile
-- cache had last seen, and no later edit dropped a cached tile. With AUTOINCREMENT SQLite keeps the highest number
-- ever used in sqlite_sequence. The triggers of migration 010 insert into the table by name, so the rename runs with
-- legacy_alter_table on (the new table takes the old one's name; the triggers find it there).
PRAGMA legacy_alter_table = ON;
CREATE TABLE tile_changes_numbered (seq INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL, minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL);
INSERT INTO tile_changes_numbered (seq, collection, minx, miny, maxx, maxy) SELECT seq, collection, minx, miny, maxx, maxy FROM tile_changes;
DROP TABLE tile_changes;
ALTER TABLE tile_changes_numbered RENAME TO tile_changes;
PRAGMA legacy_alter_table = OFF;
