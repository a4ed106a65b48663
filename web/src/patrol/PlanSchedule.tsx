import { usePatrolText } from './messages.ts';
import type { Plan } from './types.ts';

const time = (iso: string): string => iso.slice(11, 16);

/** The schedule table: one row per unit, day and shift, with its ordered stops. */
export function PlanSchedule({ plan }: { plan: Plan }) {
  const { p } = usePatrolText();
  return (
    <table className="schedule" data-testid="plan-schedule">
      <thead><tr><th>{p('unit')}</th><th>{p('date')}</th><th>{p('shift')}</th><th>{p('stops')}</th></tr></thead>
      <tbody>
        {plan.shifts.map((shift) => (
          <tr key={`${shift.unitId}-${shift.date}-${shift.shift}`}>
            <td>{shift.unitName}<div className="muted">{shift.baseName}</div></td>
            <td>{shift.date.split('-').reverse().join('/')}</td>
            <td>{shift.shift}</td>
            <td>
              <ol className="stops">
                {shift.stops.map((stop) => (
                  <li key={stop.order} className={`stop-${stop.kind}`}>
                    {time(stop.arrival)} {stop.targetName} <span className="muted">({stop.kind === 'periodic' ? p('periodic') : p('surpriseKind')}, {stop.dwellMinutes} {p('dwell')})</span>
                  </li>
                ))}
              </ol>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
