import type { Geometry } from 'geojson';
import type { SqliteDatabase } from './database.ts';
import { intersects, intersectsBox, within, withinDistance } from '../../geometry/predicates.ts';

/**
 * SQL functions for the exact spatial tests that follow the R*Tree's bounding-box prefilter. SQLite has no geometry
 * type, so they read the stored GeoJSON; the filter geometry is parsed once per statement (a small cache keyed by its
 * text), each row's once per call.
 */
export function registerSpatialFunctions(db: SqliteDatabase): void {
  const literals = new Map<string, Geometry>();
  const literal = (text: string): Geometry => {
    let geometry = literals.get(text);
    if (!geometry) {
      if (literals.size > 32) literals.clear();
      geometry = JSON.parse(text) as Geometry;
      literals.set(text, geometry);
    }
    return geometry;
  };
  const stored = (text: unknown) => JSON.parse(String(text)) as Geometry;
  db.function('ng_intersects_box', { deterministic: true }, (geometry, minx, miny, maxx, maxy) =>
    Number(intersectsBox(stored(geometry), [Number(minx), Number(miny), Number(maxx), Number(maxy)])),
  );
  db.function('ng_relate', { deterministic: true }, (geometry, other, relation) => {
    const a = stored(geometry), b = literal(String(other));
    switch (relation) {
      case 'intersects': return Number(intersects(a, b));
      case 'disjoint': return Number(!intersects(a, b));
      case 'within': return Number(within(a, b));
      case 'contains': return Number(within(b, a));
      default: throw new Error(`unknown spatial relation ${String(relation)}`);
    }
  });
  db.function('ng_dwithin', { deterministic: true }, (geometry, other, meters) => Number(withinDistance(stored(geometry), literal(String(other)), Number(meters))));
  // Unicode lower case for CASEI and ILIKE: SQLite's lower() folds ASCII only, not Đ or Ắ.
  db.function('ng_lower', { deterministic: true }, (text) => (text === null ? null : String(text).toLowerCase()));
}
