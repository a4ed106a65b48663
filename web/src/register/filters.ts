import type { Bbox, DateRange } from '../api/types.ts';
import { datetimeParam } from '../api/endpoints.ts';

/** `open` stands for the statuses still being worked on. */
export const OPEN_STATUSES = ['reported', 'verified', 'investigating'] as const;

/** What the register's filter bar holds; an empty string does not filter. */
export type RegisterFilters = {
  text: string; type: string; status: string; source: string; owner: string; district: string; commune: string;
  /** A username, `none` (not assigned) or empty. */
  assignee: string;
  period: DateRange;
  unread: boolean; overdue: boolean;
  /** Only the cases in the map's view. */
  inView: boolean;
  sort: string;
};

export const PAGE_SIZE = 25;

/**
 * The register's query string for these filters. A search text finds a case by number or code in the whole record,
 * so the period applies only when there is no search text.
 * @param viewport the map's view, used when `inView` is set
 */
export function registerQuery(filters: RegisterFilters, paging: { offset: number; limit: number } | null, viewport: Bbox | null): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => value && params.set(name, value);
  set('q', filters.text.trim());
  set('type', filters.type);
  set('status', filters.status === 'open' ? OPEN_STATUSES.join(',') : filters.status);
  set('source', filters.source);
  set('owner', filters.owner);
  set('district', filters.commune ? '' : filters.district);
  set('commune', filters.commune);
  set('assignee', filters.assignee);
  if (!filters.text.trim()) params.set('datetime', datetimeParam(filters.period));
  if (filters.unread) params.set('unread', 'true');
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.inView && viewport) params.set('bbox', viewport.map((value) => value.toFixed(5)).join(','));
  set('sort', filters.sort);
  if (paging) {
    params.set('limit', String(paging.limit));
    params.set('offset', String(paging.offset));
  }
  return params;
}

/** Clicking a column header: sort by it descending, again ascending. */
export function nextSort(current: string, column: string): string {
  return current === `-${column}` ? column : `-${column}`;
}
