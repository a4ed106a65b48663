import { useQuery } from '@tanstack/react-query';
import { fetchItems } from '../api/endpoints.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { Bbox } from '../api/types.ts';

const COLLECTIONS = ['cable_routes', 'bts_sites', 'facilities'] as const;

/** The extent of a geometry, walking its nested coordinate arrays. */
function bboxOf(geometry: GeoJSON.Geometry): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (typeof (value as number[])[0] === 'number') {
      const [x, y] = value as number[];
      box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
    } else (value as unknown[]).forEach(visit);
  };
  visit((geometry as { coordinates: unknown }).coordinates);
  return box;
}

/** Carriers' network-development plans sent to the DIC: every asset with status `planned`, by carrier. */
export function PlannedAssets({ onFit }: { onFit: (bbox: Bbox) => void }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const planned = useQuery({
    queryKey: ['planned-assets'],
    queryFn: async ({ signal }) => (await Promise.all(COLLECTIONS.map(async (collection) => ({ collection, items: await fetchItems(collection, { filters: { status: 'planned' } }, signal) })))),
  });
  return (
    <section data-testid="planned-assets">
      <h3>{vi ? 'Kế hoạch phát triển mạng (tài sản quy hoạch)' : 'Network development plans (planned assets)'}</h3>
      {planned.isPending && <span className="spinner" />}
      {planned.error && <p className="form-error">{planned.error.message}</p>}
      {planned.data?.map(({ collection, items }) => (
        <details key={collection}>
          <summary>{vocabularyLabel(collection, language)}: {items.features.length}</summary>
          <ul className="queue">
            {items.features.slice(0, 200).map((feature) => (
              <li key={String(feature.id)}>
                <button type="button" className="link" onClick={() => onFit(bboxOf(feature.geometry))}>
                  <span translate="no">{String(feature.properties.name ?? feature.properties.site_code ?? `#${feature.id}`)}</span>
                </button>
                <span className="hint"> · {vocabularyLabel(String(feature.properties.owner), language)}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
