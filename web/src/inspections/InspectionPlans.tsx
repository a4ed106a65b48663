import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import { useInspectionsText } from './messages.ts';
import { AddAreaForm, EditItemForm, NewPlanForm } from './PlanForms.tsx';
import type { Plan, PlanItem } from './types.ts';

/** A plan item's target as a person names it: the feature's name, or "Area" with the area's name. */
const targetName = (item: PlanItem, areaWord: string) => item.target.name ?? (item.target.kind === 'area' ? areaWord : `#${item.target.id}`);

type Removed = { planId: number; itemId: number; name: string };

/**
 * The department's (and the operator's: the oversight workspace is theirs) joint inspection plans: a new one, each period's items, who inspects, and which are done or past
 * due. The department changes an item's agencies and day, removes an item not yet carried out (with undo), and adds
 * drawn areas; items for agents, dealers and sites are added from their panels.
 */
export function InspectionPlans({ onDrawing }: { onDrawing: (request: DrawingRequest | null) => void }) {
  const { language, t } = useLanguage();
  const text = useInspectionsText();
  const queryClient = useQueryClient();
  const plans = useQuery({ queryKey: queryKeys.inspectionPlans(), queryFn: ({ signal }) => getJson<{ plans: Plan[] }>('/api/inspection-plans', signal) });
  const [editing, setEditing] = useState<number | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.inspections() });
  const remove = useMutation({
    mutationFn: ({ planId, itemId }: Removed) => sendJson<void>('DELETE', `/api/inspection-plans/${planId}/items/${itemId}`),
    onSuccess: (_, item) => { setRemoved(item); refresh(); },
  });
  // Undo brings the item back under its own id, with its agencies, day and history.
  const restore = useMutation({
    mutationFn: ({ planId, itemId }: Removed) => sendJson('POST', `/api/inspection-plans/${planId}/items/${itemId}/restore`, {}),
    onSuccess: () => { setRemoved(null); refresh(); },
  });
  const agencies = (codes: string[]) => codes.map((code) => vocabularyLabel(code, language)).join(', ');
  return (
    <section data-testid="inspection-plans">
      <h3>{text('plans')}</h3>
      <NewPlanForm />
      {removed && (
        <p className="notice" role="status" data-testid="plan-item-removed">
          {text('itemRemoved')}: <span translate="no">{removed.name}</span> · <button type="button" data-testid="plan-item-undo" disabled={restore.isPending} onClick={() => restore.mutate(removed)}>↶ {t('undo')}</button>
        </p>
      )}
      {restore.isSuccess && !removed && <p className="hint" role="status" data-testid="plan-item-restored">{text('itemRestored')}</p>}
      {(remove.error ?? restore.error) && <p className="form-error" role="alert" data-testid="plan-item-error">{(remove.error ?? restore.error)!.message}</p>}
      {plans.isPending && <span className="spinner" />}
      {plans.error && <p className="form-error">{plans.error.message}</p>}
      {plans.data?.plans.length === 0 && <p className="hint">{text('noPlans')}</p>}
      {plans.data?.plans.map((plan) => (
        <details key={plan.id} data-testid="inspection-plan" data-plan={plan.id}>
          <summary>
            <span translate="no">{plan.title}</span> ({formatWhen(plan.from)} – {formatWhen(plan.to)}): {plan.counts.done} {text('itemsDone')}, {plan.counts.overdue} {text('itemsOverdue')}, {plan.counts.planned} {text('itemsPlanned')}
          </summary>
          <ul className="queue">
            {plan.items.map((item) => (
              <li key={item.id} data-testid="inspection-plan-item" data-item={item.id} data-status={item.status}>
                {formatWhen(item.date)} · <span translate="no">{targetName(item, text('area'))}</span> · {agencies(item.agencies)} · <strong>{text(`status_${item.status}`)}</strong>
                {item.status !== 'done' && item.missing.length < item.agencies.length && <span className="hint"> ({text('awaiting')} {agencies(item.missing)})</span>}
                {editing !== item.id && (
                  <div className="toolbar">
                    <button type="button" data-testid="plan-item-edit" onClick={() => setEditing(item.id)}>{text('editItem')}</button>
                    {/* An item an agency has carried out stays in the plan (its record points at it). */}
                    {item.missing.length === item.agencies.length && (
                      <button type="button" className="danger" data-testid="plan-item-remove" disabled={remove.isPending}
                        onClick={() => window.confirm(text('confirmRemoveItem')) && remove.mutate({ planId: plan.id, itemId: item.id, name: targetName(item, text('area')) })}>{text('removeItem')}</button>
                    )}
                  </div>
                )}
                {editing === item.id && <EditItemForm plan={plan} item={item} onDone={() => setEditing(null)} />}
              </li>
            ))}
          </ul>
          <AddAreaForm plan={plan} onDrawing={onDrawing} />
        </details>
      ))}
    </section>
  );
}
