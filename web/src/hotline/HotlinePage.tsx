import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Point } from 'geojson';
import { ApiError } from '../api/client.ts';
import { formatLngLat } from '../format/coordinates.ts';
import { useLanguage } from '../i18n/language.tsx';
import { MapView } from '../map/MapView.tsx';
import { useDrawing } from '../map/draw/use-drawing.ts';
import { SOURCE_IDS, type ThematicLayer } from '../map/layer-ids.ts';
import { THEMATIC_KEYS, useBaseCollection } from '../state/use-layer-data.ts';
import { fileReport, trackReport } from './api.ts';
import { useHotlineText } from './messages.ts';

const HIDDEN = Object.fromEntries(THEMATIC_KEYS.map((key) => [key, false])) as Record<ThematicLayer, boolean>;
const MAX_DESCRIPTION = 2000;
/** Now as a datetime-local value in Vietnam time (UTC+7). */
const nowLocal = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16);

function TrackBox({ initialCode }: { initialCode: string }) {
  const h = useHotlineText();
  const [code, setCode] = useState(initialCode);
  const [asked, setAsked] = useState(initialCode);
  const tracked = useQuery({ queryKey: ['hotline-track', asked], queryFn: ({ signal }) => trackReport(asked, signal), enabled: asked !== '', retry: false });
  return (
    <section className="track-box">
      <h2>{h('track')}</h2>
      <form className="toolbar" onSubmit={(event) => { event.preventDefault(); setAsked(code.trim()); }}>
        <input aria-label={h('code')} placeholder="KT-XXXX-XXXX" data-testid="track-code" value={code} onChange={(event) => setCode(event.target.value)} />
        <button type="submit" data-testid="track-submit">{h('lookUp')}</button>
      </form>
      {tracked.isFetching && <span className="spinner" />}
      {tracked.error && <p className="form-error">{tracked.error instanceof ApiError && tracked.error.status === 404 ? h('notFound') : tracked.error.message}</p>}
      {tracked.data && (
        <p data-testid="track-status">
          {h('status')}: <strong>{h(tracked.data.status)}</strong>{tracked.data.closingReason ? ` — ${tracked.data.closingReason}` : ''}
        </p>
      )}
    </section>
  );
}

/** The public hotline: a pin on the map, what was seen and when, optional contact; answers with a tracking code. */
export function HotlinePage() {
  const { language, t, toggleLanguage } = useLanguage();
  const h = useHotlineText();
  const adminAreas = useBaseCollection('admin_areas');
  const roads = useBaseCollection('roads');
  const pin = useDrawing('Point', null, 'hotline');
  const [description, setDescription] = useState('');
  const [seenAt, setSeenAt] = useState(nowLocal);
  const [contact, setContact] = useState({ name: '', phone: '' });
  const [tried, setTried] = useState(false);
  const send = useMutation({ mutationFn: fileReport });
  const point = pin.geometry as Point | null;
  const future = new Date(`${seenAt}:00+07:00`).getTime() > Date.now() + 60_000;
  const submit = () => {
    setTried(true);
    if (!point || description.trim() === '' || future) return;
    const [lon, lat] = point.coordinates;
    const hasContact = contact.name.trim() || contact.phone.trim();
    send.mutate({
      lon, lat, seenAt: new Date(`${seenAt}:00+07:00`).toISOString(), description: description.trim().normalize('NFC'),
      ...(hasContact ? { contact: { name: contact.name.trim().normalize('NFC'), phone: contact.phone.trim() } } : {}),
    });
  };
  const throttled = send.error instanceof ApiError && send.error.status === 429;
  return (
    <div className="hotline-page">
      <header className="app-header">
        <div className="brand"><h1>{h('title')}</h1><span className="subtitle">{h('emergency')}</span></div>
        <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggleLanguage} lang={language === 'vi' ? 'en' : 'vi'} translate="no">{t('languageToggle')}</button>
        <a className="header-link" href="/">{h('signIn')}</a>
      </header>
      <main className="app-main">
        <MapView sources={{ [SOURCE_IDS.adminAreas]: adminAreas.data, [SOURCE_IDS.roads]: roads.data }} visibility={HIDDEN} fitRequest={null}
          drawing={send.data ? null : pin.request} onViewportChange={() => {}} onSelect={() => {}} onPointer={() => {}} />
        <aside className="workspace-panel" data-testid="hotline-form">
          <p className="hint">{h('lead')}</p>
          {send.data ? (
            <section className="notice" role="status">
              <p>{h('sent')}</p>
              <p className="tracking-code" data-testid="tracking-code">{send.data.trackingCode}</p>
              <p className="hint">{h('keepCode')}</p>
            </section>
          ) : (
            <section>
              <h3>{h('pin')}</h3>
              {point ? <p data-testid="pin-at">{h('pinAt')}: {formatLngLat(point.coordinates[0], point.coordinates[1], language)}</p>
                : tried && <p className="field-problem">{h('pinMissing')}</p>}
              <label>{h('what')}
                <textarea rows={5} maxLength={MAX_DESCRIPTION} data-testid="hotline-description" placeholder={h('whatPlaceholder')} value={description} onChange={(event) => setDescription(event.target.value)} />
                <span className="hint">{description.length}/{MAX_DESCRIPTION} {h('chars')}</span>
              </label>
              {tried && description.trim() === '' && <p className="field-problem">{t('problemRequired')}</p>}
              <label>{h('when')}<input type="datetime-local" data-testid="hotline-seen-at" value={seenAt} max={nowLocal()} onChange={(event) => setSeenAt(event.target.value)} /></label>
              {future && <p className="field-problem">{h('whenFuture')}</p>}
              <h3>{h('contact')}</h3>
              <p className="hint">{h('contactNote')}</p>
              <label>{h('name')}<input value={contact.name} maxLength={100} onChange={(event) => setContact({ ...contact, name: event.target.value })} /></label>
              <label>{h('phone')}<input value={contact.phone} maxLength={20} inputMode="tel" onChange={(event) => setContact({ ...contact, phone: event.target.value })} /></label>
              {send.error && <p className="form-error" role="alert">{throttled ? h('tooMany').replace('{s}', String(send.error instanceof ApiError ? send.error.details?.retryAfterSeconds ?? 600 : 600)) : send.error.message}</p>}
              <button type="button" className="primary" data-testid="hotline-send" onClick={submit} disabled={send.isPending}>{send.isPending ? h('sending') : h('send')}</button>
            </section>
          )}
          <TrackBox initialCode={send.data?.trackingCode ?? ''} key={send.data?.trackingCode ?? ''} />
        </aside>
      </main>
    </div>
  );
}
