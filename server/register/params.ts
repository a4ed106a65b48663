import { INCIDENT_SOURCES, INCIDENT_STATUSES, INCIDENT_TYPES, OWNERS } from '../collections/vocabulary.ts';
import { InvalidParameter } from '../errors.ts';
import { parseBbox, parseDatetime, parseLimit, parseNonNegativeInteger, rejectUnknownParameters } from '../ogc/params.ts';
import { REGISTER_SORTS, type RegisterQuery, type RegisterSort } from '../storage/case-files.ts';

export const REGISTER_PARAMETERS = [
  'q', 'type', 'status', 'source', 'owner', 'district', 'commune', 'assignee', 'datetime', 'bbox',
  'overdue', 'unread', 'sort', 'limit', 'offset', 'format', 'lang',
] as const;
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type RegisterFormat = (typeof EXPORT_FORMATS)[number];

/** A comma-separated list of vocabulary codes; every code must be known. */
function codes(search: URLSearchParams, name: string, allowed: readonly string[]): string[] | undefined {
  const raw = search.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const values = raw.split(',').map((value) => value.trim()).filter(Boolean);
  const unknown = values.find((value) => !allowed.includes(value));
  if (unknown !== undefined) throw new InvalidParameter(name, `${name} must be a comma-separated list of ${allowed.join(', ')}`);
  return values;
}

function flag(search: URLSearchParams, name: string): boolean {
  const raw = search.get(name);
  if (raw === null) return false;
  if (raw !== 'true' && raw !== 'false') throw new InvalidParameter(name, `${name} must be true or false`);
  return raw === 'true';
}

/** `sort=-occurred_at` (descending, the default) or `sort=due_date` (ascending). */
function sortOf(raw: string | null): { sort: RegisterSort; descending: boolean } {
  if (raw === null) return { sort: 'reported_at', descending: true };
  const descending = raw.startsWith('-');
  const sort = (descending ? raw.slice(1) : raw) as RegisterSort;
  if (!REGISTER_SORTS.includes(sort)) throw new InvalidParameter('sort', `sort must be one of ${REGISTER_SORTS.join(', ')}, with - for descending`);
  return { sort, descending };
}

export type ParsedRegister = Omit<RegisterQuery, 'scope' | 'reader' | 'today' | 'ids'> & {
  commune?: string; format: RegisterFormat; language: 'vi' | 'en';
};

/**
 * The register's query parameters, each checked: vocabulary lists, `datetime` as on the items endpoint, `bbox`,
 * `assignee` (usernames, `none` for unassigned), `sort`, paging (at most 500 rows a page; exports up to 10,000).
 */
export function parseRegisterParameters(search: URLSearchParams): ParsedRegister {
  rejectUnknownParameters(search, REGISTER_PARAMETERS);
  const format = (search.get('format') ?? 'json') as RegisterFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new InvalidParameter('format', 'format must be json, csv or xlsx');
  const language = search.get('lang') ?? 'vi';
  if (language !== 'vi' && language !== 'en') throw new InvalidParameter('lang', 'lang must be vi or en');
  const datetime = search.get('datetime') === null ? undefined : parseDatetime(search.get('datetime')!);
  const assignee = search.get('assignee');
  const text = search.get('q')?.normalize('NFC').trim();
  if (text && text.length > 200) throw new InvalidParameter('q', 'q must be at most 200 characters');
  const commune = search.get('commune') ?? undefined;
  if (commune !== undefined && !/^\d{1,10}$/.test(commune)) throw new InvalidParameter('commune', 'commune must be a commune code');
  const district = search.get('district');
  if (district !== null && !/^\d{1,10}(,\d{1,10})*$/.test(district)) throw new InvalidParameter('district', 'district must be former-district codes, comma-separated');
  const exporting = format !== 'json';
  return {
    types: codes(search, 'type', INCIDENT_TYPES), statuses: codes(search, 'status', INCIDENT_STATUSES),
    sources: codes(search, 'source', INCIDENT_SOURCES), owners: codes(search, 'owner', OWNERS),
    districts: district ? district.split(',') : undefined, commune,
    assignees: assignee === null || assignee.trim() === '' ? undefined : assignee.split(',').map((name) => (name.trim() === 'none' ? '' : name.trim())),
    startMs: datetime?.startMs ?? undefined, endMs: datetime?.endMs ?? undefined,
    bbox: search.get('bbox') === null ? undefined : parseBbox(search.get('bbox')!),
    text: text || undefined, overdue: flag(search, 'overdue'), unread: flag(search, 'unread'),
    ...sortOf(search.get('sort')),
    limit: parseLimit(search.get('limit') ?? undefined, exporting ? 10_000 : 500, exporting ? 10_000 : 50),
    offset: search.get('offset') === null ? 0 : parseNonNegativeInteger('offset', search.get('offset')!),
    format, language,
  };
}
