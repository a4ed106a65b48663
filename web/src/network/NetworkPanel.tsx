import { useCallback, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.ts';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../api/types.ts';
import type { SessionUser } from '../auth/session.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import type { FeatureRef } from '../map/map-events.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { AssetEditor, type EditTarget } from './AssetEditor.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { changedMeanwhile, deleteAsset, EDITABLE_COLLECTIONS, fetchAsset, restoreAsset, type EditableCollection } from './api.ts';
import { useNetworkText } from './messages.ts';

type NetworkPanelProps = {
  user: SessionUser; selected: FeatureRef | null; onDrawing: (request: DrawingRequest | null) => void;
  onPreview: (features: FeatureCollection | null) => void; onFit: (bbox: Bbox) => void;
};
type Notice = { text: string; undo?: () => void };

const isEditable = (collection: string): collection is EditableCollection => (EDITABLE_COLLECTIONS as readonly string[]).includes(collection);

/** The carrier's workspace: new assets, editing and deleting the selected one (with undo), and bulk import. */
export function NetworkPanel({ user, selected, onDrawing, onPreview, onFit }: NetworkPanelProps) {
  const { language, t } = useLanguage();
  const n = useNetworkText();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<EditTarget | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const asset = selected && isEditable(selected.collection) ? selected : null;
  const versioned = useQuery({
    queryKey: queryKeys.versionedItem(asset?.collection ?? '', asset?.id ?? ''),
    queryFn: ({ signal }) => fetchAsset(asset!.collection, asset!.id, signal),
    enabled: asset !== null,
  });
  const current = versioned.data?.feature;
  const refresh = useCallback((collection: string) => {
    void queryClient.invalidateQueries({ queryKey: ['collection', collection] });
    void queryClient.invalidateQueries({ queryKey: ['item', collection] });
    void queryClient.invalidateQueries({ queryKey: ['search'] });
  }, [queryClient]);
  // Undo puts the deleted asset back under its own id, so the selection, links and history keep pointing at it.
  const restore = useMutation({
    mutationFn: (feature: { collection: string; id: number | string; geometry: GeoJSON.Geometry; properties: Record<string, unknown> }) =>
      restoreAsset(feature.collection, feature.id, feature.geometry, feature.properties),
    onSuccess: (_, feature) => { refresh(feature.collection); setNotice({ text: n('restored') }); },
  });
  const remove = useMutation({
    mutationFn: ({ collection, id }: { collection: string; id: number | string }) => deleteAsset(collection, id, versioned.data?.etag ?? null),
    onSuccess: (_, { collection, id }) => {
      refresh(collection);
      const deleted = current!;
      setNotice({ text: n('deleted'), undo: () => restore.mutate({ collection, id, geometry: deleted.geometry, properties: deleted.properties as Record<string, unknown> }) });
    },
    onError: (_, { collection }) => refresh(collection),
  });
  const owner = current?.properties.owner;
  const mine = user.role === 'admin' || (user.carrier !== null && owner === user.carrier);
  const start = (collection: EditableCollection) => { setNotice(null); setTarget({ collection, id: null, geometry: null, properties: {}, etag: null }); };
  const done = (saved: { collection: string; id: number | string } | null) => {
    setTarget(null);
    if (saved) { refresh(saved.collection); setNotice({ text: n('saved') }); }
  };

  // Someone else changed the asset while it was being edited: close the editor on the fresh version, to edit again.
  const reload = (collection: string) => { setTarget(null); refresh(collection); setNotice({ text: n('changedMeanwhile') }); };

  if (target) return <aside className="workspace-panel"><AssetEditor target={target} carrier={user.carrier} onDrawing={onDrawing} onDone={done} onReload={reload} /></aside>;
  return (
    <aside className="workspace-panel" data-testid="network-panel">
      <h2>{n('title')}</h2>
      <p className="hint">{n('intro')}</p>
      <div className="toolbar wrap">
        <button type="button" data-testid="new-cable_routes" onClick={() => start('cable_routes')}>+ {n('newCable')}</button>
        <button type="button" data-testid="new-bts_sites" onClick={() => start('bts_sites')}>+ {n('newSite')}</button>
        <button type="button" data-testid="new-facilities" onClick={() => start('facilities')}>+ {n('newFacility')}</button>
        <button type="button" data-testid="new-service_agents" onClick={() => start('service_agents')}>+ {n('newAgent')}</button>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="network-notice">
          {notice.text}{notice.undo && <> · <button type="button" data-testid="undo-delete" onClick={() => { notice.undo!(); setNotice(null); }}>↶ {t('undo')}</button></>}
        </p>
      )}
      <h3>{n('selected')}</h3>
      {!asset && <p className="hint">{n('selectHint')}</p>}
      {asset && versioned.isPending && <p className="hint"><span className="spinner" /></p>}
      {asset && current && (
        <div className="selected-asset">
          <strong>{vocabularyLabel(asset.collection, language)} #{asset.id}</strong> · {vocabularyLabel(String(owner), language)}
          {mine ? (
            <div className="toolbar">
              <button type="button" data-testid="edit-asset" onClick={() => setTarget({ collection: asset.collection as EditableCollection, id: asset.id, geometry: current!.geometry, properties: current!.properties as Record<string, unknown>, etag: versioned.data!.etag })}>{n('edit')}</button>
              <button type="button" className="danger" data-testid="delete-asset" disabled={remove.isPending}
                onClick={() => window.confirm(n('confirmDelete')) && remove.mutate({ collection: asset.collection, id: asset.id })}>{n('delete')}</button>
            </div>
          ) : <p className="hint" data-testid="not-yours">{n(asset.collection === 'service_agents' ? 'agentNotYours' : 'notYours')}</p>}
        </div>
      )}
      {(remove.error ?? restore.error) && (
        <p className="form-error" role="alert" data-testid="network-error">{changedMeanwhile(remove.error) ? n('changedMeanwhile') : restore.error ? `${n('restoreFailed')}: ${restore.error.message}` : remove.error!.message}</p>
      )}
      <ImportPanel onImported={(collection) => { refresh(collection); }} onPreview={onPreview} onFit={onFit} />
    </aside>
  );
}
