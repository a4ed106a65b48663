import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { sendJson } from '../api/client.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';

type Impact = { isolated: FeatureCollection; stillConnected: FeatureCollection };

/** "What if this route is cut?": the sites and facilities that lose their path to an exchange, and those a ring keeps up. */
export function CutImpact({ routeId, at, onHighlight }: { routeId: number | string; at?: [number, number]; onHighlight: (features: FeatureCollection | null) => void }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const trace = useMutation({ mutationFn: () => sendJson<Impact>('POST', '/api/cut-impact', { routeId: Number(routeId), ...(at ? { point: at } : {}) }) });
  useEffect(() => {
    if (!trace.data) return;
    const tag = (collection: FeatureCollection, impact: string) => collection.features.map((feature) => ({ ...feature, properties: { ...feature.properties, impact } }));
    onHighlight({ type: 'FeatureCollection', features: [...tag(trace.data.isolated, 'isolated'), ...tag(trace.data.stillConnected, 'up')] });
  }, [trace.data, onHighlight]);
  useEffect(() => () => onHighlight(null), [onHighlight]);
  const list = (collection: FeatureCollection) => collection.features.map((feature) => `${vocabularyLabel(String(feature.properties?.collection), language)} ${String(feature.properties?.name ?? feature.id)}`).join(', ') || '—';
  return (
    <section className="incident-actions" data-testid="cut-impact">
      <button type="button" onClick={() => trace.mutate()} disabled={trace.isPending}>{at ? (vi ? 'Nếu cáp bị cắt tại điểm đã nhấp: ảnh hưởng?' : 'If the cable is cut where you clicked: what goes down?') : (vi ? 'Nếu tuyến này bị cắt: ảnh hưởng?' : 'If this route is cut: what goes down?')}</button>
      {trace.isPending && <span className="spinner" />}
      {trace.error && <p className="form-error">{trace.error.message}</p>}
      {trace.data && (
        <>
          <p><strong style={{ color: '#d50000' }}>{vi ? 'Mất kết nối' : 'Isolated'} ({trace.data.isolated.features.length})</strong>: {list(trace.data.isolated)}</p>
          <p><strong style={{ color: '#2e7d32' }}>{vi ? 'Vẫn hoạt động qua đường khác' : 'Still up through another path'} ({trace.data.stillConnected.features.length})</strong>: {list(trace.data.stillConnected)}</p>
        </>
      )}
    </section>
  );
}
