import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { AGENCIES, type Agency } from '../../../server/collections/vocabulary.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { useInspectionsText } from './messages.ts';
import type { Plan } from './types.ts';

/** A plan's refusal or success under its form. */
function Outcome({ error, done, doneText }: { error: Error | null; done: boolean; doneText: string }) {
  if (error) return <p className="form-error" role="alert">{error.message}</p>;
  return done ? <p className="hint" role="status">{doneText}</p> : null;
}

/** The department's form for a new plan: a title and its period (items are added from the features' panels). */
export function NewPlanForm() {
  const text = useInspectionsText();
  const queryClient = useQueryClient();
  const [plan, setPlan] = useState({ title: '', from: '', to: '' });
  const create = useMutation({
    mutationFn: () => sendJson<Plan>('POST', '/api/inspection-plans', { title: plan.title, from: plan.from, to: plan.to }),
    onSuccess: () => {
      setPlan({ title: '', from: '', to: '' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inspections() });
    },
  });
  return (
    <details data-testid="new-plan">
      <summary>{text('newPlan')}</summary>
      <label>{text('planTitle')}<input data-testid="new-plan-title" value={plan.title} onChange={(event) => setPlan({ ...plan, title: event.target.value })} /></label>
      <div className="toolbar wrap">
        <label>{text('periodFrom')}<input type="date" value={plan.from} onChange={(event) => setPlan({ ...plan, from: event.target.value })} /></label>
        <label>{text('periodTo')}<input type="date" value={plan.to} min={plan.from} onChange={(event) => setPlan({ ...plan, to: event.target.value })} /></label>
      </div>
      <button type="button" disabled={create.isPending || !plan.title.trim() || !plan.from || !plan.to} onClick={() => create.mutate()}>{text('create')}</button>
      <Outcome error={create.error} done={create.isSuccess} doneText={text('created')} />
      <p className="hint">{text('addHint')}</p>
    </details>
  );
}

/** From a feature's panel, the department puts it into a plan: which agencies inspect it, on which day of the plan. */
export function AddToPlanForm({ target, plans }: { target: { collection: string; id: number }; plans: Plan[] }) {
  const { language } = useLanguage();
  const text = useInspectionsText();
  const queryClient = useQueryClient();
  const [planId, setPlanId] = useState('');
  const [agencies, setAgencies] = useState<Agency[]>(['police']);
  const [date, setDate] = useState('');
  const plan = plans.find((candidate) => String(candidate.id) === planId) ?? plans[0];
  const add = useMutation({
    mutationFn: () => sendJson('POST', `/api/inspection-plans/${plan.id}/items`, { target, agencies, date }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.inspections() }),
  });
  if (!plan) return null;
  return (
    <details data-testid="add-to-plan">
      <summary>{text('addToPlan')}</summary>
      <label>{text('plan')}
        <select value={String(plan.id)} onChange={(event) => setPlanId(event.target.value)}>
          {plans.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.title} ({formatWhen(candidate.from)} – {formatWhen(candidate.to)})</option>)}
        </select>
      </label>
      <fieldset className="toolbar wrap">
        <legend>{text('agencies')}</legend>
        {AGENCIES.map((agency) => (
          <label key={agency} className="check">
            <input type="checkbox" checked={agencies.includes(agency)} onChange={(event) => setAgencies(event.target.checked ? [...agencies, agency] : agencies.filter((code) => code !== agency))} />
            {vocabularyLabel(agency, language)}
          </label>
        ))}
      </fieldset>
      <label>{text('plannedDate')}<input type="date" value={date} min={plan.from} max={plan.to} onChange={(event) => setDate(event.target.value)} /></label>
      <button type="button" disabled={add.isPending || agencies.length === 0 || !date} onClick={() => add.mutate()}>{text('add')}</button>
      <Outcome error={add.error} done={add.isSuccess} doneText={text('added')} />
    </details>
  );
}
