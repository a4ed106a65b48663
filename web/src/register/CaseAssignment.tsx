import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../auth/session.ts';
import { formatWhen } from '../format/format-value.ts';
import { useErrorText } from '../i18n/errors.ts';
import { vietnamToday } from '../state/viewport.ts';
import { assignCase, fetchOfficers, type CaseFile } from './api.ts';
import { CaseBadges } from './RegisterTable.tsx';
import { useRegisterText } from './messages.ts';

const inDays = (days: number) => new Date(Date.parse(`${vietnamToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Who works the case and by when; police (and admins) assign or reassign it to an officer with a due date. */
export function CaseAssignment({ file, user }: { file: CaseFile; user: SessionUser }) {
  const r = useRegisterText();
  const errorText = useErrorText();
  const client = useQueryClient();
  const police = user.role === 'admin' || user.role === 'police_planner';
  const officers = useQuery({ queryKey: ['register-officers'], queryFn: ({ signal }) => fetchOfficers(signal), enabled: police, staleTime: 300_000 });
  const current = file.assignment;
  const [form, setForm] = useState({ officer: current?.officer ?? user.username, dueDate: current?.dueDate ?? inDays(7), note: '' });
  const assign = useMutation({
    mutationFn: () => assignCase(file.incident.id, { officer: form.officer, dueDate: form.dueDate, ...(form.note.trim() ? { note: form.note.trim() } : {}) }),
    onSuccess: () => {
      setForm({ ...form, note: '' });
      void client.invalidateQueries({ queryKey: ['case', file.incident.id] });
      void client.invalidateQueries({ queryKey: ['register'] });
    },
  });
  const name = (username: string) => officers.data?.officers.find((officer) => officer.username === username)?.displayName ?? username;
  return (
    <section data-testid="case-assignment">
      <h3>{r('assignment')}</h3>
      {current ? (
        <p data-testid="case-assignee">{r('assignedTo')} <strong translate="no">{name(current.officer)}</strong>, {r('dueBy')} <strong>{formatWhen(current.dueDate)}</strong>{' '}
          <CaseBadges isNew={false} overdue={current.overdue} /> <span className="muted">({r('assignedBy')} <span translate="no">{current.assignedBy}</span>, {formatWhen(current.assignedAt)})</span></p>
      ) : <p className="hint">{r('notAssigned')}</p>}
      {police && (
        <div className="register-grid">
          <label>{r('officer')}
            <select value={form.officer} data-testid="assign-officer" onChange={(event) => setForm({ ...form, officer: event.target.value })}>
              {(officers.data?.officers ?? [{ username: user.username, displayName: user.displayName }]).map((officer) => <option key={officer.username} value={officer.username} translate="no">{officer.displayName}</option>)}
            </select>
          </label>
          <label>{r('dueDate')}<input type="date" data-testid="assign-due" min={vietnamToday()} value={form.dueDate} onChange={(event) => setForm({ ...form, dueDate: event.target.value })} /></label>
          <label className="wide">{r('note')}<input value={form.note} maxLength={2000} onChange={(event) => setForm({ ...form, note: event.target.value })} /></label>
          <button type="button" className="primary" data-testid="assign-submit" disabled={assign.isPending || !form.dueDate} onClick={() => assign.mutate()}>{current ? r('reassign') : r('assign')}</button>
        </div>
      )}
      {assign.error && <p className="form-error" role="alert">{errorText(assign.error)}</p>}
    </section>
  );
}
