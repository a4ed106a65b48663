import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import type { CollectionDef, PropertyType } from '../collections/types.ts';
import { CRS_DEFINITIONS } from '../geometry/crs-definitions.ts';
import { geometryBbox } from '../geometry/bbox.ts';
import type { FeatureEncoder, StoredFeature } from './features.ts';
import { toWkb } from '../geometry/wkb.ts';

const COLUMN: Record<PropertyType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'BOOLEAN', date: 'DATE', datetime: 'DATETIME', 'text[]': 'TEXT' };
/** GeoPackage timestamps: ISO 8601 UTC with milliseconds (GPKG 1.3 §1.1.1.1.1). */
const TIMESTAMP = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/**
 * The declared geometry type of the feature types met: exact (GPKG 1.3 Req. 32 wants the type the features have). A
 * Line collection holding both LineStrings and MultiLineStrings is declared multi and its single lines written as
 * one-part multis.
 */
function geometryType(types: ReadonlySet<string>): { name: string; promote: boolean } {
  if (types.size === 1) return { name: [...types][0].toUpperCase(), promote: false };
  if (types.size === 0) return { name: 'GEOMETRY', promote: false };
  const multi = [...types].find((type) => type.startsWith('Multi'));
  return multi && types.size === 2 && types.has(multi.slice(5)) ? { name: multi.toUpperCase(), promote: true } : { name: 'GEOMETRY', promote: false };
}

/** Bytes before the WKB in the GeoPackageBinary `gpkgGeometry` writes: magic, version, flags, SRS id, xy envelope. */
const GP_HEADER = 8 + 32;

/** A single Point, LineString or Polygon of GeoPackageBinary as its one-part Multi (WKB types 1–3 → 4–6); others as they are. */
function promotedBlob(blob: Buffer): Buffer {
  const code = blob.readUInt32LE(GP_HEADER + 1);
  if (code < 1 || code > 3) return blob;
  const multi = Buffer.alloc(9);
  multi.writeUInt8(1, 0);
  multi.writeUInt32LE(code + 3, 1);
  multi.writeUInt32LE(1, 5);
  return Buffer.concat([blob.subarray(0, GP_HEADER), multi, blob.subarray(GP_HEADER)]);
}

/** GeoPackageBinary: 'GP', version 0, flags (little endian, xy envelope), SRS id, envelope, then WKB (GPKG 1.3 §2.1.3). */
function gpkgGeometry(geometry: Geometry, srsId: number): Buffer {
  const [minx, miny, maxx, maxy] = geometryBbox(geometry);
  const header = Buffer.alloc(8 + 32);
  header.write('GP', 0, 'ascii');
  header.writeUInt8(0, 2);
  header.writeUInt8(0b0000_0011, 3);
  header.writeInt32LE(srsId, 4);
  [minx, maxx, miny, maxy].forEach((value, index) => header.writeDoubleLE(value, 8 + index * 8));
  return Buffer.concat([header, toWkb(geometry)]);
}

