import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../api/client.ts';
import type { SessionUser } from '../auth/session.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';

type Inspection = { id: number; date: string; result: string; notes: string | null; recordedBy: string };

/** A scrap dealer's inspections, and for police the form to record one (keeping cable of unknown origin off the market). */
export function DealerInspections({ id, user }: { id: number | string; user: SessionUser }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ date: new Date().toISOString().slice(0, 10), result: 'compliant', notes: '' });
  const list = useQuery({ queryKey: ['inspections', String(id)], queryFn: ({ signal }) => getJson<{ inspections: Inspection[] }>(`/api/scrap-dealers/${id}/inspections`, signal) });
  const record = useMutation({
    mutationFn: () => sendJson('POST', `/api/scrap-dealers/${id}/inspections`, { date: form.date, result: form.result, ...(form.notes.trim() ? { notes: form.notes.trim() } : {}) }),
    onSuccess: () => {
      setForm({ ...form, notes: '' });
      void queryClient.invalidateQueries({ queryKey: ['inspections', String(id)] });
      void queryClient.invalidateQueries({ queryKey: ['item', 'scrap_dealers'] });
      void queryClient.invalidateQueries({ queryKey: ['collection', 'scrap_dealers'] });
    },
  });
  const police = user.role === 'admin' || user.role === 'police_planner';
  return (
    <section className="incident-actions" data-testid="dealer-inspections">
      <h3>{vi ? 'Kiểm tra cơ sở thu mua' : 'Inspections'}</h3>
      {police && (
        <div className="toolbar wrap">
          <input type="date" value={form.date} max={new Date().toISOString().slice(0, 10)} onChange={(event) => setForm({ ...form, date: event.target.value })} />
          <select value={form.result} onChange={(event) => setForm({ ...form, result: event.target.value })}>
            {['compliant', 'warning', 'violation'].map((result) => <option key={result} value={result}>{vocabularyLabel(result, language)}</option>)}
          </select>
          <input placeholder={vi ? 'Ghi chú' : 'Notes'} value={form.notes} onChange={(event) => setForm({ ...form, notes: event.target.value })} />
          <button type="button" disabled={record.isPending} onClick={() => record.mutate()}>{vi ? 'Ghi nhận' : 'Record'}</button>
        </div>
      )}
      {record.error && <p className="form-error">{record.error.message}</p>}
      {list.error && <p className="form-error">{list.error.message}</p>}
      {list.data?.inspections.length === 0 && <p className="hint">{vi ? 'Chưa có lần kiểm tra nào được ghi.' : 'No inspection recorded.'}</p>}
      <ul className="history">
        {list.data?.inspections.map((item) => (
          <li key={item.id}>{formatWhen(item.date)} — {vocabularyLabel(item.result, language)} ({item.recordedBy}){item.notes ? `: ${item.notes}` : ''}</li>
        ))}
      </ul>
    </section>
  );
}
