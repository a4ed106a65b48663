import { useMemo, useState } from 'react';
import { searchPlaces, type Place } from './place-index.ts';
import { useHotlineText } from './messages.ts';

/** Search over the basemap's communes, former districts and national roads, as the citizen types. */
export function PlaceSearch({ places, onPick }: { places: readonly Place[]; onPick: (place: Place) => void }) {
  const h = useHotlineText();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const results = useMemo(() => searchPlaces(places, text), [places, text]);
  return (
    <div className="place-search">
      <input type="search" data-testid="place-search" placeholder={h('searchPlace')} aria-label={h('searchPlace')} value={text}
        onChange={(event) => { setText(event.target.value); setOpen(true); }} onKeyDown={(event) => { if (event.key === 'Enter' && results[0]) { onPick(results[0]); setOpen(false); } }} />
      {open && text.trim().length >= 2 && (
        <ul className="place-results" role="listbox">
          {results.length === 0 && <li className="muted">{h('noPlace')}</li>}
          {results.map((result) => (
            <li key={`${result.kind}:${result.label}`} role="option" aria-selected={false}>
              <button type="button" data-testid="place-result" onClick={() => { onPick(result); setText(result.label); setOpen(false); }}>
                <strong>{result.label}</strong>
                <span className="muted">{h(result.kind)}{result.detail ? ` · ${result.detail}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
