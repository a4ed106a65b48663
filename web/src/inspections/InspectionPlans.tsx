import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { useInspectionsText } from './messages.ts';
import { NewPlanForm } from './PlanForms.tsx';
import type { Plan, PlanItem } from './types.ts';

/** A plan item's target as a person names it: the feature's name, or "Area" with the area's name. */
const targetName = (item: PlanItem, areaWord: string) => item.target.name ?? (item.target.kind === 'area' ? areaWord : `#${item.target.id}`);

/** The department's joint inspection plans: a new one, each period's items, who inspects, and which are done or past due. */
export function InspectionPlans() {
  const { language } = useLanguage();
  const text = useInspectionsText();
  const plans = useQuery({ queryKey: queryKeys.inspectionPlans(), queryFn: ({ signal }) => getJson<{ plans: Plan[] }>('/api/inspection-plans', signal) });
  const agencies = (codes: string[]) => codes.map((code) => vocabularyLabel(code, language)).join(', ');
  return (
    <section data-testid="inspection-plans">
      <h3>{text('plans')}</h3>
      <NewPlanForm />
      {plans.isPending && <span className="spinner" />}
      {plans.error && <p className="form-error">{plans.error.message}</p>}
      {plans.data?.plans.length === 0 && <p className="hint">{text('noPlans')}</p>}
      {plans.data?.plans.map((plan) => (
        <details key={plan.id} data-testid="inspection-plan">
          <summary>
            <span translate="no">{plan.title}</span> ({formatWhen(plan.from)} – {formatWhen(plan.to)}): {plan.counts.done} {text('itemsDone')}, {plan.counts.overdue} {text('itemsOverdue')}, {plan.counts.planned} {text('itemsPlanned')}
          </summary>
          <ul className="queue">
            {plan.items.map((item) => (
              <li key={item.id} data-testid="inspection-plan-item" data-status={item.status}>
                {formatWhen(item.date)} · <span translate="no">{targetName(item, text('area'))}</span> · {agencies(item.agencies)} · <strong>{text(`status_${item.status}`)}</strong>
                {item.status !== 'done' && item.missing.length < item.agencies.length && <span className="hint"> ({text('awaiting')} {agencies(item.missing)})</span>}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
