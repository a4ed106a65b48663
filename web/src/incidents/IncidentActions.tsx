import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../auth/session.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { fetchHistory, moveIncident } from './api.ts';

const NEXT: Record<string, string[]> = {
  reported: ['verified', 'false_alarm', 'duplicate'], verified: ['investigating', 'false_alarm', 'duplicate'], investigating: ['resolved', 'false_alarm', 'duplicate'],
};

/** The incident's lifecycle in the feature panel: its history, and the next steps this user's role may take. */
export function IncidentActions({ id, status, owner, user }: { id: number | string; status: string; owner: string | null; user: SessionUser }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const history = useQuery({ queryKey: ['incident-history', String(id)], queryFn: ({ signal }) => fetchHistory(id, signal) });
  const move = useMutation({
    mutationFn: (to: string) => moveIncident(id, { to, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(to === 'duplicate' ? { duplicateOf: Number(duplicateOf) } : {}) }),
    onSuccess: () => {
      setComment('');
      void queryClient.invalidateQueries({ queryKey: ['incident-history', String(id)] });
      void queryClient.invalidateQueries({ queryKey: ['item', 'incidents'] });
      void queryClient.invalidateQueries({ queryKey: ['collection', 'incidents'] });
      void queryClient.invalidateQueries({ queryKey: ['register'] });
      void queryClient.invalidateQueries({ queryKey: ['case', Number(id)] });
    },
  });
  const police = user.role === 'admin' || user.role === 'police_planner';
  const carrierMayClose = user.role === 'carrier_editor' && owner === user.carrier && (status === 'reported' || status === 'verified');
  const steps = police ? NEXT[status] ?? [] : carrierMayClose ? ['false_alarm'] : [];
  return (
    <section className="incident-actions" data-testid="incident-actions">
      {steps.length > 0 && (
        <>
          <label>{vi ? 'Ghi chú' : 'Comment'}<textarea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} /></label>
          {steps.includes('duplicate') && <label>{vi ? 'Trùng với vụ việc số' : 'Duplicate of incident'}<input inputMode="numeric" value={duplicateOf} onChange={(event) => setDuplicateOf(event.target.value)} /></label>}
          <div className="toolbar wrap">
            {steps.map((to) => (
              <button key={to} type="button" data-testid={`incident-to-${to}`} disabled={move.isPending || (to === 'duplicate' && !/^\d+$/.test(duplicateOf))} onClick={() => move.mutate(to)}>
                → {vocabularyLabel(to, language)}
              </button>
            ))}
          </div>
          {move.error && <p className="form-error" role="alert">{move.error.message}</p>}
        </>
      )}
      <h3>{vi ? 'Diễn biến xử lý' : 'History'}</h3>
      {history.isPending && <span className="spinner" />}
      {history.error && <p className="form-error">{history.error.message}</p>}
      {history.data?.events.length === 0 && <p className="hint">{vi ? 'Chưa có thay đổi nào được ghi (dữ liệu demo).' : 'No recorded change (demo data).'}</p>}
      <ol className="history">
        {history.data?.events.map((event, index) => (
          <li key={index}>
            {vocabularyLabel(event.to, language)} — {event.actor}, {formatWhen(event.at)}
            {event.duplicateOf ? ` (#${event.duplicateOf})` : ''}{event.comment ? `: “${event.comment}”` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
