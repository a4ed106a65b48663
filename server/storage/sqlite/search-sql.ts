import type { CollectionDef } from '../../collections/types.ts';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database.ts';
import type { Bbox, SearchHit } from '../features.ts';
import { compact } from '../../text/fold.ts';
import { searchDetail, searchGroupRank } from '../../collections/search-labels.ts';
import type { Row } from './rows.ts';

/**
 * Names a feature is found by after its own: "dak glei" also lists the communes of the former Đắk Glei district,
 * after every feature whose own name matches.
 */
const SEARCH_CONTEXT: Record<string, readonly string[]> = { admin_areas: ['district_name'] };

const statements = new WeakMap<SqliteDatabase, Statement>();

/** One prepared insert per database: preparing per feature would dominate the seed time. */
function insertStatement(db: SqliteDatabase): Statement {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare(
      'INSERT INTO search_index (compact, tier, collection, feature_id, label, detail, group_rank, minx, miny, maxx, maxy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    statements.set(db, statement);
  }
  return statement;
}

/** Adds one search row per non-empty search property of a feature (call inside the insert transaction). */
export function indexForSearch(db: SqliteDatabase, collection: CollectionDef, properties: Record<string, unknown>, row: Row): void {
  const texts = (names: readonly string[]): string[] =>
    names.map((name) => properties[name]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  const values = texts(collection.searchProperties ?? []);
  if (values.length === 0) return;
  const label = values[0].normalize('NFC');
  const context = texts(SEARCH_CONTEXT[collection.id] ?? []);
  const detail = searchDetail(collection.id, properties);
  const group = searchGroupRank(collection.id, properties);
  const insert = insertStatement(db);
  const own = new Set(values.map(compact));
  for (const value of own) {
    if (value) insert.run(value, 0, collection.id, row.id, label, detail, group, row.minx, row.miny, row.maxx, row.maxy);
  }
  for (const value of new Set(context.map(compact))) {
    if (value && !own.has(value)) insert.run(value, 1, collection.id, row.id, label, detail, group, row.minx, row.miny, row.maxx, row.maxy);
  }
}

type HitRow = { collection: string; feature_id: number; label: string; detail: string | null; minx: number; miny: number; maxx: number; maxy: number };

/**
 * Searches folded text with spaces removed, so "dak glei", "dakglei" and "Đắk Glei" meet. Three or more characters
 * use the FTS5 trigram index; shorter queries fall back to a LIKE scan (trigrams cannot match them).
 * Rank: exact, prefix, contains on own names, then the same on context names; then admin areas (province, district, commune), other collections; then id.
 */
export function searchIndex(db: SqliteDatabase, query: string, limit: number): SearchHit[] {
  const needle = compact(query);
  if (!needle) return [];
  const match = needle.length >= 3 ? 'search_index MATCH @match' : "compact LIKE '%' || @match || '%'";
  const rows = db
    .prepare(
      `SELECT collection, feature_id, label, detail, minx, miny, maxx, maxy, group_rank,
         MIN(tier * 3 + CASE WHEN compact = @needle THEN 0 WHEN substr(compact, 1, length(@needle)) = @needle THEN 1 ELSE 2 END) AS match_rank
       FROM search_index WHERE ${match}
       GROUP BY collection, feature_id
       ORDER BY match_rank, group_rank, feature_id LIMIT @limit`,
    )
    // The needle is letters and digits only (fold), so quoting it as an FTS5 phrase is safe.
    .all({ needle, match: needle.length >= 3 ? `"${needle}"` : needle, limit }) as HitRow[];
  return rows.map((row) => ({
    collection: row.collection,
    id: Number(row.feature_id),
    label: row.label,
    detail: row.detail,
    bbox: [row.minx, row.miny, row.maxx, row.maxy] as Bbox,
  }));
}
