import { useQuery } from '@tanstack/react-query';
import { fetchItems } from '../api/endpoints.ts';
import { queryKeys } from '../api/query-keys.ts';
import { RECORD_START, vietnamToday } from '../state/viewport.ts';
import { usePatrolText } from './messages.ts';

/** The record from its first day up to today; the slider picks whole months inside it (the last one ends today). */
const HISTORY = { start: RECORD_START, end: vietnamToday() };

export function monthsBetween(start: string, end: string): string[] {
  const months: string[] = [];
  let year = Number(start.slice(0, 4)), month = Number(start.slice(5, 7));
  const last = end.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
}
export const HISTORY_MONTHS = monthsBetween(HISTORY.start, HISTORY.end);

/**
 * The last day of a month of the record: the month's last day, or today for the current month.
 * @example monthEnd('2026-02', '2026-12-01') // '2026-02-28'
 */
export function monthEnd(month: string, today = HISTORY.end): string {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return last > today ? today : last;
}

type Props = { from: number; to: number; onChange: (from: number, to: number) => void };

/** Incidents per month as bars, with a two-handle slider over the months that sets the analysis window. */
export function IncidentHistogram({ from, to, onChange }: Props) {
  const { p } = usePatrolText();
  const history = useQuery({ queryKey: queryKeys.incidentHistory(HISTORY), queryFn: ({ signal }) => fetchItems('incidents', { datetime: HISTORY }, signal), staleTime: Infinity });
  const counts = HISTORY_MONTHS.map((month) => history.data?.features.filter((f) => String(f.properties?.occurred_at ?? '').startsWith(month)).length ?? 0);
  const max = Math.max(1, ...counts);
  const width = 100 / HISTORY_MONTHS.length;
  return (
    <div className="histogram" data-testid="incident-histogram">
      <div className="histogram-title">{p('incidentsPerMonth')}{history.isFetching && ' …'}</div>
      <svg viewBox="0 0 100 30" preserveAspectRatio="none" role="img" aria-label={p('incidentsPerMonth')}>
        {counts.map((count, index) => (
          <rect key={HISTORY_MONTHS[index]} x={index * width + 0.1} width={width - 0.2} y={30 - (count / max) * 30} height={(count / max) * 30}
            className={index >= from && index <= to ? 'bar bar-in' : 'bar'}><title>{`${HISTORY_MONTHS[index]}: ${count}`}</title></rect>
        ))}
      </svg>
      <input type="range" min={0} max={HISTORY_MONTHS.length - 1} value={from} aria-label={p('start')} data-testid="window-from"
        onChange={(event) => onChange(Math.min(Number(event.target.value), to), to)} />
      <input type="range" min={0} max={HISTORY_MONTHS.length - 1} value={to} aria-label={p('end')} data-testid="window-to"
        onChange={(event) => onChange(from, Math.max(Number(event.target.value), from))} />
      <div className="histogram-range">{HISTORY_MONTHS[from]} → {HISTORY_MONTHS[to]}</div>
    </div>
  );
}