/** The spatial index extension's R-tree and its six triggers, as GPKG 1.3 Annex F.3 writes them. */
function rtreeIndex(db: Database.Database, table: string): void {
  const rtree = `rtree_${table}_geom`;
  const box = 'NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)';
  db.exec(`
    CREATE VIRTUAL TABLE "${rtree}" USING rtree(id, minx, maxx, miny, maxy);
    CREATE TRIGGER "${rtree}_insert" AFTER INSERT ON "${table}" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
      BEGIN INSERT OR REPLACE INTO "${rtree}" VALUES (${box}); END;
    CREATE TRIGGER "${rtree}_update1" AFTER UPDATE OF geom ON "${table}" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
      BEGIN INSERT OR REPLACE INTO "${rtree}" VALUES (${box}); END;
    CREATE TRIGGER "${rtree}_update2" AFTER UPDATE OF geom ON "${table}" WHEN OLD.fid = NEW.fid AND (NEW.geom IS NULL OR ST_IsEmpty(NEW.geom))
      BEGIN DELETE FROM "${rtree}" WHERE id = OLD.fid; END;
    CREATE TRIGGER "${rtree}_update3" AFTER UPDATE ON "${table}" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
      BEGIN DELETE FROM "${rtree}" WHERE id = OLD.fid; INSERT OR REPLACE INTO "${rtree}" VALUES (${box}); END;
    CREATE TRIGGER "${rtree}_update4" AFTER UPDATE ON "${table}" WHEN OLD.fid != NEW.fid AND (NEW.geom IS NULL OR ST_IsEmpty(NEW.geom))
      BEGIN DELETE FROM "${rtree}" WHERE id IN (OLD.fid, NEW.fid); END;
    CREATE TRIGGER "${rtree}_delete" AFTER DELETE ON "${table}" WHEN old.geom NOT NULL
      BEGIN DELETE FROM "${rtree}" WHERE id = OLD.fid; END;`);
  db.prepare('INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)').run(table, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
}

/** A property's value as its GeoPackage column stores it: booleans 0/1, lists JSON text, date-times UTC with milliseconds. */
function cell(type: PropertyType, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (type === 'boolean') return value ? 1 : 0;
  if (type === 'text[]') return JSON.stringify(value);
  if (type === 'datetime') return new Date(String(value)).toISOString();
  return value as string | number;
}

/** The GeoPackage's own tables (GPKG 1.3 §1.1.2, §1.1.3, §2.1.5, §2.5.2). */
function createGeoPackageTables(db: Database.Database, srsId: number): void {
  db.pragma('application_id = 1196444487');
  db.pragma('user_version = 10300');
  db.exec(`
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (${TIMESTAMP}),
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
    CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));`);
  const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
  srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
  srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
  for (const code of new Set([4326, srsId])) srs.run(CRS_DEFINITIONS[code].name, code, 'EPSG', code, CRS_DEFINITIONS[code].wkt, CRS_DEFINITIONS[code].name);
}

/**
 * Writes a GeoPackage (OGC 12-128r18, version 1.3) at `path`, batch by batch, for a streamed export: one feature
 * table named after the collection, with its R-tree spatial index, exact geometry type and the CRS the geometries
 * are in (`srsId`, an EPSG code of `crs-definitions.ts`, 4326 by default), columns typed from the registry (lists as
 * JSON text). It passes GDAL's validate_gpkg.py (tested). The table's declared type is known only once every feature
 * is seen, so rows go first to a staging file beside `path` (removed at `end`) and are copied into the table then;
 * memory stays that of one batch, whatever the number of features.
 */
export function createGeoPackageWriter(path: string, collection: CollectionDef, now: Date, srsId = 4326): FeatureEncoder {
  const staging = `${path}-staging`;
  const db = new Database(path);
  createGeoPackageTables(db, srsId);
  db.prepare('ATTACH DATABASE ? AS staging').run(staging);
  // A file nobody reads until it is whole, removed if the export stops: no need to wait for the disk at each commit.
  db.pragma('synchronous = OFF');
  db.pragma('staging.synchronous = OFF');
  const names = collection.properties.map((property) => `"${property.name}"`).join(', ');
  db.exec(`CREATE TABLE staging.features (fid INTEGER PRIMARY KEY, geom BLOB, minx REAL, maxx REAL, miny REAL, maxy REAL, ${names})`);
  const insert = db.prepare(`INSERT INTO staging.features VALUES (${['?', '?', '?', '?', '?', '?', ...collection.properties.map(() => '?')].join(', ')})`);
  const types = new Set<string>();
  const add = db.transaction((features: readonly StoredFeature[]) => {
    for (const feature of features) {
      types.add(feature.geometry.type);
      const [minx, miny, maxx, maxy] = geometryBbox(feature.geometry);
      insert.run(feature.id, gpkgGeometry(feature.geometry, srsId), minx, maxx, miny, maxy, ...collection.properties.map((property) => cell(property.type, feature.properties[property.name])));
    }
  });
  const finish = db.transaction(() => {
    const { name: type, promote } = geometryType(types);
    const columns = collection.properties.map((property) => `"${property.name}" ${COLUMN[property.type]}`).join(', ');
    db.exec(`CREATE TABLE main."${collection.id}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${type}, ${columns})`);
    db.function('ng_promoted', { deterministic: true }, (blob) => promotedBlob(blob as Buffer));
    db.exec(`INSERT INTO main."${collection.id}" (fid, geom, ${names}) SELECT fid, ${promote ? 'ng_promoted(geom)' : 'geom'}, ${names} FROM staging.features ORDER BY fid`);
    const extent = db.prepare('SELECT min(minx), min(miny), max(maxx), max(maxy) FROM staging.features').raw().get() as (number | null)[];
    db.prepare('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(collection.id, 'features', collection.id, collection.title, now.toISOString(), ...extent, srsId);
    db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)').run(collection.id, 'geom', type, srsId);
    // The index's triggers call GDAL's ST_ functions, which this connection lacks: rows first, then the index and
    // its triggers, filled from the boxes kept with the rows.
    rtreeIndex(db, collection.id);
    db.exec(`INSERT INTO main."rtree_${collection.id}_geom" SELECT fid, minx, maxx, miny, maxy FROM staging.features`);
  });
  return {
    write(features) {
      add(features);
      return '';
    },
    end() {
      finish();
      db.exec('DETACH DATABASE staging');
      db.close();
      rmSync(staging, { force: true });
      return '';
    },
    abort() {
      db.close();
      rmSync(staging, { force: true });
    },
  };
}

/** An uploaded GeoPackage as the import reads it: its feature tables and their rows (geometries as GeoPackageBinary). */
export type GeoPackageFile = {
  featureTables(): { name: string; geom: string; srs: number }[];
  rows(table: string): Record<string, unknown>[];
};

/**
 * Opens uploaded GeoPackage bytes read-only (from a temporary file, removed afterwards) and hands them to `read`.
 * @throws Error with SQLite's message when the bytes are not a readable SQLite file
 */
export function readGeoPackageFile<T>(bytes: Uint8Array, read: (file: GeoPackageFile) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-import-'));
  const path = join(directory, 'upload.gpkg');
  try {
    writeFileSync(path, bytes);
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      db.pragma('schema_version');
      return read({
        featureTables: () => db.prepare("SELECT c.table_name AS name, g.column_name AS geom, g.srs_id AS srs FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'").all() as { name: string; geom: string; srs: number }[],
        rows: (table) => db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all() as Record<string, unknown>[],
      });
    } finally {
      db.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
