import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../api/types.ts';
import type { SessionUser } from '../auth/session.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import type { FeatureRef } from '../map/map-events.ts';
import { fetchQueue } from './api.ts';
import { useZonesText } from './messages.ts';
import { ProposalEditor } from './ProposalEditor.tsx';
import { ZoneReview } from './ZoneReview.tsx';

type ZonesPanelProps = {
  user: SessionUser; selected: FeatureRef | null; onDrawing: (request: DrawingRequest | null) => void;
  onFit: (bbox: Bbox) => void; onEvidence: (evidence: FeatureCollection | null) => void;
};

/** Key targets: police propose zones; the DIC reviews the queue; everyone here sees each zone's history. */
export function ZonesPanel({ user, selected, onDrawing, onFit, onEvidence }: ZonesPanelProps) {
  const { language, t } = useLanguage();
  const z = useZonesText();
  const queryClient = useQueryClient();
  const [proposing, setProposing] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queue = useQuery({ queryKey: ['key-target-queue'], queryFn: ({ signal }) => fetchQueue(signal) });
  const police = user.role === 'police_planner' || user.role === 'admin';
  const selectedZone = selected?.collection === 'key_targets' ? Number(selected.id) : null;
  const shown = open ?? selectedZone;
  if (proposing) {
    return (
      <aside className="workspace-panel">
        <ProposalEditor selected={selected} onDrawing={onDrawing} onDone={(sent) => {
          setProposing(false);
          if (sent) {
            setNotice(z('sent'));
            void queryClient.invalidateQueries({ queryKey: ['key-target-queue'] });
            void queryClient.invalidateQueries({ queryKey: ['collection', 'key_targets'] });
          }
        }} />
      </aside>
    );
  }
  return (
    <aside className="workspace-panel" data-testid="zones-panel">
      <h2>{z('modeZones')}</h2>
      <p className="hint">{z('legendProposed')}</p>
      {notice && <p className="notice" role="status">{notice}</p>}
      {police && <button type="button" data-testid="propose-zone" onClick={() => { setNotice(null); setProposing(true); }}>+ {z('propose')}</button>}
      {shown !== null ? (
        <ZoneReview key={shown} id={shown} role={user.role} onBack={() => setOpen(null)} onFit={onFit} onEvidence={onEvidence} />
      ) : (
        <section>
          <h3>{z('queue')}</h3>
          {queue.isPending && <p className="hint"><span className="spinner" />{t('loading')}</p>}
          {queue.error && <p className="form-error">{queue.error.message}</p>}
          {queue.data?.features.length === 0 && <p className="hint">{z('queueEmpty')}</p>}
          <ul className="queue">
            {queue.data?.features.map((zone) => (
              <li key={zone.id}>
                <button type="button" className="link" data-testid="queue-item" onClick={() => setOpen(zone.id)} translate="no">{zone.properties.name}</button>
                <span className="hint"> · {vocabularyLabel(zone.properties.status, language)} · <span translate="no">{zone.properties.proposed_by ?? '—'}</span></span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
