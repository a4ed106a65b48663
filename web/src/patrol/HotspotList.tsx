import { bbox as featureBbox } from '@turf/turf';
import type { Bbox } from '../api/types.ts';
import { usePatrolText } from './messages.ts';
import type { HotspotAnswer } from './types.ts';
import { analysisText } from '../i18n/analysis-text.ts';

const number = (value: number, language: 'vi' | 'en', digits = 1): string =>
  value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });

/** Ranked hotspots, each with its score and every factor's contribution and reason; a click fits the map to it. */
export function HotspotList({ answer, onFit }: { answer: HotspotAnswer; onFit: (bbox: Bbox) => void }) {
  const { p, language } = usePatrolText();
  return (
    <section className="hotspots">
      <h3>{p('hotspots')}</h3>
      {answer.message && <p className="note" role="status">{analysisText(answer.message, language)}</p>}
      {!answer.message && answer.hotspots.features.length === 0 && <p className="note">{p('noHotspot')}</p>}
      <ol className="hotspot-list">
        {answer.hotspots.features.map((hotspot) => (
          <li key={hotspot.properties.rank} data-testid="hotspot-item">
            <button type="button" className="hotspot-head" onClick={() => onFit(featureBbox(hotspot) as Bbox)}>
              <span className="hotspot-rank">#{hotspot.properties.rank}</span>
              <span className="hotspot-score">{number(hotspot.properties.score, language)} {p('score')}</span>
              <span className="hotspot-count">{hotspot.properties.incident_count} {p('incidents')}</span>
            </button>
            <ul className="factors">
              {hotspot.properties.factors.map((factor) => (
                <li key={factor.factor}>
                  <span className="factor-bar" style={{ width: `${Math.max(2, factor.contribution)}%` }} />
                  <strong>+{number(factor.contribution, language)}</strong> {language === 'vi' ? factor.explanation_vi : factor.explanation_en}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <p className="band"><strong>{p('bandRule')}:</strong> {number(answer.distanceBand.meters, language, 0)} m — {analysisText(answer.distanceBand.reason, language)}</p>
      {answer.sensitivity.length > 0 && (
        <p className="band" data-testid="band-sensitivity"><strong>{p('sensitivity')}:</strong>{' '}
          {answer.sensitivity.map((row) => `${number(row.meters, language, 0)} m: ${row.hot_cells} ${p('hotCells')}${row.chosen ? '' : ` (${row.shared_with_chosen} ${p('shared')})`}`).join(' · ')}
        </p>
      )}
      <p className="muted">{analysisText(answer.significance.description, language)}</p>
      {answer.warnings.length > 0 && <p className="warnings"><strong>{p('warnings')}:</strong> {answer.warnings.map((warning) => analysisText(warning, language)).join('; ')}</p>}
    </section>
  );
}
