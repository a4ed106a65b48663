import { useEffect, useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { bbox as featureBbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { sendJson } from '../api/client.ts';
import { fetchItem } from '../api/endpoints.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { Bbox } from '../api/types.ts';
import { formatWhen } from '../format/format-value.ts';
import { useErrorText } from '../i18n/errors.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { ZoneDetail } from './api.ts';
import { useZonesText } from './messages.ts';

type Props = { detail: ZoneDetail; onFit: (bbox: Bbox) => void; onEvidence: (evidence: FeatureCollection | null) => void };
type Ref = { collection: string; id: number };

const labelOf = (feature: Feature | undefined) => String(feature?.properties?.site_code ?? feature?.properties?.name ?? feature?.properties?.label ?? `#${feature?.id ?? '?'}`);

/**
 * What a reviewer needs to decide on a zone: the map flies to it and outlines it, the assets inside it are drawn
 * and counted (the inventory of the zone's polygon, under the reviewer's read scope), and the proposal's protected
 * assets, dates and legal basis are listed beside the justification and history.
 */
export function ZoneEvidence({ detail, onFit, onEvidence }: Props) {
  const { language } = useLanguage();
  const z = useZonesText();
  const errorText = useErrorText();
  const zone = detail.zone;
  const protectedRefs = (detail.review?.protectedAssets ?? []) as Ref[];
  const inside = useQuery({
    queryKey: ['zone-evidence', zone.id, JSON.stringify(zone.geometry)],
    queryFn: () => sendJson<FeatureCollection>('POST', '/api/inventory?format=geojson', { polygon: zone.geometry }),
  });
  const named = useQueries({
    queries: protectedRefs.map((ref) => ({ queryKey: queryKeys.item(ref.collection, ref.id), queryFn: ({ signal }: { signal: AbortSignal }) => fetchItem(ref.collection, ref.id, signal) })),
  });
  const insideKeys = new Set((inside.data?.features ?? []).map((feature) => `${feature.properties?.collection}/${feature.id}`));
  const namedFeatures = named.map((query) => query.data);
  // A new overlay only when something arrived: the map re-uploads a source whenever its object changes.
  const namedKey = named.map((query) => query.dataUpdatedAt).join(',');
  const evidence = useMemo<FeatureCollection>(() => ({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: zone.geometry, properties: { role: 'zone' } },
      ...(inside.data?.features ?? []).map((feature) => ({ ...feature, properties: { ...feature.properties, role: 'inside' } })),
      ...namedFeatures.filter((feature): feature is NonNullable<typeof feature> => !!feature).map((feature) => ({ ...feature, properties: { ...feature.properties, role: 'protected' } })),
    ],
  }), [zone.geometry, inside.data, namedKey]);
  useEffect(() => onEvidence(evidence), [evidence, onEvidence]);
  useEffect(() => () => onEvidence(null), [onEvidence]);
  const zoneBox = featureBbox(zone.geometry) as Bbox;
  // Fly once when the zone opens, not on every refetch after a review step.
  useEffect(() => onFit(zoneBox), [zone.id]);
  const proposedAt = detail.history.find((event) => event.action === 'propose')?.at;
  const byCollection = (inside.data?.features ?? []).reduce<Record<string, number>>((counts, feature) => ({ ...counts, [String(feature.properties?.collection)]: (counts[String(feature.properties?.collection)] ?? 0) + 1 }), {});
  return (
    <section data-testid="zone-evidence">
      <h3>{z('evidence')}</h3>
      <button type="button" className="link" onClick={() => onFit(zoneBox)}>{z('showZone')}</button>
      <p className="hint">{z('onMap')}</p>
      <dl className="attributes">
        <div className="attribute"><dt>{z('proposedAt')}</dt><dd>{proposedAt ? formatWhen(proposedAt) : '—'}</dd></div>
        <div className="attribute"><dt>{z('reviewDate')}</dt><dd data-testid="zone-review-date">{detail.review?.reviewDate ? formatWhen(detail.review.reviewDate) : '—'}</dd></div>
        <div className="attribute"><dt>{z('effectiveDate')}</dt><dd>{zone.properties.effective_date ? formatWhen(zone.properties.effective_date) : '—'}</dd></div>
        <div className="attribute"><dt>{z('legalBasis')}</dt><dd translate="no">{String((zone.properties as Record<string, unknown>).legal_basis ?? '—')}</dd></div>
      </dl>
      <h3>{z('protectedAssets')}</h3>
      {protectedRefs.length === 0 && <p className="hint">{z('noProtected')}</p>}
      <ul className="queue" data-testid="zone-protected">
        {protectedRefs.map((ref, index) => (
          <li key={`${ref.collection}/${ref.id}`}>
            {vocabularyLabel(ref.collection, language)} <strong translate="no">{named[index].data ? labelOf(named[index].data) : `#${ref.id}`}</strong>
            {named[index].data?.properties.owner ? ` · ${vocabularyLabel(String(named[index].data!.properties.owner), language)}` : ''}
            {inside.data && !insideKeys.has(`${ref.collection}/${ref.id}`) && <span className="field-problem"> ({z('outside')})</span>}
          </li>
        ))}
      </ul>
      <h3>{z('insideZone')}</h3>
      {inside.isPending && <span className="spinner" />}
      {inside.error && <p className="form-error">{errorText(inside.error)}</p>}
      {inside.data && (
        <p data-testid="zone-inside-count">
          {inside.data.features.length} {z('insideCount')}
          {Object.keys(byCollection).length > 0 && ` (${Object.entries(byCollection).map(([collection, count]) => `${vocabularyLabel(collection, language)}: ${count}`).join('; ')})`}
        </p>
      )}
    </section>
  );
}
