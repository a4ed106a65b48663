import { useState } from 'react';
import { AGENCIES, FINDING_SEVERITIES, INSPECTION_DECISIONS, INSPECTION_FINDING_KINDS, type Agency } from '../../../server/collections/vocabulary.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { useInspectionsText } from './messages.ts';
import type { PlanItem } from './types.ts';

type Finding = { kind: string; severity: string; note: string };
/** Today in the browser's own time zone (the inspector's), as the date field wants it. */
const today = () => new Date().toLocaleDateString('sv');

/**
 * The form to record one's own inspection: as which agency (of the caller's), with whom, when, what was found and
 * what was decided. The server checks it again in full; this form only shapes the request.
 */
export function InspectionForm({ agencies, openItems, pending, onSubmit }: {
  agencies: readonly Agency[]; openItems: (PlanItem & { title: string })[]; pending: boolean; onSubmit: (body: Record<string, unknown>) => void;
}) {
  const { language } = useLanguage();
  const text = useInspectionsText();
  const [planItemId, setPlanItemId] = useState('');
  const item = openItems.find((candidate) => String(candidate.id) === planItemId);
  const choices = item ? agencies.filter((agency) => item.missing.includes(agency)) : agencies;
  const [chosenAgency, setAgency] = useState<Agency>(agencies[0]);
  const agency = choices.includes(chosenAgency) ? chosenAgency : choices[0];
  const [jointWith, setJointWith] = useState<Agency[]>([]);
  const [date, setDate] = useState(today());
  const [findings, setFindings] = useState<Finding[]>([]);
  const [decision, setDecision] = useState('none');
  const [amount, setAmount] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [notes, setNotes] = useState('');
  const label = (code: string) => (code === 'none' ? text('noAction') : vocabularyLabel(code, language));
  const setFinding = (index: number, change: Partial<Finding>) => setFindings(findings.map((finding, at) => (at === index ? { ...finding, ...change } : finding)));
  const submit = () => onSubmit({
    ...(item ? { planItemId: item.id } : {}), agency, jointWith: jointWith.filter((other) => other !== agency), date,
    findings: findings.map(({ kind, severity, note }) => ({ kind, severity, ...(note.trim() ? { note: note.trim() } : {}) })),
    decision: decision === 'fine' ? { kind: 'fine', amountVnd: Number(amount), legalBasis } : { kind: decision },
    ...(followUp ? { followUpDate: followUp } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}),
  });
  return (
    <details className="inspection-form" data-testid="inspection-form">
      <summary>{text('record')}</summary>
      {openItems.length > 0 && (
        <label>{text('planItem')}
          <select data-testid="inspection-plan-item" value={planItemId} onChange={(event) => setPlanItemId(event.target.value)}>
            <option value="">{text('noPlanItem')}</option>
            {openItems.map((open) => <option key={open.id} value={open.id}>{open.title} · {formatWhen(open.date)}</option>)}
          </select>
        </label>
      )}
      <label>{text('agency')}
        <select data-testid="inspection-agency" value={agency} onChange={(event) => setAgency(event.target.value as Agency)}>
          {choices.map((code) => <option key={code} value={code}>{label(code)}</option>)}
        </select>
      </label>
      <fieldset className="toolbar wrap">
        <legend>{text('jointWith')}</legend>
        {AGENCIES.filter((other) => other !== agency).map((other) => (
          <label key={other} className="check">
            <input type="checkbox" checked={jointWith.includes(other)} onChange={(event) => setJointWith(event.target.checked ? [...jointWith, other] : jointWith.filter((code) => code !== other))} />
            {label(other)}
          </label>
        ))}
      </fieldset>
      <label>{text('date')}<input type="date" data-testid="inspection-date" value={date} max={today()} onChange={(event) => setDate(event.target.value)} /></label>
      <fieldset>
        <legend>{text('findings')}</legend>
        {findings.map((finding, index) => (
          <div key={index} className="toolbar wrap" data-testid="inspection-finding">
            <select aria-label={text('findings')} value={finding.kind} onChange={(event) => setFinding(index, { kind: event.target.value })}>
              {INSPECTION_FINDING_KINDS.map((kind) => <option key={kind} value={kind}>{label(kind)}</option>)}
            </select>
            <select aria-label={text('findings')} value={finding.severity} onChange={(event) => setFinding(index, { severity: event.target.value })}>
              {FINDING_SEVERITIES.map((severity) => <option key={severity} value={severity}>{label(severity)}</option>)}
            </select>
            <input placeholder={text('findingNote')} value={finding.note} onChange={(event) => setFinding(index, { note: event.target.value })} />
            <button type="button" aria-label={text('removeFinding')} onClick={() => setFindings(findings.filter((_, at) => at !== index))}>×</button>
          </div>
        ))}
        <button type="button" data-testid="inspection-add-finding" onClick={() => setFindings([...findings, { kind: INSPECTION_FINDING_KINDS[0], severity: 'minor', note: '' }])}>{text('addFinding')}</button>
      </fieldset>
      <label>{text('decision')}
        <select data-testid="inspection-decision" value={decision} onChange={(event) => setDecision(event.target.value)}>
          {INSPECTION_DECISIONS.map((kind) => <option key={kind} value={kind}>{label(kind)}</option>)}
        </select>
      </label>
      {decision === 'fine' && (
        <div className="toolbar wrap">
          <label>{text('amountVnd')}<input type="number" inputMode="numeric" min={1} step={1000} data-testid="inspection-fine" value={amount} onChange={(event) => setAmount(event.target.value)} /></label>
          <label>{text('legalBasis')}<input data-testid="inspection-legal-basis" value={legalBasis} onChange={(event) => setLegalBasis(event.target.value)} /></label>
        </div>
      )}
      <label>{text('followUp')}<input type="date" value={followUp} min={date} onChange={(event) => setFollowUp(event.target.value)} /></label>
      <label>{text('notes')}<input value={notes} onChange={(event) => setNotes(event.target.value)} /></label>
      <button type="button" data-testid="inspection-submit" disabled={pending} onClick={submit}>{text('submit')}</button>
    </details>
  );
}
