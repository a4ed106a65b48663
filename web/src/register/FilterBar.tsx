import { useQuery } from '@tanstack/react-query';
import { INCIDENT_SOURCES, INCIDENT_STATUSES, INCIDENT_TYPES, OWNERS } from '../../../server/collections/vocabulary.ts';
import type { SessionUser } from '../auth/session.ts';
import { isSecurity } from '../auth/session.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { useBaseCollection } from '../state/use-layer-data.ts';
import { RECORD_START, vietnamToday } from '../state/viewport.ts';
import { fetchOfficers } from './api.ts';
import type { RegisterFilters } from './filters.ts';
import { useRegisterText } from './messages.ts';

type Props = { filters: RegisterFilters; onChange: (filters: RegisterFilters) => void; onReset: () => void; user: SessionUser };

/** The register's filters: search text, vocabularies, place, period, officer, and the new/overdue/in-view switches. */
export function FilterBar({ filters, onChange, onReset, user }: Props) {
  const { language } = useLanguage();
  const r = useRegisterText();
  const areas = useBaseCollection('admin_areas');
  const officers = useQuery({ queryKey: ['register-officers'], queryFn: ({ signal }) => fetchOfficers(signal), enabled: isSecurity(user), staleTime: 300_000 });
  const set = <K extends keyof RegisterFilters>(key: K, value: RegisterFilters[K]) => onChange({ ...filters, [key]: value });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
  const places = (level: string) => (areas.data?.features ?? []).filter((area) => area.properties.level === level)
    .map((area) => ({ code: String(area.properties.code), name: String(area.properties.name), district: String(area.properties.district_code ?? '') })).sort(byName);
  const communes = places('commune').filter((commune) => !filters.district || commune.district === filters.district);
  const choice = (key: 'type' | 'source' | 'owner', label: string, codes: readonly string[]) => (
    <label>{label}
      <select value={filters[key]} data-testid={`register-${key}`} onChange={(event) => set(key, event.target.value)}>
        <option value="">{r('any')}</option>
        {codes.map((code) => <option key={code} value={code}>{vocabularyLabel(code, language)}</option>)}
      </select>
    </label>
  );
  return (
    <div className="register-filters">
      <input type="search" className="register-search" data-testid="register-search" placeholder={r('search')} aria-label={r('search')} value={filters.text}
        onChange={(event) => set('text', event.target.value)} />
      {filters.text.trim() && <p className="hint">{r('searchHint')}</p>}
      <div className="register-grid">
        {choice('type', r('type'), INCIDENT_TYPES)}
        <label>{r('status')}
          <select value={filters.status} data-testid="register-status" onChange={(event) => set('status', event.target.value)}>
            <option value="">{r('any')}</option>
            <option value="open">{r('open')}</option>
            {INCIDENT_STATUSES.map((code) => <option key={code} value={code}>{vocabularyLabel(code, language)}</option>)}
          </select>
        </label>
        {choice('source', r('source'), INCIDENT_SOURCES)}
        {user.role !== 'carrier_editor' && choice('owner', r('owner'), OWNERS)}
        <label>{r('district')}
          <select value={filters.district} data-testid="register-district" onChange={(event) => onChange({ ...filters, district: event.target.value, commune: '' })}>
            <option value="">{r('any')}</option>
            {places('district').map((area) => <option key={area.code} value={area.code} translate="no">{area.name}</option>)}
          </select>
        </label>
        <label>{r('commune')}
          <select value={filters.commune} data-testid="register-commune" onChange={(event) => set('commune', event.target.value)}>
            <option value="">{r('any')}</option>
            {communes.map((area) => <option key={area.code} value={area.code} translate="no">{area.name}</option>)}
          </select>
        </label>
        {isSecurity(user) && (
          <label>{r('assignee')}
            <select value={filters.assignee} data-testid="register-assignee" onChange={(event) => set('assignee', event.target.value)}>
              <option value="">{r('any')}</option>
              <option value={user.username}>{r('mine')}</option>
              <option value="none">{r('unassigned')}</option>
              {officers.data?.officers.filter((officer) => officer.username !== user.username).map((officer) => (
                <option key={officer.username} value={officer.username} translate="no">{officer.displayName}</option>
              ))}
            </select>
          </label>
        )}
        <label>{r('from')}
          <input type="date" data-testid="register-from" min={RECORD_START} max={filters.period.end} value={filters.period.start}
            onChange={(event) => event.target.value && set('period', { ...filters.period, start: event.target.value })} />
        </label>
        <label>{r('to')}
          <input type="date" data-testid="register-to" min={filters.period.start} max={vietnamToday()} value={filters.period.end}
            onChange={(event) => event.target.value && set('period', { ...filters.period, end: event.target.value })} />
        </label>
      </div>
      <div className="toolbar wrap register-switches">
        <label className="inline"><input type="checkbox" data-testid="register-unread" checked={filters.unread} onChange={(event) => set('unread', event.target.checked)} />{r('onlyNew')}</label>
        <label className="inline"><input type="checkbox" data-testid="register-overdue" checked={filters.overdue} onChange={(event) => set('overdue', event.target.checked)} />{r('onlyOverdue')}</label>
        <label className="inline"><input type="checkbox" data-testid="register-in-view" checked={filters.inView} onChange={(event) => set('inView', event.target.checked)} />{r('inView')}</label>
        <button type="button" className="link" onClick={onReset}>{r('reset')}</button>
      </div>
    </div>
  );
}
