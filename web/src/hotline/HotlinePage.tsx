import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { useLanguage } from '../i18n/language.tsx';
import { useLayout } from '../layout/breakpoints.ts';
import { Sheet } from '../layout/Sheet.tsx';
import { useCoveredInsets } from '../layout/use-covered-insets.ts';
import { coverProperties } from '../layout/insets.ts';
import { newClientId } from '../offline/client-id.ts';
import { replayTriggers } from '../offline/outbox.ts';
import { refusalText } from '../offline/refusal-text.ts';
import { useOutboxEntries } from '../offline/use-outbox.ts';
import { toBase64 } from '../photos/resize.ts';
import { useBaseCollection } from '../state/use-layer-data.ts';
import { HotlineMap, type LonLat, type MapTarget } from './HotlineMap.tsx';
import { hotlineOutbox, rememberSent, sentReports, type SentReport } from './hotline-outbox.ts';
import { useHotlineText } from './messages.ts';
import { placeIndex } from './place-index.ts';
import { emptyDraft, ReportForm, seenInstant, type ReportDraft } from './ReportForm.tsx';
import { TrackBox } from './TrackBox.tsx';
import { GOOD_ACCURACY_METERS, useLocate } from './use-locate.ts';
import { WhereStep } from './WhereStep.tsx';

type Step = 'where' | 'what' | 'sent';

async function reportBody(pin: LonLat, draft: ReportDraft): Promise<string> {
  const contact = draft.name.trim() || draft.phone.trim() ? { contact: { name: draft.name.trim().normalize('NFC'), phone: draft.phone.trim() } } : {};
  const photo = draft.photo ? { photo: { mediaType: 'image/jpeg', data: await toBase64(draft.photo.blob) } } : {};
  return JSON.stringify({
    lon: pin[0], lat: pin[1], seenAt: seenInstant(draft.seenAt).toISOString(), description: draft.description.trim().normalize('NFC'), ...contact, ...photo,
  });
}

/**
 * The public hotline, map first: place the pin (my location, a place search, a tap; drag to adjust), then the short
 * form. A report goes through the phone's outbox, so one typed offline is kept and sent when the connection returns.
 */
