import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { filledByServer } from '../../../server/collections/filled-by-server.ts';
import { findCollection } from '../../../server/collections/registry.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import { useDrawing } from '../map/draw/use-drawing.ts';
import { AttributeForm } from '../forms/AttributeForm.tsx';
import { fromFormValues, toFormValues, type FieldProblem } from '../forms/attribute-values.ts';
import { fieldProblems } from '../forms/problems.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { changedMeanwhile, createAsset, GEOMETRY_KIND, replaceAsset, type EditableCollection } from './api.ts';
import { useNetworkText } from './messages.ts';

export type EditTarget = {
  collection: EditableCollection;
  /** null for a new feature. */
  id: number | string | null;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** The version being edited (the item's ETag), sent back in If-Match; null for a new feature. */
  etag: string | null;
};

type AssetEditorProps = {
  target: EditTarget;
  /** The carrier a carrier editor works for: the owner field is fixed to it. */
  carrier: string | null;
  onDrawing: (request: DrawingRequest | null) => void;
  onDone: (saved: { collection: string; id: number | string } | null) => void;
  /** Leaves the editor to load the version someone else saved meanwhile. */
  onReload: (collection: string) => void;
};

/** Draws or edits one asset's geometry (with undo) and attributes, then saves it through the API. */
export function AssetEditor({ target, carrier, onDrawing, onDone, onReload }: AssetEditorProps) {
  const { language, t } = useLanguage();
  const n = useNetworkText();
  const definitions = findCollection(target.collection)!.properties;
  const kind = GEOMETRY_KIND[target.collection];
  const drawing = useDrawing(kind, target.geometry, `${target.collection}/${target.id ?? 'new'}`);
  const [values, setValues] = useState(() => toFormValues(definitions, { status: 'active', ...target.properties, ...(carrier ? { owner: carrier } : {}) }));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const save = useMutation({
    mutationFn: ({ geometry, properties }: { geometry: Geometry; properties: Record<string, unknown> }) =>
      target.id === null ? createAsset(target.collection, geometry, properties) : replaceAsset(target.collection, target.id, geometry, properties, target.etag),
    onSuccess: (feature) => onDone({ collection: target.collection, id: feature.id ?? target.id! }),
  });

  useEffect(() => onDrawing(drawing.request), [drawing.request, onDrawing]);
  useEffect(() => () => onDrawing(null), [onDrawing]);

  const submit = () => {
    const { properties, problems } = fromFormValues(definitions, values);
    setClientProblems(problems);
    if (problems.length > 0 || !drawing.geometry) return;
    save.mutate({ geometry: drawing.geometry, properties });
  };
  const problems = fieldProblems(clientProblems, save.error, t);
  const stale = changedMeanwhile(save.error);
  const serverMessage = save.error && !stale && Object.keys(problems).length === clientProblems.length ? save.error.message : null;

  return (
    <section className="asset-editor" data-testid="asset-editor">
      <h3>{target.id === null ? n('newTitle') : n('editTitle')}: {vocabularyLabel(target.collection, language)}</h3>
      <p className="hint">{kind === 'LineString' ? n('drawLine') : n('drawPoint')}</p>
      <div className="toolbar">
        <button type="button" data-testid="draw-undo" onClick={drawing.undo} disabled={!drawing.canUndo}>↶ {t('undo')}</button>
        <button type="button" data-testid="draw-redo" onClick={drawing.redo} disabled={!drawing.canRedo}>↷ {t('redo')}</button>
        <button type="button" onClick={drawing.clear} disabled={!drawing.geometry}>{n('redraw')}</button>
      </div>
      {!drawing.geometry && <p className="field-problem" data-testid="geometry-missing">{n('geometryMissing')}</p>}
      <AttributeForm definitions={definitions} values={values} onChange={setValues} problems={problems} locked={[...(carrier ? ['owner'] : []), ...filledByServer(target.collection)]} />
      <p className="hint">{target.collection === 'service_agents' ? n('agentNote') : n('plannedNote')}</p>
      {serverMessage && <p className="form-error" role="alert" data-testid="save-error">{serverMessage}</p>}
      {stale && (
        <p className="form-error" role="alert" data-testid="save-stale">
          {n('changedMeanwhile')} <button type="button" data-testid="reload-asset" onClick={() => onReload(target.collection)}>{n('reload')}</button>
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="primary" data-testid="save-asset" onClick={submit} disabled={save.isPending || !drawing.geometry}>
          {save.isPending ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>{t('cancel')}</button>
      </div>
    </section>
  );
}
