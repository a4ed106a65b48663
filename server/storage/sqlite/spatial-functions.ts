import type { Geometry } from 'geojson';
import type { SqliteDatabase } from './database.ts';
import { AppError } from '../../errors.ts';
import { intersects, intersectsBox, within, withinDistance } from '../../geometry/predicates.ts';

/**
 * Milliseconds of exact spatial tests one query may spend (issue 13; NETGUARD_FILTER_BUDGET_MS, default 1,000). The
 * tests run inside SQLite on the event loop and compare every segment of the filter geometry with every segment of
 * each candidate row, so a hostile filter (S_DWITHIN of a 100-vertex line against every cable) held every other
 * request for over 10 s. A drawn 20-vertex area against every cable of the demo takes about 0.5 s, so the budget
 * cannot yet be the 100 ms other heavy work keeps to: that needs indexed predicates.
 */
export const SPATIAL_BUDGET_MS = Number(process.env.NETGUARD_FILTER_BUDGET_MS) > 0 ? Number(process.env.NETGUARD_FILTER_BUDGET_MS) : 1_000;

/** Runs the queries of `work` with a deadline on their spatial tests; past it they stop with 422 FilterTooCostly. */
export type SpatialBudget = <T>(work: () => T) => T;

/**
 * SQL functions for the exact spatial tests that follow the R*Tree's bounding-box prefilter. SQLite has no geometry
 * type, so they read the stored GeoJSON; the filter geometry is parsed once per statement (a small cache keyed by its
 * text), each row's once per call. Every call checks the budget the caller set with the returned function.
 */
export function registerSpatialFunctions(db: SqliteDatabase, budgetMs = SPATIAL_BUDGET_MS): SpatialBudget {
  let deadline = Number.POSITIVE_INFINITY;
  const checkBudget = () => {
    if (performance.now() > deadline) {
      throw new AppError(422, 'FilterTooCostly', `the spatial filter needs more than ${budgetMs} ms of geometry tests; use a simpler geometry or a smaller bbox`, { budgetMs });
    }
  };
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
  const stored = (text: unknown) => {
    checkBudget();
    return JSON.parse(String(text)) as Geometry;
  };
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
  return (work) => {
    const outer = deadline;
    deadline = Math.min(outer, performance.now() + budgetMs);
    try {
      return work();
    } finally {
      deadline = outer;
    }
  };
}
