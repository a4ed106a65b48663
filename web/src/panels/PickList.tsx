import { useLayoutEffect, useRef, useState } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { FeatureRef, PickRequest } from '../map/map-events.ts';

/** What a candidate is called in the list: its name or code, else its type and number. */
function candidateLabel(properties: Record<string, unknown>, id: number | string, language: 'vi' | 'en'): string {
  const name = properties.name ?? properties.site_code;
  if (typeof name === 'string' && name) return name;
  return typeof properties.type === 'string' ? `${vocabularyLabel(properties.type, language)} #${id}` : `#${id}`;
}

const OFFSET_PX = 8;

/**
 * Where the list goes: beside the click, moved left or above it where it would leave the map (a tap near the edge
 * of a phone's screen), never off its top-left corner.
 */
function placeList(point: { x: number; y: number }, list: { width: number; height: number }, map: { width: number; height: number }) {
  const left = Math.max(OFFSET_PX, Math.min(point.x + OFFSET_PX, map.width - list.width - OFFSET_PX));
  const below = point.y + OFFSET_PX;
  const top = below + list.height + OFFSET_PX <= map.height ? below : Math.max(OFFSET_PX, point.y - OFFSET_PX - list.height);
  return { left, top };
}

/** A list at the click when several features lie under the pointer (stacked cables, a site on a cable): pick one. */
export function PickList({ request, onPick, onClose }: { request: PickRequest; onPick: (feature: FeatureRef) => void; onClose: () => void }) {
  const { language, t } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ left: request.point.x + OFFSET_PX, top: request.point.y + OFFSET_PX });
  useLayoutEffect(() => {
    const list = ref.current, map = list?.parentElement;
    if (!list || !map) return;
    setAt(placeList(request.point, { width: list.offsetWidth, height: list.offsetHeight }, { width: map.clientWidth, height: map.clientHeight }));
  }, [request]);
  return (
    <div ref={ref} className="pick-list" role="listbox" aria-label={t('pickOne')} data-testid="pick-list" style={at}>
      <div className="pick-head">{t('pickOne')} <button type="button" className="close" aria-label={t('close')} onClick={onClose}>×</button></div>
      {request.candidates.map((candidate) => (
        <button key={`${candidate.collection}/${candidate.id}`} type="button" role="option" aria-selected={false} data-testid="pick-item" data-feature={`${candidate.collection}/${candidate.id}`}
          onClick={() => onPick({ collection: candidate.collection, id: candidate.id, lngLat: candidate.lngLat })}>
          <span className="muted">{vocabularyLabel(candidate.collection, language)}</span> <span translate="no">{candidateLabel(candidate.properties, candidate.id, language)}</span>
        </button>
      ))}
    </div>
  );
}
