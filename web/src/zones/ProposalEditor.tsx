import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { KEY_TARGET_CATEGORIES } from '../../../server/collections/vocabulary.ts';
import { fieldProblems } from '../forms/problems.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import type { FeatureRef } from '../map/map-events.ts';
import { useDrawing } from '../map/draw/use-drawing.ts';
import { proposeZone } from './api.ts';
import { useZonesText } from './messages.ts';

const ASSETS = ['cable_routes', 'bts_sites', 'facilities'];
const inMonths = (months: number) => { const date = new Date(); date.setMonth(date.getMonth() + months); return date.toISOString().slice(0, 10); };

type ProposalEditorProps = { selected: FeatureRef | null; onDrawing: (request: DrawingRequest | null) => void; onDone: (sent: boolean) => void };

/** Police draw a zone and fill in its proposal: category, protection level, justification, protected assets, dates. */
export function ProposalEditor({ selected, onDrawing, onDone }: ProposalEditorProps) {
  const { language, t } = useLanguage();
  const z = useZonesText();
  const drawing = useDrawing('Polygon', null, 'proposal');
  const [form, setForm] = useState({ name: '', category: 'transmission_hub', level: '2', justification: '', reviewDate: inMonths(12), effectiveDate: '' });
  const [assets, setAssets] = useState<{ collection: string; id: number }[]>([]);
  const send = useMutation({ mutationFn: proposeZone, onSuccess: () => onDone(true) });
  useEffect(() => onDrawing(drawing.request), [drawing.request, onDrawing]);
  useEffect(() => () => onDrawing(null), [onDrawing]);
  const missing = (value: string) => value.trim() === '';
  const problems = fieldProblems([], send.error, t);
  const submit = () => {
    if (!drawing.geometry || missing(form.name) || missing(form.justification)) return;
    send.mutate({
      name: form.name.trim(), category: form.category, protectionLevel: Number(form.level), justification: form.justification.trim(), reviewDate: form.reviewDate,
      effectiveDate: form.effectiveDate || null, protectedAssets: assets, geometry: drawing.geometry,
    });
  };
  const canAdd = selected && ASSETS.includes(selected.collection) && !assets.some((asset) => asset.collection === selected.collection && asset.id === Number(selected.id));
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  return (
    <section data-testid="proposal-editor">
      <h3>{z('propose')}</h3>
      <p className="hint">{z('drawZone')}</p>
      <div className="toolbar">
        <button type="button" onClick={drawing.undo} disabled={!drawing.canUndo}>↶ {t('undo')}</button>
        <button type="button" onClick={drawing.redo} disabled={!drawing.canRedo}>↷ {t('redo')}</button>
      </div>
      {problems.geometry && <p className="field-problem">{problems.geometry}</p>}
      <label>{z('name')} *<input data-testid="zone-name" value={form.name} onChange={set('name')} /></label>
      <label>{z('category')}
        <select value={form.category} onChange={set('category')}>{KEY_TARGET_CATEGORIES.map((value) => <option key={value} value={value}>{vocabularyLabel(value, language)}</option>)}</select>
      </label>
      <label>{z('level')}<select value={form.level} onChange={set('level')}>{['1', '2', '3'].map((level) => <option key={level}>{level}</option>)}</select></label>
      <label>{z('justification')} *<textarea rows={3} data-testid="zone-justification" value={form.justification} onChange={set('justification')} /></label>
      <label>{z('reviewDate')}<input type="date" value={form.reviewDate} onChange={set('reviewDate')} /></label>
      <label>{z('effectiveDate')}<input type="date" value={form.effectiveDate} onChange={set('effectiveDate')} /></label>
      <div>{z('protectedAssets')}: {assets.map((asset) => `${vocabularyLabel(asset.collection, language)} #${asset.id}`).join(', ') || '—'}</div>
      <button type="button" disabled={!canAdd} onClick={() => selected && setAssets([...assets, { collection: selected.collection, id: Number(selected.id) }])}>{z('addSelected')}</button>
      {send.error && <p className="form-error" role="alert">{send.error.message}</p>}
      <div className="toolbar">
        <button type="button" className="primary" data-testid="zone-submit" onClick={submit}
          disabled={send.isPending || !drawing.geometry || missing(form.name) || missing(form.justification)}>{z('submit')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('cancel')}</button>
      </div>
    </section>
  );
}
