import { useEffect, useState } from 'react';
import type { PatrolState } from './field-db.ts';
import { useFieldText } from './messages.ts';
import type { AssignedStop } from './types.ts';

const time = (iso: string) => iso.slice(11, 16);

/** The clock, ticking each second while a dwell timer runs. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

type StopListProps = {
  stops: readonly AssignedStop[];
  patrol: PatrolState;
  running: boolean;
  onConfirm: (stop: AssignedStop, dwellSeconds: number) => void;
  onFinding: (stop: AssignedStop) => void;
};

/** The stops in order with their windows; arriving within 150 m starts a stop's dwell timer, and the officer confirms the check. */
export function StopList({ stops, patrol, running, onConfirm, onFinding }: StopListProps) {
  const f = useFieldText();
  const now = useNow(running && stops.some((stop) => patrol.arrivals[stop.order] !== undefined && !patrol.visited[stop.order]));
  return (
    <ol className="stop-list">
      {stops.map((stop) => {
        const arrived = patrol.arrivals[stop.order];
        const visited = patrol.visited[stop.order];
        const seconds = arrived === undefined ? 0 : Math.max(0, (now - arrived) / 1000);
        const enough = seconds >= stop.dwellMinutes * 60;
        return (
          <li key={stop.order} data-testid={`stop-${stop.order}`} data-state={visited ? 'visited' : arrived !== undefined ? 'here' : 'planned'} className={visited ? 'visited' : arrived !== undefined ? 'here' : ''}>
            <div className="stop-head"><span className="stop-number">{stop.order}</span><strong>{stop.targetName}</strong></div>
            <span className="hint">{f('window')} {time(stop.windowStart)}–{time(stop.windowEnd)} · {f('dwell')} {stop.dwellMinutes} {f('minutes')}{stop.kind === 'surprise' ? ' · ⚡' : ''}</span>
            {visited && <span className="ok-text">✓ {f('visited')}</span>}
            {!visited && arrived !== undefined && (
              <div className="dwell" data-testid={`dwell-${stop.order}`}>
                <span className={enough ? 'ok-text' : ''}>{f('onSite')} {clock(seconds)} / {f('target')} {stop.dwellMinutes}:00</span>
                <div className="toolbar wrap">
                  <button type="button" className="primary" data-testid={`confirm-${stop.order}`} onClick={() => onConfirm(stop, Math.round(seconds))}>{f('confirm')}</button>
                </div>
              </div>
            )}
            {visited && running && <button type="button" data-testid={`finding-${stop.order}`} onClick={() => onFinding(stop)}>{f('finding')}</button>}
          </li>
        );
      })}
    </ol>
  );
}
