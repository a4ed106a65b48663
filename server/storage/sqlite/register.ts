import { fold } from '../../text/fold.ts';
import { OPEN_STATUSES, REGISTER_SORTS, type RegisterQuery, type RegisterRow, type RegisterStore } from '../case-files.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** Incident columns a row scope may filter on (the registry's incident properties that scopes use). */
const SCOPE_COLUMNS = new Set(['asset_owner', 'status', 'type', 'source', 'district_code']);
const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

type Where = { conditions: string[]; params: unknown[] };

/** `column` is one of `values`; an omitted list does not filter, an empty one (a commune without incidents) matches nothing. */
function anyOf(where: Where, column: string, values: readonly unknown[] | undefined): void {
  if (values === undefined) return;
  if (!values.length) return void where.conditions.push('0');
  where.conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
  where.params.push(...values);
}

/**
 * Free text against the incident number, a hotline tracking code, the linked asset's code or name, and the folded
 * description: "3601" finds incident 3601, "KT-ABCD" a converted report, "KTM-VT" a site's incidents, "cat cap" "cắt cáp".
 */
function textCondition(where: Where, text: string): void {
  const folded = fold(text);
  const code = `%${text.trim().toUpperCase()}%`;
  const number = /^#?\d{1,12}$/.test(text.trim()) ? Number(text.trim().replace('#', '')) : -1;
  where.conditions.push(`(i.id = ? OR upper(h.tracking_code) LIKE ? OR upper(coalesce(b.site_code, f.name, c.name)) LIKE ? OR netguard_fold(i.description) LIKE ?)`);
  where.params.push(number, code, code, `%${folded}%`);
}

function whereOf(query: RegisterQuery): Where {
  const where: Where = { conditions: [], params: [] };
  for (const filter of query.scope) {
    if (!SCOPE_COLUMNS.has(filter.property)) throw new Error(`register scope on unknown column ${filter.property}`);
    where.conditions.push(`i.${filter.property} = ?`);
    where.params.push(filter.value);
  }
  anyOf(where, 'i.type', query.types);
  anyOf(where, 'i.status', query.statuses);
  anyOf(where, 'i.source', query.sources);
  anyOf(where, 'i.asset_owner', query.owners);
  anyOf(where, 'i.district_code', query.districts);
  anyOf(where, 'i.id', query.ids);
  if (query.assignees?.length) {
    const named = query.assignees.filter((name) => name !== '');
    const parts = [...(named.length ? [`a.officer IN (${named.map(() => '?').join(', ')})`] : []), ...(named.length < query.assignees.length ? ['a.officer IS NULL'] : [])];
    where.conditions.push(`(${parts.join(' OR ')})`);
    where.params.push(...named);
  }
  if (query.startMs !== undefined) { where.conditions.push('i.temporal_ms >= ?'); where.params.push(query.startMs); }
  if (query.endMs !== undefined) { where.conditions.push('i.temporal_ms <= ?'); where.params.push(query.endMs); }
  if (query.bbox) {
    where.conditions.push('i.id IN (SELECT id FROM incidents_rtree WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)');
    where.params.push(query.bbox[2], query.bbox[0], query.bbox[3], query.bbox[1]);
  }
  if (query.text?.trim()) textCondition(where, query.text);
  if (query.overdue) { where.conditions.push(`(a.due_date < ? AND i.status IN (${OPEN}))`); where.params.push(query.today); }
  if (query.unread) { where.conditions.push('(r.incident_id IS NULL AND i.reported_at > ?)'); where.params.push(query.reader.since); }
  return where;
}

// One join for the list, the count and the badges: the assignment, the hotline report it came from, the linked asset's
// code or name, and whether this reader has opened it.
const FROM = `incidents i
  LEFT JOIN case_assignments a ON a.incident_id = i.id
  LEFT JOIN hotline_reports h ON h.incident_id = i.id
  LEFT JOIN bts_sites b ON i.asset_collection = 'bts_sites' AND b.id = i.asset_id
  LEFT JOIN facilities f ON i.asset_collection = 'facilities' AND f.id = i.asset_id
  LEFT JOIN cable_routes c ON i.asset_collection = 'cable_routes' AND c.id = i.asset_id
  LEFT JOIN case_reads r ON r.incident_id = i.id AND r.username = ?`;

const SELECT = `SELECT i.id, i.type, i.status, i.source, i.occurred_at AS occurredAt, i.reported_at AS reportedAt, i.geometry,
  i.district_code AS districtCode, i.asset_collection AS assetCollection, i.asset_id AS assetId, i.asset_owner AS assetOwner,
  coalesce(b.site_code, f.name, c.name) AS assetLabel, h.tracking_code AS trackingCode, i.description, a.officer, a.due_date AS dueDate,
  (a.due_date < ? AND i.status IN (${OPEN})) AS overdue, (r.incident_id IS NULL AND i.reported_at > ?) AS isNew`;

type Raw = Omit<RegisterRow, 'lon' | 'lat' | 'overdue' | 'isNew'> & { geometry: string; overdue: number | null; isNew: number };

/** The register's queries over the incidents table and the case-file tables, in SQLite. */
export function createSqliteRegister(db: SqliteDatabase): Sync<RegisterStore> {
  db.function('netguard_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : null));
  return {
    search(query) {
      if (!REGISTER_SORTS.includes(query.sort)) throw new Error(`unknown register sort ${query.sort}`);
      const where = whereOf(query);
      const clause = where.conditions.length ? `WHERE ${where.conditions.join(' AND ')}` : '';
      const column = query.sort === 'due_date' ? 'a.due_date' : `i.${query.sort}`;
      const direction = query.descending ? 'DESC' : 'ASC';
      // Unassigned cases sort after assigned ones whichever the direction.
      const order = `${query.sort === 'due_date' ? 'a.due_date IS NULL, ' : ''}${column} ${direction}, i.id ${direction}`;
      const rows = db.prepare(`${SELECT} FROM ${FROM} ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(query.today, query.reader.since, query.reader.username, ...where.params, query.limit, query.offset) as Raw[];
      const numberMatched = db.prepare(`SELECT count(*) FROM ${FROM} ${clause}`).pluck().get(query.reader.username, ...where.params) as number;
      return {
        numberMatched,
        rows: rows.map(({ geometry, overdue, isNew, ...row }) => {
          const [lon, lat] = (JSON.parse(geometry) as { coordinates: [number, number] }).coordinates;
          return { ...row, lon, lat, overdue: overdue === 1, isNew: isNew === 1 };
        }),
      };
    },
    badges(query) {
      const where = whereOf({ ...query, sort: 'id', descending: true, limit: 0, offset: 0 });
      const clause = where.conditions.length ? `WHERE ${where.conditions.join(' AND ')}` : '';
      return db.prepare(`SELECT coalesce(sum(r.incident_id IS NULL AND i.reported_at > ?), 0) AS unread,
          coalesce(sum(a.due_date < ? AND i.status IN (${OPEN})), 0) AS overdue,
          coalesce(sum(a.officer = ? AND i.status IN (${OPEN})), 0) AS assignedToMe FROM ${FROM} ${clause}`)
        .get(query.reader.since, query.today, query.reader.username, query.reader.username, ...where.params) as { unread: number; overdue: number; assignedToMe: number };
    },
  };
}
