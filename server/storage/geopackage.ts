import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import type { CollectionDef, PropertyType } from '../collections/types.ts';
import { geometryBbox, unionBbox } from '../geometry/bbox.ts';
import { toWkb } from '../geometry/wkb.ts';
import type { StoredFeature } from './features.ts';

const COLUMN: Record<PropertyType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'BOOLEAN', date: 'DATE', datetime: 'DATETIME', 'text[]': 'TEXT' };
const GEOMETRY_TYPE: Record<CollectionDef['geometry'], string> = { Point: 'POINT', Line: 'GEOMETRY', Polygon: 'GEOMETRY' };

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

/**
 * A GeoPackage (OGC 12-128r18, version 1.3) holding one feature table named after the collection, WGS 84, columns
 * typed from the registry (lists as JSON text), with the required metadata tables. A GeoPackage is a SQLite file, so
 * it is written here, with better-sqlite3, into a temporary file and returned as bytes.
 */
export function toGeoPackage(collection: CollectionDef, features: readonly StoredFeature[], now: Date): Buffer {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-gpkg-'));
  const path = join(directory, `${collection.id}.gpkg`);
  try {
    const db = new Database(path);
    db.pragma('application_id = 1196444487');
    db.pragma('user_version = 10300');
    db.exec(`
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL,
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name));`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
    srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
    srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326,
      'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]',
      'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
    const columns = collection.properties.map((property) => `"${property.name}" ${COLUMN[property.type]}`).join(', ');
    db.exec(`CREATE TABLE "${collection.id}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${GEOMETRY_TYPE[collection.geometry]}, ${columns})`);
    const extent = unionBbox(features.map((feature) => geometryBbox(feature.geometry))) ?? [null, null, null, null];
    db.prepare('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(collection.id, 'features', collection.id, collection.title, now.toISOString(), ...extent, 4326);
    db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)').run(collection.id, 'geom', GEOMETRY_TYPE[collection.geometry], 4326);
    const names = collection.properties.map((property) => property.name);
    const insert = db.prepare(`INSERT INTO "${collection.id}" (fid, geom, ${names.map((name) => `"${name}"`).join(', ')}) VALUES (${['?', '?', ...names.map(() => '?')].join(', ')})`);
    db.transaction(() => {
      for (const feature of features) {
        const values = collection.properties.map((property) => {
          const value = feature.properties[property.name];
          if (value === undefined || value === null) return null;
          if (property.type === 'boolean') return value ? 1 : 0;
          if (property.type === 'text[]') return JSON.stringify(value);
          return value as string | number;
        });
        insert.run(feature.id, gpkgGeometry(feature.geometry, 4326), ...values);
      }
    })();
    db.close();
    return readFileSync(path);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
