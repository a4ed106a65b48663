import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.ts';
import { useArea } from '../area/area-api.ts';
import { createPlan, exportUrl, fetchPlan, fetchPlans, setPlanStatus } from './api.ts';
import { usePatrolText } from './messages.ts';
import { TrackUpload } from './TrackUpload.tsx';
import { PlanSchedule } from './PlanSchedule.tsx';
import type { Plan, PlanForm, Selection } from './types.ts';
import { DocumentDetailsForm, OfficialDocument, type DocumentDetails } from '../print/OfficialDocument.tsx';
import { planBodies, planRecipients } from '../print/document-bodies.ts';
import { PLAN_DOCUMENT } from '../print/plan-text.ts';
import { useMapSnapshot } from '../print/use-map-snapshot.ts';
import { vietnamToday } from '../state/viewport.ts';
import { analysisText } from '../i18n/analysis-text.ts';

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
function defaultForm(): PlanForm {
  const today = new Date();
  return { name: 'Kế hoạch tuần tra', startDate: isoDay(today), endDate: isoDay(new Date(today.getTime() + 13 * 86_400_000)), units: 4, shiftsPerDay: 2, surpriseShare: 0.3, targetsFrom: 'hotspots' };
}
const FIELD_LABELS = { name: 'planName', startDate: 'start', endDate: 'end', units: 'units', shiftsPerDay: 'shifts', surpriseShare: 'surprise' } as const;
const percent = (share: number, language: 'vi' | 'en'): string => share.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });

const day = (iso: string | undefined) => iso?.split('-').reverse().join('/') ?? '';

/**
 * The plan form, the generated plan (coverage, warnings, schedule, exports, status) and the saved plans. The plan
 * prints as a police document with its map as a picture. Only planners (`canPlan`) generate, approve, archive and
 * upload patrol tracks; others read and print saved plans.
 */
export function PlanPanel({ selection, plan, onPlan, canPlan }: { selection: Selection; plan: Plan | null; onPlan: (plan: Plan | null) => void; canPlan: boolean }) {
  const { p, language } = usePatrolText();
  const text = PLAN_DOCUMENT[language];
  const area = useArea();
  const [details, setDetails] = useState<DocumentDetails>({ number: '', signerName: '', recipients: '' });
  // The default recipients name the area's department and follow the UI language (what a clerk typed is kept otherwise).
  useEffect(() => setDetails((current) => ({ ...current, recipients: area.data ? planRecipients(area.data, language) : '' })), [language, area.data]);
  const snapshot = useMapSnapshot(plan !== null, plan?.id ?? '');
  const client = useQueryClient();
  const [form, setForm] = useState<PlanForm>(defaultForm);
  const plans = useQuery({ queryKey: queryKeys.plans(), queryFn: ({ signal }) => fetchPlans(signal) });
  const create = useMutation({ mutationFn: () => createPlan(form, selection), onSuccess: (created) => { onPlan(created); void client.invalidateQueries({ queryKey: queryKeys.plans() }); } });
  const status = useMutation({ mutationFn: (next: Plan['status']) => setPlanStatus(plan!.id, next), onSuccess: (updated) => { onPlan(updated); void client.invalidateQueries({ queryKey: queryKeys.plans() }); } });
  const open = async (id: string) => onPlan(await client.fetchQuery({ queryKey: queryKeys.plan(id), queryFn: ({ signal }) => fetchPlan(id, signal) }));
  const field = (key: keyof typeof FIELD_LABELS, type: 'text' | 'date' | 'number', extra: Record<string, number> = {}) => (
    <label>{p(FIELD_LABELS[key])}
      <input type={type} value={form[key]} {...extra} data-testid={`plan-${key}`}
        onChange={(event) => setForm({ ...form, [key]: type === 'number' ? Number(event.target.value) : event.target.value })} />
    </label>
  );
  return (
    <section className="plan">
      <h3>{p('planTitle')}</h3>
      {canPlan && <form className="plan-form" onSubmit={(event) => { event.preventDefault(); create.mutate(); }}>
        {field('name', 'text')}{field('startDate', 'date')}{field('endDate', 'date')}
        {field('units', 'number', { min: 1, max: 50 })}{field('shiftsPerDay', 'number', { min: 1, max: 3 })}{field('surpriseShare', 'number', { min: 0, max: 1, step: 0.05 })}
        <label>{p('targetsFrom')}
          <select value={form.targetsFrom} data-testid="plan-targetsFrom" onChange={(event) => setForm({ ...form, targetsFrom: event.target.value as PlanForm['targetsFrom'] })}>
            <option value="hotspots">{p('fromHotspots')}</option><option value="forecast">{p('fromForecast')}</option>
          </select>
        </label>
        <button type="submit" data-testid="generate-plan" disabled={create.isPending}>{create.isPending ? p('generating') : p('generate')}</button>
      </form>}
      {create.isPending && <div className="progress" role="progressbar" />}
      {create.error && <p className="error" role="alert">{create.error.message}</p>}
      {area.error && <p className="error" role="alert">{area.error.message}</p>}
      {plan && (
        <div className="plan-result" data-testid="plan-result">
          <div className="plan-actions no-print">
            {(['gpx', 'csv', 'geojson'] as const).map((format) => <a key={format} href={exportUrl(plan.id, format)} download data-testid={`export-${format}`}>{format.toUpperCase()}</a>)}
            <button type="button" data-testid="plan-print" onClick={() => void snapshot.print()}>{p('print')}</button>
            {canPlan && plan.status !== 'approved' && <button type="button" onClick={() => status.mutate('approved')}>{p('approve')}</button>}
            {canPlan && plan.status !== 'archived' && <button type="button" onClick={() => status.mutate('archived')}>{p('archive')}</button>}
          </div>
          {canPlan && <TrackUpload planId={plan.id} />}
          <DocumentDetailsForm details={details} onChange={setDetails} />
          {area.data && <OfficialDocument testId="plan-document" details={details} mapImage={snapshot.image} frame={{
            ...planBodies(area.data, language), isoDay: vietnamToday(),
            kind: text.kind, subject: text.subject(plan.name, day(plan.shifts[0]?.date), day(plan.shifts.at(-1)?.date)), signerTitle: text.signerTitle,
          }}>
          <p className="coverage">{p('coverage')}: <strong>{percent(plan.coverage.expectedRiskSharePerDay, language)}</strong> ({p('uniform')}: {percent(plan.coverage.uniformRiskSharePerDay, language)}, {plan.coverage.ratio.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} {p('times')}; {p('topK')}: {percent(plan.coverage.topKRiskSharePerDay, language)})</p>
          <p className="muted">{analysisText(plan.coverage.model.description, language)}</p>
          <p className="muted">{p('status')}: {p(plan.status)} · {p('seed')}: {plan.seed}</p>
          {plan.warnings.length > 0 && <p className="warnings">{plan.warnings.map((warning) => analysisText(warning, language)).join('; ')}</p>}
          <PlanSchedule plan={plan} />
          </OfficialDocument>}
        </div>
      )}
      <details className="saved-plans no-print">
        <summary>{p('savedPlans')} ({plans.data?.plans.length ?? 0})</summary>
        <ul>{plans.data?.plans.map((saved) => (
          <li key={saved.id}><button type="button" className="link" onClick={() => void open(saved.id)}>{saved.name}</button> <span className="muted">{saved.startDate} → {saved.endDate} · {p(saved.status)}</span></li>
        ))}</ul>
      </details>
    </section>
  );
}
