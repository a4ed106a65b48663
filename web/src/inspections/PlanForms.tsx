import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Polygon } from 'geojson';
import { ApiError, getJson, sendJson } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { AGENCIES, type Agency } from '../../../server/collections/vocabulary.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import { useDrawing } from '../map/draw/use-drawing.ts';
import { useInspectionsText } from './messages.ts';
import type { Plan, PlanItem } from './types.ts';

/** A plan's refusal or success under its form. */
function Outcome({ error, done, doneText }: { error: Error | null; done: boolean; doneText: string }) {
  if (error) return <p className="form-error" role="alert">{error.message}</p>;
  return done ? <p className="hint" role="status">{doneText}</p> : null;
}

/** Who inspects and on which day of the plan's period: the fields every plan item has. */
function AgenciesAndDay({ plan, agencies, onAgencies, date, onDate }: { plan: Plan; agencies: Agency[]; onAgencies: (next: Agency[]) => void; date: string; onDate: (next: string) => void }) {
  const { language } = useLanguage();
  const text = useInspectionsText();
  return (
    <>
      <fieldset className="toolbar wrap" data-testid="plan-agencies">
        <legend>{text('agencies')}</legend>
        {AGENCIES.map((agency) => (
          <label key={agency} className="check">
            <input type="checkbox" value={agency} checked={agencies.includes(agency)} onChange={(event) => onAgencies(event.target.checked ? [...agencies, agency] : agencies.filter((code) => code !== agency))} />
            {vocabularyLabel(agency, language)}
          </label>
        ))}
      </fieldset>
      <label>{text('plannedDate')}<input type="date" data-testid="plan-date" value={date} min={plan.from} max={plan.to} onChange={(event) => onDate(event.target.value)} /></label>
    </>
  );
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
        <select value={String(plan.id)} data-testid="add-to-plan-plan" onChange={(event) => setPlanId(event.target.value)}>
          {plans.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.title} ({formatWhen(candidate.from)} – {formatWhen(candidate.to)})</option>)}
        </select>
      </label>
      <AgenciesAndDay plan={plan} agencies={agencies} onAgencies={setAgencies} date={date} onDate={setDate} />
      <button type="button" data-testid="add-to-plan-submit" disabled={add.isPending || agencies.length === 0 || !date} onClick={() => add.mutate()}>{text('add')}</button>
      <Outcome error={add.error} done={add.isSuccess} doneText={text('added')} />
    </details>
  );
}

/** `AddToPlanForm` for a feature whose panel does not list plans already (a BTS site, a facility). */
export function AddFeatureToPlan({ target }: { target: { collection: string; id: number } }) {
  const plans = useQuery({ queryKey: queryKeys.inspectionPlans(), queryFn: ({ signal }) => getJson<{ plans: Plan[] }>('/api/inspection-plans', signal) });
  return plans.data ? <section className="incident-actions"><AddToPlanForm target={target} plans={plans.data.plans} /></section> : null;
}

/**
 * An area of a plan (a stretch of cable route, a market, a commune's centre), drawn on the map while the form is
 * open, with its name, agencies and day.
 */
export function AddAreaForm({ plan, onDrawing }: { plan: Plan; onDrawing: (request: DrawingRequest | null) => void }) {
  const text = useInspectionsText();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [agencies, setAgencies] = useState<Agency[]>(['police']);
  const [date, setDate] = useState('');
  const drawing = useDrawing('Polygon', null, `plan-area-${plan.id}`);
  useEffect(() => { if (open) onDrawing(drawing.request); }, [open, drawing.request, onDrawing]);
  useEffect(() => { if (!open) return; return () => onDrawing(null); }, [open, onDrawing]);
  const add = useMutation({
    mutationFn: () => sendJson('POST', `/api/inspection-plans/${plan.id}/items`, { target: { area: drawing.geometry as Polygon, name: name.trim() || undefined }, agencies, date }),
    onSuccess: () => {
      drawing.clear();
      setName('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.inspections() });
    },
  });
  return (
    <details data-testid="add-area" open={open} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{text('addArea')}</summary>
      <p className="hint">{drawing.geometry ? text('areaDrawn') : text('drawAreaHint')}</p>
      <div className="toolbar">
        <button type="button" onClick={drawing.undo} disabled={!drawing.canUndo}>↶</button>
        <button type="button" onClick={drawing.clear} disabled={!drawing.geometry}>{text('redrawArea')}</button>
      </div>
      <label>{text('areaName')}<input data-testid="add-area-name" value={name} onChange={(event) => setName(event.target.value)} /></label>
      <AgenciesAndDay plan={plan} agencies={agencies} onAgencies={setAgencies} date={date} onDate={setDate} />
      <button type="button" data-testid="add-area-submit" disabled={add.isPending || !drawing.geometry || agencies.length === 0 || !date} onClick={() => add.mutate()}>{text('add')}</button>
      <Outcome error={add.error} done={add.isSuccess} doneText={text('added')} />
    </details>
  );
}

/** Changes who inspects an item and when; the target stays (remove the item and add another to change it). */
export function EditItemForm({ plan, item, onDone }: { plan: Plan; item: PlanItem; onDone: () => void }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const [agencies, setAgencies] = useState<Agency[]>(item.agencies);
  const [date, setDate] = useState(item.date);
  const save = useMutation({
    mutationFn: () => sendJson('PATCH', `/api/inspection-plans/${plan.id}/items/${item.id}`, { agencies, date }, { 'If-Match': item.etag }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inspections() });
      onDone();
    },
    // A colleague changed the item since this editor opened: the plan is read again, so its list shows their change.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) void queryClient.invalidateQueries({ queryKey: queryKeys.inspections() });
    },
  });
  return (
    <div className="plan-item-editor" data-testid="plan-item-editor">
      <AgenciesAndDay plan={plan} agencies={agencies} onAgencies={setAgencies} date={date} onDate={setDate} />
      <div className="toolbar">
        <button type="button" className="primary" data-testid="plan-item-save" disabled={save.isPending || agencies.length === 0 || !date} onClick={() => save.mutate()}>{t('save')}</button>
        <button type="button" data-testid="plan-item-cancel" onClick={onDone}>{t('cancel')}</button>
      </div>
      <Outcome error={save.error} done={false} doneText="" />
    </div>
  );
}
