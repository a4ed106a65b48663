import { useQuery } from '@tanstack/react-query';
import { findCollection } from '../../../server/collections/registry.ts';
import { fetchItem } from '../api/endpoints.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { FeatureRef } from '../map/map-events.ts';
import { formatValue } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { Language } from '../i18n/dictionary.ts';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { isSecurity, type SessionUser } from '../auth/session.ts';
import { IncidentActions } from '../incidents/IncidentActions.tsx';
import { FibreBreakFacts } from '../incidents/FibreBreakFacts.tsx';
import { mayHaveFibreBreak } from '../incidents/fibre-break.ts';
import { TargetInspections } from '../inspections/TargetInspections.tsx';
import { AddFeatureToPlan } from '../inspections/PlanForms.tsx';
import { CutImpact } from './CutImpact.tsx';
import type { FeatureCollection } from 'geojson';

function featureHeading(properties: Record<string, unknown>, id: number | string, language: Language): string {
  const name = properties.name ?? properties.site_code;
  if (typeof name === 'string') return name;
  return typeof properties.type === 'string' ? `${vocabularyLabel(properties.type, language)} #${id}` : `#${id}`;
}

/** Side panel with the attributes of the clicked feature, titled and formatted from the registry. */
type FeaturePanelProps = {
  selected: FeatureRef; onClose: () => void; user: SessionUser; onHighlight: (features: FeatureCollection | null) => void;
  /** Opens an incident's case in the register; absent for roles without a register. */
  onOpenCase?: (id: number) => void;
};

export function FeaturePanel({ selected, onClose, user, onHighlight, onOpenCase }: FeaturePanelProps) {
  const { language, t } = useLanguage();
  const collection = findCollection(selected.collection);
  const query = useQuery({
    queryKey: queryKeys.item(selected.collection, selected.id),
    queryFn: ({ signal }) => fetchItem(selected.collection, selected.id, signal),
  });
  const title = collection ? (language === 'vi' ? collection.titleVi : collection.title) : selected.collection;
  const properties = query.data?.properties ?? {};
  return (
    <aside className="feature-panel" data-testid="feature-panel" data-feature={`${selected.collection}/${selected.id}`}>
      <header>
        <div>
          <div className="feature-collection">{title}{collection?.synthetic ? ' · demo' : ''}</div>
          <h2>{featureHeading(properties, selected.id, language)}</h2>
        </div>
        <button type="button" className="close" aria-label={t('close')} onClick={onClose}>×</button>
      </header>
      {query.isPending && <p className="muted"><span className="spinner" />{t('loading')}</p>}
      {query.error && (
        <p className="error-text">
          {query.error.message} <button type="button" onClick={() => void query.refetch()}>{t('retry')}</button>
        </p>
      )}
      {query.data && collection && (
        <dl className="attributes">
          {collection.properties.map((definition) => (
            <div key={definition.name} className="attribute">
              <dt>{language === 'vi' ? definition.titleVi : definition.title}</dt>
              <dd>{formatValue(definition, properties[definition.name], language, [t('yes'), t('no')])}</dd>
            </div>
          ))}
        </dl>
      )}
      {query.data && selected.collection === 'incidents' && onOpenCase && (
        <button type="button" className="primary" data-testid="open-case" onClick={() => onOpenCase(Number(selected.id))}>{t('openCase')}</button>
      )}
      {query.data && selected.collection === 'incidents' && mayHaveFibreBreak(properties) && <FibreBreakFacts id={selected.id} />}
      {query.data && selected.collection === 'incidents' && (
        <IncidentActions id={selected.id} status={String(properties.status)} owner={(properties.asset_owner as string | null) ?? null} user={user} />
      )}
      {query.data && selected.collection === 'cable_routes' && (user.role !== 'carrier_editor' || properties.owner === user.carrier) && user.role !== 'viewer' && (
        <CutImpact routeId={selected.id} at={selected.lngLat} onHighlight={onHighlight} />
      )}
      {query.data && selected.collection === 'scrap_dealers' && user.role !== 'carrier_editor' && <TargetInspections collection="scrap_dealers" id={selected.id} user={user} />}
      {/* Sites go into the department's joint inspection plans (agents and dealers do from their inspections below). */}
      {query.data && (selected.collection === 'bts_sites' || selected.collection === 'facilities') && (user.role === 'admin' || user.role === 'dic_reviewer') && (
        <AddFeatureToPlan target={{ collection: selected.collection, id: Number(selected.id) }} />
      )}
      {/* Agents' inspections: security staff, and a carrier for its own agents (the API scopes them the same way). */}
      {query.data && selected.collection === 'service_agents' && (isSecurity(user) || (user.carrier !== null && properties.owner === user.carrier)) && (
        <TargetInspections collection="service_agents" id={selected.id} user={user} />
      )}
    </aside>
  );
}
