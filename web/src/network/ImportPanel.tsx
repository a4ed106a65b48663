import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { bbox as featureBbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { ApiError } from '../api/client.ts';
import type { Bbox } from '../api/types.ts';
import { errorText, problemText } from '../i18n/errors.ts';
import { useLanguage } from '../i18n/language.tsx';
import { countOf } from '../i18n/plural.ts';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { EDITABLE_COLLECTIONS, GEOMETRY_KIND, formatOf, importFile, type EditableCollection, type ImportProblem } from './api.ts';
import { useNetworkText } from './messages.ts';

type Props = { onImported: (collection: EditableCollection) => void; onPreview: (features: FeatureCollection | null) => void; onFit: (bbox: Bbox) => void };
type Checked = { count: number; features: FeatureCollection['features'] };

/**
 * Bulk import: download a template, pick a file; the check stores nothing, lists every problem with its row or
 * feature in the user's language, and shows the features on the map; the import then stores all of them in one go
 * (or none) and says how many the server stored.
 */
export function ImportPanel({ onImported, onPreview, onFit }: Props) {
  const { language } = useLanguage();
  const n = useNetworkText();
  const [collection, setCollection] = useState<EditableCollection>('bts_sites');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [stored, setStored] = useState<number | null>(null);
  const format = file ? formatOf(file.name) : null;
  const reset = () => { setChecked(null); setStored(null); onPreview(null); };
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => importFile(collection, format!, file!, dryRun),
    onSuccess: (answer, { dryRun }) => {
      if (dryRun) {
        const features = 'features' in answer && Array.isArray(answer.features) ? (answer.features as FeatureCollection['features']) : [];
        setChecked({ count: features.length, features });
        const preview: FeatureCollection = { type: 'FeatureCollection', features };
        onPreview(preview);
        if (features.length) onFit(featureBbox(preview) as Bbox);
      } else {
        setStored('imported' in answer ? Number(answer.imported) : 0);
        setChecked(null);
        onPreview(null);
        onImported(collection);
      }
    },
  });
  useEffect(() => () => onPreview(null), [onPreview]);
  const problems = run.error instanceof ApiError ? ((run.error.details?.problems as ImportProblem[] | undefined) ?? []) : [];
  const problemCount = run.error instanceof ApiError ? Number(run.error.details?.problemCount ?? problems.length) : 0;
  const pick = (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    reset();
    run.reset();
    setFile(chosen ?? null);
  };
  const template = (kind: 'geojson' | 'csv') => `/api/imports/${collection}/template?format=${kind}`;
  return (
    <section className="import-panel" data-testid="import-panel">
      <h3>{n('importTitle')}</h3>
      <label>{n('importLayer')}
        <select value={collection} data-testid="import-collection" onChange={(event) => { setCollection(event.target.value as EditableCollection); reset(); run.reset(); }}>
          {EDITABLE_COLLECTIONS.map((id) => <option key={id} value={id}>{vocabularyLabel(id, language)}</option>)}
        </select>
      </label>
      <p className="hint">{n('templates')}: <a href={template('geojson')} download data-testid="template-geojson">GeoJSON</a>
        {GEOMETRY_KIND[collection] === 'Point' && <> · <a href={template('csv')} download data-testid="template-csv">CSV</a></>}</p>
      <label>{n('importFile')}
        <input type="file" accept=".geojson,.json,.kml,.csv,.gpkg" data-testid="import-file" onChange={(event) => pick(event.target)} />
      </label>
      {file && !format && <p className="field-problem">{n('unknownFormat')}</p>}
      <div className="toolbar">
        <button type="button" data-testid="import-check" disabled={!format || run.isPending} onClick={() => run.mutate({ dryRun: true })}>{n('check')}</button>
        <button type="button" className="primary" data-testid="import-run" disabled={!checked || run.isPending} onClick={() => run.mutate({ dryRun: false })}>{n('import')}</button>
        {run.isPending && <span className="spinner" />}
      </div>
      {checked && !run.error && <p className="ok-text" data-testid="import-valid">{n('importOk')}: {countOf(checked.count, 'feature', language)} {n('onMap')}</p>}
      {stored !== null && <p className="ok-text" data-testid="import-done">{n('imported')} {countOf(stored, 'feature', language)}</p>}
      {run.error && (
        <div className="form-error" role="alert" data-testid="import-problems">
          <strong>{problems.length ? `${n('problems')} (${countOf(problemCount, 'problem', language)})` : errorText(run.error, language)}</strong>
          <ul>
            {problems.slice(0, 200).map((problem, index) => (
              <li key={index}>{problem.row === undefined && problem.index !== undefined && !problem.path?.startsWith('features[') ? `${n('feature')} ${problem.index + 1} · ` : ''}{problemText(problem, language)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
