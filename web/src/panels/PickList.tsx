import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { FeatureRef, PickRequest } from '../map/map-events.ts';

/** What a candidate is called in the list: its name or code, else its type and number. */
function candidateLabel(properties: Record<string, unknown>, id: number | string, language: 'vi' | 'en'): string {
  const name = properties.name ?? properties.site_code;
  if (typeof name === 'string' && name) return name;
  return typeof properties.type === 'string' ? `${vocabularyLabel(properties.type, language)} #${id}` : `#${id}`;
}

/** A list at the click when several features lie under the pointer (stacked cables, a site on a cable): pick one. */
export function PickList({ request, onPick, onClose }: { request: PickRequest; onPick: (feature: FeatureRef) => void; onClose: () => void }) {
  const { language, t } = useLanguage();
  return (
    <div className="pick-list" role="listbox" aria-label={t('pickOne')} data-testid="pick-list" style={{ left: request.point.x + 8, top: request.point.y + 8 }}>
      <div className="pick-head">{t('pickOne')} <button type="button" className="close" aria-label={t('close')} onClick={onClose}>×</button></div>
      {request.candidates.map((candidate) => (
        <button key={`${candidate.collection}/${candidate.id}`} type="button" role="option" aria-selected={false} data-testid="pick-item"
          onClick={() => onPick({ collection: candidate.collection, id: candidate.id, lngLat: candidate.lngLat })}>
          <span className="muted">{vocabularyLabel(candidate.collection, language)}</span> <span translate="no">{candidateLabel(candidate.properties, candidate.id, language)}</span>
        </button>
      ))}
    </div>
  );
}
