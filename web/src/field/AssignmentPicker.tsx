import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import { useFieldText } from './messages.ts';
import type { Assignment } from './types.ts';

const time = (iso: string) => iso.slice(11, 16);

/** Today's shifts of approved plans; the officer takes one and downloads its area. */
export function AssignmentPicker({ onTake, busy, step }: { onTake: (assignment: Assignment) => void; busy: boolean; step: string | null }) {
  const f = useFieldText();
  const query = useQuery({ queryKey: ['field-assignments'], queryFn: ({ signal }) => getJson<{ date: string; assignments: Assignment[] }>('/api/field/assignments', signal) });
  if (query.isPending) return <p className="hint"><span className="spinner" />…</p>;
  if (query.error) return <p className="form-error">{f('loadFailed')}: {query.error.message} <button type="button" onClick={() => void query.refetch()}>{f('retry')}</button></p>;
  return (
    <section>
      <h2>{f('today')} · {query.data.date.split('-').reverse().join('/')}</h2>
      {query.data.assignments.length === 0 && <p className="hint">{f('none')}</p>}
      <ul className="assignments">
        {query.data.assignments.map((assignment) => (
          <li key={`${assignment.planId}/${assignment.shift}/${assignment.unitId}`} data-testid="assignment" data-plan={assignment.planId}>
            <strong>{assignment.unitName}</strong> · {f('shift')} {assignment.shift}
            <span className="hint">{assignment.planName} · {assignment.stops.length} {f('stops')}
              {assignment.stops[0] ? ` · ${time(assignment.stops[0].windowStart)}–${time(assignment.stops.at(-1)!.windowEnd)}` : ''}</span>
            <button type="button" className="primary" data-testid="take-assignment" disabled={busy} onClick={() => onTake(assignment)}>
              {busy ? <><span className="spinner" />{f('downloading')} {step ?? ''}</> : f('download')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
