import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../api/types.ts';
import type { SessionUser } from '../auth/session.ts';
import { useLanguage } from '../i18n/language.tsx';
import { fetchRegister, type CaseRow } from './api.ts';
import { FilterBar } from './FilterBar.tsx';
import { PAGE_SIZE, registerQuery, type RegisterFilters } from './filters.ts';
import { useRegisterText } from './messages.ts';
import { rowsOverlay } from './overlay.ts';
import { RegisterTable } from './RegisterTable.tsx';

export type RegisterState = { filters: RegisterFilters; offset: number };

type Props = {
  user: SessionUser; state: RegisterState; onState: (state: RegisterState) => void; defaults: RegisterFilters;
  viewport: Bbox | null; onOverlay: (overlay: FeatureCollection | null) => void; onOpen: (row: CaseRow) => void;
};

const COUNT = new Intl.NumberFormat('vi-VN');

/** The register: filters, a page of cases over the API, paging, exports of the filtered list; the map shows the page. */
export function RegisterPanel({ user, state, onState, defaults, viewport, onOverlay, onOpen }: Props) {
  const { language } = useLanguage();
  const r = useRegisterText();
  const { filters, offset } = state;
  const query = registerQuery(filters, { offset, limit: PAGE_SIZE }, viewport).toString();
  const page = useQuery({ queryKey: ['register', query], queryFn: ({ signal }) => fetchRegister(query, signal), placeholderData: keepPreviousData });
  useEffect(() => onOverlay(page.data ? rowsOverlay(page.data.cases) : null), [page.data, onOverlay]);
  const exportHref = (format: 'csv' | 'xlsx') => {
    const params = registerQuery(filters, null, viewport);
    params.set('format', format);
    params.set('lang', language);
    return `/api/register/incidents?${params}`;
  };
  const total = page.data?.numberMatched ?? 0;
  return (
    <section data-testid="register">
      <FilterBar filters={filters} user={user} onChange={(next) => onState({ filters: next, offset: 0 })} onReset={() => onState({ filters: defaults, offset: 0 })} />
      {page.isPending && <p className="hint"><span className="spinner" />{r('loading')}</p>}
      {page.error && <p className="form-error" role="alert">{page.error.message}</p>}
      {page.data && page.data.cases.length === 0 && <p className="hint" data-testid="register-empty">{r('empty')}</p>}
      {page.data && page.data.cases.length > 0 && (
        <RegisterTable rows={page.data.cases} sort={filters.sort} onSort={(sort) => onState({ filters: { ...filters, sort }, offset: 0 })} onOpen={onOpen} />
      )}
      {page.data && (
        <div className="toolbar register-paging">
          <button type="button" aria-label={r('previous')} title={r('previous')} disabled={offset === 0} onClick={() => onState({ filters, offset: Math.max(0, offset - PAGE_SIZE) })}>‹</button>
          <span className="hint" data-testid="register-count">{total === 0 ? 0 : offset + 1}–{offset + page.data.cases.length} {r('of')} {COUNT.format(total)}</span>
          <button type="button" aria-label={r('next')} title={r('next')} disabled={offset + PAGE_SIZE >= total} onClick={() => onState({ filters, offset: offset + PAGE_SIZE })}>›</button>
          {page.isFetching && <span className="spinner" />}
          <span className="register-export">{r('export')}: <a href={exportHref('csv')} download data-testid="register-csv">CSV</a> <a href={exportHref('xlsx')} download data-testid="register-xlsx">XLSX</a></span>
        </div>
      )}
    </section>
  );
}