export function HotlinePage() {
  const { language, t, toggleLanguage } = useLanguage();
  const h = useHotlineText();
  const layout = useLayout();
  const { insets, setContainer, register } = useCoveredInsets();
  const adminAreas = useBaseCollection('admin_areas');
  const roads = useBaseCollection('roads');
  const places = useMemo(() => (adminAreas.data && roads.data ? placeIndex(adminAreas.data, roads.data) : []), [adminAreas.data, roads.data]);
  const province = adminAreas.data?.features.find((feature) => feature.properties?.level === 'province') as Feature<Polygon | MultiPolygon> | undefined;
  const [step, setStep] = useState<Step>('where');
  const [pin, setPin] = useState<LonLat | null>(null);
  const [target, setTarget] = useState<MapTarget | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'warn' } | null>(null);
  const [draft, setDraft] = useState(emptyDraft);
  const [pendingId, setPendingId] = useState<string | null>(null);
  // True while the page's own first attempt to send is under way: "no connection" is said only once it has failed.
  const [attempting, setAttempting] = useState(false);
  const [sent, setSent] = useState<SentReport[]>(sentReports);
  const { result: located, locate } = useLocate();
  const entries = useOutboxEntries(hotlineOutbox);
  const inside = (at: LonLat) => !province || booleanPointInPolygon(at, province);

  useEffect(() => replayTriggers(hotlineOutbox, (done) => setSent(rememberSent(done))), []);
  const tabTitle = h('tabTitle');
  useEffect(() => {
    document.title = tabTitle;
  }, [tabTitle]);

  const placePin = (at: LonLat) => {
    setPin(at);
    setMessage(inside(at) ? null : { text: h('outside'), tone: 'warn' });
  };
  const onLocate = async () => {
    const answer = await locate();
    if (answer.state === 'failed') return setMessage({ text: h(answer.reason === 'denied' ? 'geoDenied' : answer.reason === 'unsupported' ? 'geoUnsupported' : 'geoUnavailable'), tone: 'warn' });
    if (answer.state !== 'located') return;
    if (!inside(answer.at)) return setMessage({ text: h('geoOutside'), tone: 'warn' });
    setPin(answer.at);
    setTarget({ point: answer.at, nonce: Date.now() });
    const meters = Math.round(answer.accuracyMeters);
    setMessage(answer.accuracyMeters > GOOD_ACCURACY_METERS ? { text: h('geoInaccurate', { m: meters }), tone: 'warn' } : { text: h('geoAccurate', { m: meters }), tone: 'ok' });
  };
  const send = async () => {
    if (!pin) return;
    const id = newClientId();
    await hotlineOutbox.add({ id, kind: 'hotline-report', label: draft.description.trim().slice(0, 60), method: 'POST', url: '/api/hotline/reports', contentType: 'application/json', body: await reportBody(pin, draft) });
    setPendingId(id);
    setStep('sent');
    setAttempting(true);
    try {
      const done = await hotlineOutbox.replay();
      if (done.length) setSent(rememberSent(done));
    } finally {
      setAttempting(false);
    }
  };

  const pending = pendingId ? entries.find((entry) => entry.id === pendingId) : undefined;
  const mine = pendingId ? sent.find((report) => report.clientId === pendingId) : undefined;
  const waiting = entries.filter((entry) => entry.state === 'waiting');
  // A report the hotline refused (a 4xx) goes back to the form with the reason; it is no longer in the outbox.
  useEffect(() => {
    if (pending?.state !== 'rejected') return;
    void hotlineOutbox.remove(pending.id);
    setStep('what');
    setMessage({ text: `${h('rejected')}: ${refusalText(pending, language)}`, tone: 'warn' });
  }, [pending, h, language]);

  return (
    <div className="hotline-page app">
      <header className="app-header app-header-compact hotline-header" data-testid="app-header">
        <div className="brand"><h1 data-testid="hotline-title">{h('title')}</h1><span className="subtitle">{h('emergency')}</span></div>
        <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggleLanguage} lang={language === 'vi' ? 'en' : 'vi'} translate="no">{t('languageToggle')}</button>
        <a className="header-link" href="/">{h('signIn')}</a>
      </header>
      <main className={`app-main layout-${layout}`} ref={setContainer} style={coverProperties(insets) as CSSProperties}>
        <HotlineMap adminAreas={adminAreas.data} roads={roads.data} pin={pin} onPin={step === 'where' ? placePin : null} target={target} insets={insets} />
        <Sheet key={step} title={h(step === 'where' ? 'stepWhere' : step === 'what' ? 'stepWhat' : 'stepSent')} layout={layout} side="start" initialSnap="half" register={register} testId="hotline-sheet">
          <div className="workspace-panel" data-testid="hotline-form">
            {step === 'where' && (
              <WhereStep pin={pin} places={places} locating={located.state === 'locating'} message={message} canContinue={!!pin && inside(pin)} onLocate={() => void onLocate()} onNext={() => { setMessage(null); setStep('what'); }}
                onPlace={(found) => { placePin(found.point); setTarget({ bbox: found.bbox, nonce: Date.now() }); }} />
            )}
            {step === 'what' && <ReportForm draft={draft} onDraft={setDraft} onBack={() => setStep('where')} onSend={() => void send()} busy={false} error={message?.text ?? null} />}
            {step === 'sent' && (mine ? (
              <section className="notice" role="status">
                <p>{h('sent')}</p>
                <p className="tracking-code" data-testid="tracking-code">{mine.code}</p>
                <p className="hint">{h('keepCode')}</p>
              </section>
            ) : attempting ? (
              <p className="note" role="status" data-testid="hotline-sending"><span className="spinner" />{h('sending')}</p>
            ) : (
              <p className="note" role="status" data-testid="hotline-queued"><span className="spinner" />{h('queued')}</p>
            ))}
            {waiting.length > 0 && step !== 'sent' && <p className="note" data-testid="hotline-waiting">{waiting.length} {h('waiting')}</p>}
            <TrackBox key={mine?.code ?? ''} initialCode={mine?.code ?? ''} />
            {sent.length > 0 && (
              <p className="hint">{h('yourCodes')}: {sent.map((report) => report.code).join(', ')}</p>
            )}
          </div>
        </Sheet>
      </main>
    </div>
  );
}
