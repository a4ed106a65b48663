import { Fragment, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import { formatWhen } from '../format/format-value.ts';
import { useErrorText } from '../i18n/errors.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { RECORD_START, vietnamToday } from '../state/viewport.ts';
import { useOversightText, type OversightKey } from './messages.ts';
import { useAuthText } from '../auth/messages.ts';
import type { Role } from '../auth/session.ts';

type AuditRecord = { id: number; at: string; actor: string; role: string | null; action: string; targetType: string; targetId: string | null; ip: string | null; before: unknown; after: unknown; details: Record<string, unknown> | null };
type Filter = { actor: string; actions: string; targetType: string; targetId: string; from: string; to: string };

/** Choices of the action filter: changes only (the default: reads are most of the log), each action, everything. */
const ACTION_CHOICES: { value: string; label: OversightKey }[] = [
  { value: 'create,update,delete,transition', label: 'changesOnly' }, { value: '', label: 'anyAction' },
  ...(['create', 'update', 'delete', 'transition', 'read', 'export', 'login', 'login_failed', 'logout'] as const).map((value) => ({ value, label: `action_${value}` as OversightKey })),
];
const TARGETS = ['', 'incidents', 'key_targets', 'hotline_reports', 'cable_routes', 'bts_sites', 'facilities', 'patrol_plans', 'case_comments', 'case_attachments', 'users', 'inventory', 'reports'];
const PAGE = 50;

/** A before/after value as readable lines: one `field: value` per line, nested values as JSON. */
function Values({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  const entries = typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : [['', value] as const];
  return <dl className="audit-values" translate="no">{entries.map(([key, item]) => <Fragment key={key}><dt>{key}</dt><dd>{typeof item === 'object' ? JSON.stringify(item) : String(item)}</dd></Fragment>)}</dl>;
}

/**
 * The audit log for admins and the DIC: who did what to which record, newest first, between two dates, by user,
 * action and record (a record's link narrows the log to it); each row opens to what changed (before and after).
 */
export function AuditLog() {
  const { language } = useLanguage();
  const o = useOversightText();
  const errorText = useErrorText();
  const { roleLabel } = useAuthText();
  const today = vietnamToday();
  const [filter, setFilter] = useState<Filter>({ actor: '', actions: ACTION_CHOICES[0].value, targetType: '', targetId: '', from: RECORD_START, to: today });
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset), from: filter.from, to: filter.to });
  for (const [name, value] of [['actor', filter.actor], ['action', filter.actions], ['targetType', filter.targetType], ['targetId', filter.targetId]] as const) if (value.trim()) params.set(name, value.trim());
  const log = useQuery({
    queryKey: ['audit', params.toString()], queryFn: ({ signal }) => getJson<{ numberMatched: number; records: AuditRecord[] }>(`/api/audit?${params}`, signal),
    placeholderData: keepPreviousData,
  });
  const set = (key: keyof Filter) => (event: { target: { value: string } }) => { setOffset(0); setFilter({ ...filter, [key]: event.target.value }); };
  const actionLabel = (action: string) => o(`action_${action}` as OversightKey);
  const targetLabel = (target: string) => (target ? vocabularyLabel(target, language) : o('anyRecord'));
  return (
    <section data-testid="audit-log">
      <h3>{o('auditTitle')}</h3>
      <div className="register-grid">
        <label>{o('from')}<input type="date" data-testid="audit-from" min={RECORD_START} max={filter.to} value={filter.from} onChange={set('from')} /></label>
        <label>{o('to')}<input type="date" data-testid="audit-to" min={filter.from} max={today} value={filter.to} onChange={set('to')} /></label>
        <label>{o('user')}<input value={filter.actor} data-testid="audit-actor" onChange={set('actor')} /></label>
        <label>{o('action')}<select value={filter.actions} data-testid="audit-action" onChange={set('actions')}>{ACTION_CHOICES.map((choice) => <option key={choice.value} value={choice.value}>{o(choice.label)}</option>)}</select></label>
        <label>{o('record')}<select value={filter.targetType} data-testid="audit-target" onChange={set('targetType')}>{TARGETS.map((target) => <option key={target} value={target}>{targetLabel(target)}</option>)}</select></label>
        <label>{o('recordId')}<input value={filter.targetId} inputMode="numeric" data-testid="audit-target-id" onChange={set('targetId')} /></label>
      </div>
      {log.error && <p className="form-error">{errorText(log.error)}</p>}
      <table className="audit-table">
        <thead><tr><th>{o('when')}</th><th>{o('user')}</th><th>{o('action')}</th><th>{o('record')}</th></tr></thead>
        <tbody>
          {log.data?.records.map((record) => (
            <Fragment key={record.id}>
              <tr data-testid="audit-row" className={open === record.id ? 'open' : ''} onClick={() => setOpen(open === record.id ? null : record.id)}>
                <td>{formatWhen(record.at)}</td><td translate="no">{record.actor}</td><td>{actionLabel(record.action)}</td>
                <td>
                  {record.targetId ? (
                    <button type="button" className="link" title={o('onlyThisRecord')} onClick={(event) => { event.stopPropagation(); setOffset(0); setFilter({ ...filter, targetType: record.targetType, targetId: record.targetId!, actions: '' }); }}>
                      {targetLabel(record.targetType)} #{record.targetId}
                    </button>
                  ) : targetLabel(record.targetType)}
                </td>
              </tr>
              {open === record.id && (
                <tr className="audit-detail" data-testid="audit-detail">
                  <td colSpan={4}>
                    <div className="audit-compare"><div><strong>{o('before')}</strong><Values value={record.before} /></div><div><strong>{o('after')}</strong><Values value={record.after} /></div></div>
                    {record.details && <div><strong>{o('details')}</strong><Values value={record.details} /></div>}
                    <div className="muted">{o('address')}: <span translate="no">{record.ip ?? '—'}</span> · {o('role')}: {record.role ? roleLabel(record.role as Role) : '—'}</div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {log.data && (
        <div className="toolbar">
          <button type="button" aria-label={o('previous')} disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>‹</button>
          <span className="hint" data-testid="audit-count">{log.data.numberMatched === 0 ? 0 : offset + 1}–{offset + log.data.records.length} / {log.data.numberMatched.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}</span>
          <button type="button" aria-label={o('next')} disabled={offset + PAGE >= log.data.numberMatched} onClick={() => setOffset(offset + PAGE)}>›</button>
        </div>
      )}
    </section>
  );
}
