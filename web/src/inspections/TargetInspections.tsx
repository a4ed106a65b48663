import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, getJson, sendJson } from '../api/client.ts';
import type { SessionUser } from '../auth/session.ts';
import { formatWhen } from '../format/format-value.ts';
import { problemText } from '../i18n/errors.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { agenciesOfRole } from '../../../server/inspections/agencies.ts';
import { InspectionForm } from './InspectionForm.tsx';
import { AddToPlanForm } from './PlanForms.tsx';
import { useInspectionsText } from './messages.ts';
import type { Inspection, Plan } from './types.ts';
import { queryKeys } from '../api/query-keys.ts';

const VND = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });

/** One inspection in a line: when, by whom (with whom), the result, the decision and what was found. */
function InspectionLine({ inspection }: { inspection: Inspection }) {
  const { language } = useLanguage();
  const text = useInspectionsText();
  const agencies = [inspection.agency, ...inspection.jointWith].map((agency) => vocabularyLabel(agency, language)).join(', ');
  const decision = inspection.decision.kind === 'none' ? text('noAction') : vocabularyLabel(inspection.decision.kind, language);
  const fine = inspection.decision.kind === 'fine' && inspection.decision.amountVnd ? ` ${text('fineOf')} ${VND.format(inspection.decision.amountVnd)}` : '';
  return (
    <li data-testid="inspection-line" data-result={inspection.result}>
      {formatWhen(inspection.date)} — <strong>{vocabularyLabel(inspection.result, language)}</strong> · {decision}{fine} · {text('by')} {agencies}
      {inspection.findings.length > 0 && <span className="hint"> · {inspection.findings.map((finding) => `${vocabularyLabel(finding.kind, language)} (${vocabularyLabel(finding.severity, language)})`).join('; ')}</span>}
      {inspection.notes && <span translate="no">: {inspection.notes}</span>}
    </li>
  );
}

/**
 * A service agent's or scrap dealer's inspections by every agency the reader may see, and for security staff the
 * form to record their own (against a planned item when one is open for this target); the department also puts the
 * target into one of its plans.
 */
export function TargetInspections({ collection, id, user }: { collection: 'service_agents' | 'scrap_dealers'; id: number | string; user: SessionUser }) {
  const text = useInspectionsText();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const allowed = agenciesOfRole(user.role);
  const list = useQuery({
    queryKey: queryKeys.targetInspections(collection, id),
    queryFn: ({ signal }) => getJson<{ inspections: Inspection[] }>(`/api/inspections?collection=${collection}&id=${id}&limit=50`, signal),
  });
  const plans = useQuery({ queryKey: queryKeys.inspectionPlans(), queryFn: ({ signal }) => getJson<{ plans: Plan[] }>('/api/inspection-plans', signal), enabled: allowed.length > 0 });
  const openItems = (plans.data?.plans ?? []).flatMap((plan) => plan.items
    .filter((item) => item.target.collection === collection && item.target.id === Number(id) && item.missing.some((agency) => allowed.includes(agency)))
    .map((item) => ({ ...item, title: plan.title })));
  const record = useMutation({
    mutationFn: (body: Record<string, unknown>) => sendJson<Inspection>('POST', '/api/inspections', { ...body, ...(body.planItemId ? {} : { target: { collection, id: Number(id) } }) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inspections() });
      void queryClient.invalidateQueries({ queryKey: ['item', collection] });
      void queryClient.invalidateQueries({ queryKey: ['collection', collection] });
    },
  });
  const problems = record.error instanceof ApiError ? ((record.error.details?.problems as { path: string; message: string }[] | undefined) ?? []) : [];
  return (
    <section className="incident-actions" data-testid="target-inspections">
      <h3>{text('inspections')}</h3>
      {(user.role === 'admin' || user.role === 'dic_reviewer') && plans.data && <AddToPlanForm target={{ collection, id: Number(id) }} plans={plans.data.plans} />}
      {allowed.length > 0 && <InspectionForm agencies={allowed} openItems={openItems} pending={record.isPending} onSubmit={(body) => record.mutate(body)} />}
      {record.isSuccess && <p className="hint" role="status">{text('recorded')}</p>}
      {record.error && (
        <div className="form-error" role="alert">
          {record.error.message}
          {problems.length > 1 && <ul>{problems.slice(1).map((problem) => <li key={problem.path + problem.message}>{problemText(problem, language)}</li>)}</ul>}
        </div>
      )}
      {list.error && <p className="form-error">{list.error.message}</p>}
      {list.data?.inspections.length === 0 && <p className="hint">{text('none')}</p>}
      <ul className="history">{list.data?.inspections.map((inspection) => <InspectionLine key={inspection.id} inspection={inspection} />)}</ul>
    </section>
  );
}
