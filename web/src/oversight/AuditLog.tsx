import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';

type AuditRecord = { id: number; at: string; actor: string; role: string | null; action: string; targetType: string; targetId: string | null; ip: string | null };
const ACTIONS = ['', 'create', 'update', 'delete', 'transition', 'read', 'export', 'login', 'login_failed', 'logout'];
const PAGE = 50;

/** The audit log for admins and the DIC: who did what to which record, newest first, filtered; read-only. */
export function AuditLog() {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const [filter, setFilter] = useState({ actor: '', action: '', targetType: '' });
  const [offset, setOffset] = useState(0);
  const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset), ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) });
  const log = useQuery({
    queryKey: ['audit', params.toString()], queryFn: ({ signal }) => getJson<{ numberMatched: number; records: AuditRecord[] }>(`/api/audit?${params}`, signal),
    placeholderData: keepPreviousData,
  });
  const set = (key: keyof typeof filter) => (event: { target: { value: string } }) => { setOffset(0); setFilter({ ...filter, [key]: event.target.value }); };
  return (
    <section data-testid="audit-log">
      <h3>{vi ? 'Nhật ký truy cập và thay đổi' : 'Audit log'}</h3>
      <div className="toolbar wrap">
        <input placeholder={vi ? 'Người dùng' : 'User'} value={filter.actor} onChange={set('actor')} />
        <select value={filter.action} onChange={set('action')}>{ACTIONS.map((action) => <option key={action} value={action}>{action || (vi ? 'mọi thao tác' : 'any action')}</option>)}</select>
        <input placeholder={vi ? 'Đối tượng (vd. key_targets)' : 'Target (e.g. key_targets)'} value={filter.targetType} onChange={set('targetType')} />
      </div>
      {log.error && <p className="form-error">{log.error.message}</p>}
      <table className="audit-table">
        <tbody>
          {log.data?.records.map((record) => (
            <tr key={record.id}>
              <td>{formatWhen(record.at)}</td><td>{record.actor}</td><td>{record.action}</td><td>{record.targetType}{record.targetId ? ` #${record.targetId}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.data && (
        <div className="toolbar">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>‹</button>
          <span className="hint">{offset + 1}–{offset + log.data.records.length} / {new Intl.NumberFormat('vi-VN').format(log.data.numberMatched)}</span>
          <button type="button" disabled={offset + PAGE >= log.data.numberMatched} onClick={() => setOffset(offset + PAGE)}>›</button>
        </div>
      )}
    </section>
  );
}
