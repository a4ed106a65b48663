import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import type { CollectionDef, PropertyType } from '../collections/types.ts';
import { CRS_DEFINITIONS } from '../geometry/crs-definitions.ts';
import { geometryBbox, unionBbox } from '../geometry/bbox.ts';
import type { StoredFeature } from './features.ts';
import { toWkb } from '../geometry/wkb.ts';

const COLUMN: Record<PropertyType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'BOOLEAN', date: 'DATE', datetime: 'DATETIME', 'text[]': 'TEXT' };
/** GeoPackage timestamps: ISO 8601 UTC with milliseconds (GPKG 1.3 §1.1.1.1.1). */
const TIMESTAMP = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/**
 * The declared geometry type: exact (GPKG 1.3 Req. 32 wants the type the features have). A Line collection holding
 * both LineStrings and MultiLineStrings is declared multi and its single lines written as one-part multis.
 */
function geometryType(features: readonly StoredFeature[]): { name: string; promote: boolean } {
  const types = new Set(features.map((feature) => feature.geometry.type));
  if (types.size === 1) return { name: [...types][0].toUpperCase(), promote: false };
  if (types.size === 0) return { name: 'GEOMETRY', promote: false };
  const multi = [...types].find((type) => type.startsWith('Multi'));
  return multi && types.size === 2 && types.has(multi.slice(5) as Geometry['type']) ? { name: multi.toUpperCase(), promote: true } : { name: 'GEOMETRY', promote: false };
}

function promoted(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Point': return { type: 'MultiPoint', coordinates: [geometry.coordinates] };
    case 'LineString': return { type: 'MultiLineString', coordinates: [geometry.coordinates] };
    case 'Polygon': return { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
    default: return geometry;
  }
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

/**
 * A GeoPackage (OGC 12-128r18, version 1.3) holding one feature table named after the collection, with its R-tree
 * spatial index, exact geometry type and the CRS the geometries are in (`srsId`, an EPSG code of
 * `crs-definitions.ts`, 4326 by default), columns typed from the registry (lists as JSON text). It passes GDAL's
 * validate_gpkg.py (tested). Written with better-sqlite3 into a temporary file and returned as bytes.
 */
export function toGeoPackage(collection: CollectionDef, features: readonly StoredFeature[], now: Date, srsId = 4326): Buffer {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-gpkg-'));
  const path = join(directory, `${collection.id}.gpkg`);
  try {
    const db = new Database(path);
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
    const { name: type, promote } = geometryType(features);
    const columns = collection.properties.map((property) => `"${property.name}" ${COLUMN[property.type]}`).join(', ');
    db.exec(`CREATE TABLE "${collection.id}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${type}, ${columns})`);
    const boxes = features.map((feature) => geometryBbox(feature.geometry));
    // A loop, not Math.min(...boxes): spreading 150,000 boxes overflows the stack.
    const extent = unionBbox(boxes) ?? [null, null, null, null];
    db.prepare('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(collection.id, 'features', collection.id, collection.title, now.toISOString(), ...extent, srsId);
    db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)').run(collection.id, 'geom', type, srsId);
    const names = collection.properties.map((property) => property.name);
    const insert = db.prepare(`INSERT INTO "${collection.id}" (fid, geom, ${names.map((name) => `"${name}"`).join(', ')}) VALUES (${['?', '?', ...names.map(() => '?')].join(', ')})`);
    db.transaction(() => {
      features.forEach((feature) => {
        insert.run(feature.id, gpkgGeometry(promote ? promoted(feature.geometry) : feature.geometry, srsId), ...collection.properties.map((property) => cell(property.type, feature.properties[property.name])));
      });
      // The index's triggers call GDAL's ST_ functions, which this connection lacks: rows first, then the index and
      // its triggers, filled from the same boxes.
      rtreeIndex(db, collection.id);
      const index = db.prepare(`INSERT INTO "rtree_${collection.id}_geom" VALUES (?, ?, ?, ?, ?)`);
      features.forEach((feature, at) => {
        const [minx, miny, maxx, maxy] = boxes[at];
        index.run(feature.id, minx, maxx, miny, maxy);
      });
    })();
    db.close();
    return readFileSync(path);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
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
