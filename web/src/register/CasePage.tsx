import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Point } from 'geojson';
import { bbox as featureBbox } from '@turf/turf';
import type { Bbox } from '../api/types.ts';
import { isSecurity, type SessionUser } from '../auth/session.ts';
import { formatLngLat } from '../format/coordinates.ts';
import { formatWhen } from '../format/format-value.ts';
import { useErrorText } from '../i18n/errors.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { IncidentActions } from '../incidents/IncidentActions.tsx';
import { RewardBox } from '../rewards/RewardBox.tsx';
import { fetchCase, type CaseFile } from './api.ts';
import { CaseAssignment } from './CaseAssignment.tsx';
import { CasePhotos } from './CasePhotos.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { useRegisterText } from './messages.ts';
import { caseOverlay } from './overlay.ts';
import { CaseBadges } from './RegisterTable.tsx';

type Props = {
  id: number; user: SessionUser; onBack: () => void; onOpen: (id: number) => void; onFit: (bbox: Bbox) => void;
  onOverlay: (overlay: FeatureCollection | null) => void;
};

const around = ([lon, lat]: number[]): Bbox => [lon - 0.006, lat - 0.006, lon + 0.006, lat + 0.006];

function CaseFacts({ file }: { file: CaseFile }) {
  const { language } = useLanguage();
  const r = useRegisterText();
  const p = file.incident.properties;
  const [lon, lat] = (file.incident.geometry as Point).coordinates;
  const rows: [string, React.ReactNode][] = [
    [r('type'), vocabularyLabel(String(p.type), language)], [r('status'), vocabularyLabel(String(p.status), language)],
    [r('source'), vocabularyLabel(String(p.source), language)], [r('occurred'), formatWhen(String(p.occurred_at))],
    [r('reportedAt'), formatWhen(String(p.reported_at))], [r('place'), <span translate="no">{[file.place.commune, file.place.district].filter(Boolean).join(', ') || '—'}</span>],
    [r('coordinates'), formatLngLat(lon, lat, language)], [r('description'), p.description ? <span translate="no" className="report-text">{String(p.description)}</span> : '—'],
  ];
  return <dl className="attributes">{rows.map(([label, value]) => <div key={label} className="attribute"><dt>{label}</dt><dd>{value}</dd></div>)}</dl>;
}

/** One case: its facts, origin, asset, assignment, lifecycle and history, comments, photos and nearby incidents. */
export function CasePage({ id, user, onBack, onOpen, onFit, onOverlay }: Props) {
  const { language } = useLanguage();
  const r = useRegisterText();
  const errorText = useErrorText();
  const file = useQuery({ queryKey: ['case', id], queryFn: ({ signal }) => fetchCase(id, signal) });
  useEffect(() => onOverlay(file.data ? caseOverlay(file.data) : null), [file.data, onOverlay]);
  const here = file.data && (file.data.incident.geometry as Point).coordinates;
  // Fly once per case, not again when the file refetches after a comment.
  const at = here?.join(',');
  useEffect(() => { if (at) onFit(around(at.split(',').map(Number))); }, [at, onFit]);
  const back = <button type="button" data-testid="case-back" onClick={onBack}>← {r('back')}</button>;
  if (file.isPending) return <section>{back}<p className="hint"><span className="spinner" />{r('loading')}</p></section>;
  if (file.error) return <section>{back}<p className="form-error" role="alert">{errorText(file.error)}</p></section>;
  const data = file.data;
  const asset = data.asset;
  return (
    <article className="case-page" data-testid="case-page" data-case={id}>
      {back}
      <h2 data-testid="case-title">{r('caseTitle')} #{id} <CaseBadges isNew={false} overdue={data.assignment?.overdue ?? false} /></h2>
      <button type="button" className="link" onClick={() => here && onFit(around(here))}>{r('showOnMap')}</button>
      <CaseFacts file={data} />
      {data.hotline && (
        <section data-testid="case-hotline">
          <h3>{r('hotline')} <span translate="no">{data.hotline.trackingCode}</span></h3>
          <p className="hint">{r('seenAt')}: {formatWhen(data.hotline.seenAt)} · {r('contact')}: {data.hotline.contact === 'hidden' ? r('contactHidden') : data.hotline.contact ? <span translate="no">{[data.hotline.contact.name, data.hotline.contact.phone].filter(Boolean).join(' · ')}</span> : '—'}</p>
          <p className="report-text" translate="no">{data.hotline.description}</p>
          {isSecurity(user) && <RewardBox reportId={data.hotline.reportId} incidentStatus={String(data.incident.properties.status)} user={user} />}
        </section>
      )}
      <section data-testid="case-asset">
        <h3>{r('linkedAsset')}</h3>
        {!asset ? <p className="hint">{r('noAsset')}</p> : (
          <p>{vocabularyLabel(asset.collection, language)}{' '}
            <strong translate="no">{String(asset.properties.site_code ?? asset.properties.name ?? `#${asset.id}`)}</strong>
            {asset.properties.owner ? ` · ${vocabularyLabel(String(asset.properties.owner), language)}` : ''}
            {!asset.properties.site_code && !asset.properties.name && Boolean(asset.properties.owner) && <span className="hint"> ({r('assetHidden')})</span>}
            {asset.geometry && <> · <button type="button" className="link" onClick={() => onFit(featureBbox(asset) as Bbox)}>{r('showOnMap')}</button></>}
          </p>
        )}
      </section>
      <CaseAssignment key={`${data.assignment?.officer}-${data.assignment?.dueDate}`} file={data} user={user} />
      <IncidentActions id={id} status={String(data.incident.properties.status)} owner={(data.incident.properties.asset_owner as string | null) ?? null} user={user} />
      <CaseTimeline file={data} />
      <CasePhotos file={data} user={user} extra={data.photos} />
      <section data-testid="case-nearby">
        <h3>{r('nearby')}</h3>
        {data.nearby.length === 0 && <p className="hint">{r('noNearby')}</p>}
        <ul className="queue">
          {data.nearby.map((other) => (
            <li key={other.id}>
              <button type="button" className="link" onClick={() => onOpen(other.id)}>#{other.id}</button>{' '}
              {vocabularyLabel(other.type, language)} · {vocabularyLabel(other.status, language)} · {formatWhen(other.occurredAt)} · {other.meters.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')} {r('meters')}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
