import { THEMATIC_KEYS, type LayerState } from '../state/use-layer-data.ts';
import type { ThematicLayer } from '../map/layer-ids.ts';
import type { DateRange } from '../api/types.ts';
import { datetimeParam } from '../api/endpoints.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { LayerLegend } from './LayerLegend.tsx';
import { IncidentRangeFilter } from './IncidentRangeFilter.tsx';
import { countOf } from '../i18n/plural.ts';

type LayerPanelProps = {
  layers: Record<ThematicLayer, LayerState>;
  visibility: Record<ThematicLayer, boolean>;
  onToggle: (layer: ThematicLayer) => void;
  incidentRange: DateRange;
  onIncidentRange: (range: DateRange) => void;
  /** Collections the user may read; the others are not offered. */
  readable: Set<string> | undefined;
};

/** The export of a whole layer (the incident period applied), under the user's read scope like the map. */
const exportHref = (layer: string, format: string, range: DateRange | null) =>
  `/api/collections/${layer}/export?format=${format}${range ? `&datetime=${datetimeParam(range)}` : ''}`;

function LayerStatus({ layer, state, visible }: { layer: ThematicLayer; state: LayerState; visible: boolean }) {
  const { language, t } = useLanguage();
  if (!visible) return null;
  if (state.error) {
    return (
      <span className="layer-status layer-error" data-testid={`layer-error-${layer}`} title={state.error.message}>
        {t('errorLoading')} <button type="button" onClick={state.refetch}>{t('retry')}</button>
      </span>
    );
  }
  if (state.isFetching) return <span className="layer-status" data-testid={`layer-loading-${layer}`}><span className="spinner" />{t('loading')}</span>;
  const count = state.data?.features.length;
  if (count === 0) return <span className="layer-status layer-empty" data-testid={`layer-empty-${layer}`}>{t('emptyInView')}</span>;
  return count === undefined ? null : <span className="layer-status" data-testid={`layer-count-${layer}`}>{countOf(count, 'feature', language)}</span>;
}

/** Toggles, per-layer loading/empty/error state and legends of the thematic layers. */
export function LayerPanel({ layers, visibility, onToggle, incidentRange, onIncidentRange, readable }: LayerPanelProps) {
  const { language, t } = useLanguage();
  return (
    <section className="layer-panel" aria-label={t('layers')}>
      <h2>{t('layers')}</h2>
      {!readable && <span className="layer-status"><span className="spinner" />{t('loading')}</span>}
      {THEMATIC_KEYS.filter((layer) => readable?.has(layer)).map((layer) => (
        <div className="layer-row" key={layer}>
          <label className="layer-toggle">
            <input type="checkbox" data-testid={`layer-toggle-${layer}`} checked={visibility[layer]} onChange={() => onToggle(layer)} />
            <span className="layer-name">{vocabularyLabel(layer, language)}</span>
          </label>
          <LayerStatus layer={layer} state={layers[layer]} visible={visibility[layer]} />
          {layer === 'incidents' && visibility.incidents && <IncidentRangeFilter range={incidentRange} onChange={onIncidentRange} />}
          {visibility[layer] && <LayerLegend layer={layer} />}
          {visibility[layer] && (
            <span className="export-links" data-testid={`export-${layer}`}>
              {t('export')}:{' '}
              {(['geojson', 'csv', 'kml', 'gpkg'] as const).map((format) => (
                <a key={format} href={exportHref(layer, format, layer === 'incidents' ? incidentRange : null)} download>{format.toUpperCase()}</a>
              ))}
            </span>
          )}
        </div>
      ))}
    </section>
  );
}
