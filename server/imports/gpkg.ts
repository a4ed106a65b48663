import type { Geometry } from 'geojson';
import type { CollectionDef } from '../collections/types.ts';
import { fromWkb } from '../geometry/wkb.ts';
import { crsFromUri, transformGeometry } from '../geometry/crs.ts';
import { readGeoPackageFile } from '../storage/geopackage.ts';
import { coerce, type Parsed } from './parse.ts';

/** The WKB inside a GeoPackageBinary blob (GPKG 1.3 §2.1.3): after the 8-byte header and an envelope of 0, 32, 48 or 64 bytes. */
function geometryOf(blob: Buffer): Geometry | null {
  if (blob.length < 8 || blob.toString('ascii', 0, 2) !== 'GP') throw new Error('not a GeoPackage geometry');
  const flags = blob.readUInt8(3);
  if (flags & 0b1_0000) return null;
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0b111];
  if (envelope === undefined) throw new Error('unknown GeoPackage envelope');
  return fromWkb(blob.subarray(8 + envelope));
}

/** Cell values as the registry's types before the usual checks: booleans from 0/1, lists from JSON text. */
function cellValue(collection: CollectionDef, name: string, value: unknown): unknown {
  const def = collection.properties.find((property) => property.name === name);
  if (value === null || value === undefined) return undefined;
  if (def?.type === 'boolean' && typeof value === 'number') return value !== 0;
  if (def?.type === 'text[]' && typeof value === 'string' && value.startsWith('[')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * Features from an uploaded GeoPackage: the feature table named after the collection, else its only one; geometries
 * from their SRS (one NetGuard serves) to WGS 84; columns matched to the registry by name, the `fid` ignored.
 */
export function readGeoPackage(bytes: Uint8Array, collection: CollectionDef): Parsed {
  const fail = (message: string): Parsed => ({ candidates: [], problems: [{ path: '(file)', message: `not a usable GeoPackage: ${message}` }] });
  try {
    return readGeoPackageFile(bytes, (file) => {
      const tables = file.featureTables();
      const table = tables.find((candidate) => candidate.name === collection.id) ?? (tables.length === 1 ? tables[0] : undefined);
      if (!table) return fail(tables.length ? `it holds ${tables.map((t) => t.name).join(', ')}, none named ${collection.id}` : 'it holds no feature table');
      const crs = table.srs === 4326 ? null : crsFromUri(`EPSG:${table.srs}`);
      if (crs === undefined) return fail(`its SRS ${table.srs} is not one NetGuard reads (see the collections' crs list)`);
      const problems: Parsed['problems'] = [];
      const candidates = file.rows(table.name).map((row, index) => {
        let geometry: Geometry | null = null;
        try {
          const raw = row[table.geom];
          geometry = Buffer.isBuffer(raw) ? geometryOf(raw) : null;
          if (geometry && crs) geometry = transformGeometry(geometry, ([x, y]) => crs.toWgs84([x, y]));
        } catch (error) {
          problems.push({ index, path: `features[${index}].geometry`, message: (error as Error).message });
        }
        const values = Object.fromEntries(Object.entries(row).filter(([name]) => name !== table.geom && name !== 'fid').map(([name, value]) => [name, cellValue(collection, name, value)]).filter(([, value]) => value !== undefined));
        return { feature: { type: 'Feature', geometry, properties: coerce(collection, values) }, index, at: `features[${index}].` };
      });
      return problems.length ? { candidates: [], problems } : { candidates, problems: [] };
    });
  } catch (error) {
    return fail((error as Error).message);
  }
}
