import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { fetchZone, reviewZone, type ReviewAction } from './api.ts';
import { useZonesText } from './messages.ts';
import { ZoneEvidence } from './ZoneEvidence.tsx';
import type { Bbox } from '../api/types.ts';
import type { FeatureCollection } from 'geojson';


/** One zone: its proposal, the review actions this user may take (each with a required comment) and its history. */
type ZoneReviewProps = { id: number; role: string; onBack: () => void; onFit: (bbox: Bbox) => void; onEvidence: (evidence: FeatureCollection | null) => void };

export function ZoneReview({ id, role, onBack, onFit, onEvidence }: ZoneReviewProps) {
  const { language, t } = useLanguage();
  const z = useZonesText();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const detail = useQuery({ queryKey: ['key-target', id], queryFn: ({ signal }) => fetchZone(id, signal) });
  const act = useMutation({
    mutationFn: (action: ReviewAction) => reviewZone(id, action, comment),
    onSuccess: () => {
      setComment('');
      void queryClient.invalidateQueries({ queryKey: ['key-target', id] });
      void queryClient.invalidateQueries({ queryKey: ['key-target-queue'] });
      void queryClient.invalidateQueries({ queryKey: ['collection', 'key_targets'] });
    },
  });
  if (detail.isPending) return <p className="hint"><span className="spinner" />{t('loading')}</p>;
  if (detail.error) return <p className="form-error">{detail.error.message} <button type="button" onClick={() => void detail.refetch()}>{t('retry')}</button></p>;
  const { zone, review, actions, history } = detail.data;
  const police = role === 'police_planner' || role === 'admin';
  const dic = role === 'dic_reviewer' || role === 'admin';
  const mine = actions.filter((action) => (action === 'resubmit' ? police : dic));
  return (
    <section data-testid="zone-review">
      <button type="button" onClick={onBack}>← {z('back')}</button>
      <h3 translate="no">{zone.properties.name}</h3>
      <p><strong data-testid="zone-status">{vocabularyLabel(zone.properties.status, language)}</strong> · {vocabularyLabel(zone.properties.category, language)} · {z('level')}: {zone.properties.protection_level ?? '—'}</p>
      <p>{z('proposedBy')}: <span translate="no">{zone.properties.proposed_by ?? '—'}</span></p>
      <p>{z('justification')}: <span translate="no" data-testid="zone-justification-text">{review?.justification ?? z('noJustification')}</span></p>
      <ZoneEvidence detail={detail.data} onFit={onFit} onEvidence={onEvidence} />
      {mine.length > 0 && (
        <div className="review-actions">
          <label>{z('comment')}<textarea rows={2} data-testid="review-comment" value={comment} onChange={(event) => setComment(event.target.value)} /></label>
          <div className="toolbar wrap">
            {mine.map((action) => (
              <button key={action} type="button" className={action === 'approve' ? 'primary' : action === 'reject' || action === 'revoke' ? 'danger' : ''}
                data-testid={`review-${action}`} disabled={comment.trim() === '' || act.isPending} onClick={() => act.mutate(action)}>{z(action)}</button>
            ))}
          </div>
          {act.error && <p className="form-error" role="alert">{act.error.message}</p>}
        </div>
      )}
      <h3>{z('history')}</h3>
      <ol className="history" data-testid="zone-history">
        {history.map((event, index) => (
          <li key={index}>
            <strong>{z(event.action === 'propose' ? 'propose_action' : (event.action as 'approve'))}</strong> — <span translate="no">{event.actor}{event.organisation ? ` (${event.organisation})` : ''}</span>,{' '}
            {formatWhen(event.at)}{event.comment ? <span translate="no">: “{event.comment}”</span> : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
