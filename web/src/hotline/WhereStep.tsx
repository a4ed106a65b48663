import { formatLngLat } from '../format/coordinates.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useHotlineText } from './messages.ts';
import { PlaceSearch } from './PlaceSearch.tsx';
import type { Place } from './place-index.ts';
import type { LonLat } from './HotlineMap.tsx';

type WhereStepProps = {
  pin: LonLat | null;
  places: readonly Place[];
  onPlace: (place: Place) => void;
  onLocate: () => void;
  locating: boolean;
  /** What came of "use my location", or a problem with the pin, ready to show. */
  message: { text: string; tone: 'ok' | 'warn' } | null;
  /** The pin is set and inside the province. */
  canContinue: boolean;
  onNext: () => void;
};

/** Step 1: where — the phone's location, a place search, or a tap on the map; the pin can then be dragged. */
export function WhereStep({ pin, places, onPlace, onLocate, locating, message, canContinue, onNext }: WhereStepProps) {
  const { language } = useLanguage();
  const h = useHotlineText();
  return (
    <section className="where-step">
      <p className="hint">{h('whereHint')}</p>
      <button type="button" className="primary locate" data-testid="locate-me" onClick={onLocate} disabled={locating}>
        {locating ? <><span className="spinner" />{h('locating')}</> : <>◎ {h('locate')}</>}
      </button>
      {message && <p className={message.tone === 'ok' ? 'notice' : 'note'} role="status" data-testid="geo-message">{message.text}</p>}
      <PlaceSearch places={places} onPick={onPlace} />
      {pin && <p data-testid="pin-at">{h('pinAt')}: {formatLngLat(pin[0], pin[1], language)}</p>}
      <button type="button" className="primary" data-testid="hotline-next" disabled={!canContinue} onClick={onNext}>{h('next')}</button>
    </section>
  );
}
