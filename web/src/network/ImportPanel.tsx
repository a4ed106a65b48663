import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { EDITABLE_COLLECTIONS, formatOf, importFile, type EditableCollection, type ImportProblem } from './api.ts';
import { useNetworkText } from './messages.ts';

const COUNT = new Intl.NumberFormat('vi-VN');

/**
 * Bulk import: the file is checked first (nothing stored) and every problem listed with its row or feature; the
 * import button then stores all features in one go, or none.
 */
export function ImportPanel({ onImported }: { onImported: (collection: EditableCollection) => void }) {
  const { language } = useLanguage();
  const n = useNetworkText();
  const [collection, setCollection] = useState<EditableCollection>('bts_sites');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState(false);
  const format = file ? formatOf(file.name) : null;
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => importFile(collection, format!, file!, dryRun),
    onSuccess: (_, { dryRun }) => {
      if (dryRun) setChecked(true);
      else {
        onImported(collection);
        setChecked(false);
      }
    },
  });
  const problems = run.error instanceof ApiError ? ((run.error.details?.problems as ImportProblem[] | undefined) ?? []) : [];
  const result = run.data as { imported?: number } | undefined;
  const pick = (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setChecked(false);
    run.reset();
    setFile(chosen ?? null);
  };
  return (
    <section className="import-panel" data-testid="import-panel">
      <h3>{n('importTitle')}</h3>
      <label>{n('importLayer')}
        <select value={collection} data-testid="import-collection" onChange={(event) => { setCollection(event.target.value as EditableCollection); setChecked(false); run.reset(); }}>
          {EDITABLE_COLLECTIONS.map((id) => <option key={id} value={id}>{vocabularyLabel(id, language)}</option>)}
        </select>
      </label>
      <label>{n('importFile')}
        <input type="file" accept=".geojson,.json,.kml,.csv,.gpkg" data-testid="import-file" onChange={(event) => pick(event.target)} />
      </label>
      {file && !format && <p className="field-problem">{n('unknownFormat')}</p>}
      <div className="toolbar">
        <button type="button" data-testid="import-check" disabled={!format || run.isPending} onClick={() => run.mutate({ dryRun: true })}>{n('check')}</button>
        <button type="button" className="primary" data-testid="import-run" disabled={!checked || run.isPending} onClick={() => run.mutate({ dryRun: false })}>{n('import')}</button>
        {run.isPending && <span className="spinner" />}
      </div>
      {checked && !run.error && <p className="ok-text" data-testid="import-valid">{n('importOk')}</p>}
      {result?.imported !== undefined && <p className="ok-text" data-testid="import-done">{n('imported')} {COUNT.format(result.imported)} {n('features')}</p>}
      {run.error && (
        <div className="form-error" role="alert" data-testid="import-problems">
          <strong>{problems.length ? n('problems') : run.error.message}</strong>
          <ul>
            {problems.slice(0, 200).map((problem, index) => (
              <li key={index}>
                {problem.row !== undefined ? `${n('row')} ${problem.row}` : `${n('feature')} ${(problem.index ?? 0) + 1}`}
                {problem.path ? ` · ${problem.path}` : ''}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
