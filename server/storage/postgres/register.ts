import { fold } from '../../text/fold.ts';
import { OPEN_STATUSES, REGISTER_SORTS, type RegisterQuery, type RegisterRow, type RegisterStore } from '../case-files.ts';
import { positional, type Sql } from './database.ts';

/** Incident columns a row scope may filter on (the registry's incident properties that scopes use). */
const SCOPE_COLUMNS = new Set(['asset_owner', 'status', 'type', 'source', 'district_code']);
const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

type Where = { conditions: string[]; params: unknown[] };

/** `column` is one of `values`; an omitted list does not filter, an empty one (a commune without incidents) matches nothing. */
function anyOf(where: Where, column: string, values: readonly unknown[] | undefined): void {
  if (values === undefined) return;
  if (!values.length) return void where.conditions.push('false');
  where.conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
  where.params.push(...values);
}

/**
 * Free text against the incident number, a hotline tracking code, the linked asset's code or name, and the folded
 * description (`netguard_fold`, migration 004, folds as server/text/fold.ts does).
 */
function textCondition(where: Where, text: string): void {
  const code = `%${text.trim().toUpperCase()}%`;
  const number = /^#?\d{1,12}$/.test(text.trim()) ? Number(text.trim().replace('#', '')) : -1;
  where.conditions.push('(i.id = ? OR upper(h.tracking_code) LIKE ? OR upper(coalesce(b.site_code, f.name, c.name)) LIKE ? OR netguard_fold(i.description) LIKE ?)');
  where.params.push(number, code, code, `%${fold(text)}%`);
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
    where.conditions.push('i.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)');
    where.params.push(...query.bbox);
  }
  if (query.text?.trim()) textCondition(where, query.text);
  if (query.overdue) { where.conditions.push(`(a.due_date COLLATE "C" < ? AND i.status IN (${OPEN}))`); where.params.push(query.today); }
  if (query.unread) { where.conditions.push('(r.incident_id IS NULL AND i.reported_at COLLATE "C" > ?)'); where.params.push(query.reader.since); }
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

const SELECT = `SELECT i.id, i.type, i.status, i.source, i.occurred_at AS occurredAt, i.reported_at AS reportedAt, i.minx AS lon, i.miny AS lat,
  i.district_code AS districtCode, i.asset_collection AS assetCollection, i.asset_id AS assetId, i.asset_owner AS assetOwner,
  coalesce(b.site_code, f.name, c.name) AS assetLabel, h.tracking_code AS trackingCode, i.description, a.officer, a.due_date AS dueDate,
  coalesce(a.due_date COLLATE "C" < ? AND i.status IN (${OPEN}), false) AS overdue, (r.incident_id IS NULL AND i.reported_at COLLATE "C" > ?) AS isNew`;

/** The register's queries over the incidents table and the case-file tables, in PostgreSQL. */
export function createPostgresRegister(sql: Sql): RegisterStore {
  return {
    async search(query) {
      if (!REGISTER_SORTS.includes(query.sort)) throw new Error(`unknown register sort ${query.sort}`);
      const where = whereOf(query);
      const clause = where.conditions.length ? `WHERE ${where.conditions.join(' AND ')}` : '';
      const column = query.sort === 'due_date' ? 'a.due_date COLLATE "C"' : query.sort === 'id' ? 'i.id' : `i.${query.sort} COLLATE "C"`;
      const direction = query.descending ? 'DESC' : 'ASC';
      // Unassigned cases sort after assigned ones whichever the direction; NULLS LAST as SQLite orders NULL first only ascending.
      const order = `${query.sort === 'due_date' ? 'a.due_date IS NULL, ' : ''}${column} ${direction} ${query.descending ? 'NULLS LAST' : 'NULLS FIRST'}, i.id ${direction}`;
      const rows = await sql.rows<RegisterRow>(positional(`${SELECT} FROM ${FROM} ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`),
        [query.today, query.reader.since, query.reader.username, ...where.params, query.limit, query.offset]);
      const [{ n }] = await sql.rows<{ n: number }>(positional(`SELECT count(*) AS n FROM ${FROM} ${clause}`), [query.reader.username, ...where.params]);
      return { numberMatched: n, rows };
    },
    async badges(query) {
      const where = whereOf({ ...query, sort: 'id', descending: true, limit: 0, offset: 0 });
      const clause = where.conditions.length ? `WHERE ${where.conditions.join(' AND ')}` : '';
      return (await sql.rows<{ unread: number; overdue: number; assignedToMe: number }>(positional(`SELECT
          count(*) FILTER (WHERE r.incident_id IS NULL AND i.reported_at COLLATE "C" > ?) AS unread,
          count(*) FILTER (WHERE a.due_date COLLATE "C" < ? AND i.status IN (${OPEN})) AS overdue,
          count(*) FILTER (WHERE a.officer = ? AND i.status IN (${OPEN})) AS assignedToMe FROM ${FROM} ${clause}`),
      [query.reader.since, query.today, query.reader.username, query.reader.username, ...where.params]))[0];
    },
  };
}
