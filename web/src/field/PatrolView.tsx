import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { FeatureCollection } from 'geojson';
import { useLayout } from '../layout/breakpoints.ts';
import { Sheet } from '../layout/Sheet.tsx';
import { useCoveredInsets } from '../layout/use-covered-insets.ts';
import { assignmentBbox } from './download.ts';
import { NO_PATROL, type FieldData } from './field-db.ts';
import { FIELD_SOURCES } from './field-style.ts';
import { fieldOutbox } from './field-outbox.ts';
import { queueFinding, queueTrack, queueVisit } from './field-writes.ts';
import { FieldMap } from './FieldMap.tsx';
import { FindingForm } from './FindingForm.tsx';
import { useFieldText } from './messages.ts';
import { OutboxPanel } from './OutboxPanel.tsx';
import { StopList } from './StopList.tsx';
import { StorageUsage } from './StorageUsage.tsx';
import type { AssignedStop } from './types.ts';
import { usePatrol } from './use-patrol.ts';

export type Downloaded = Pick<FieldData, 'assignment' | 'basemap' | 'layers' | 'patrol'>;

const collection = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });

/** The patrol: the map of the area, the stops, check-ins and findings, the track, and what waits to be sent. */
export function PatrolView({ data, onSend, onLeave }: { data: Downloaded; onSend: () => void; onLeave: () => void }) {
  const f = useFieldText();
  const layout = useLayout();
  const { insets, setContainer, register } = useCoveredInsets();
  const { assignment } = data;
  const { patrol, gps, wake, running, start, end, markVisited } = usePatrol(assignment, data.patrol ?? NO_PATROL);
  const [findingAt, setFindingAt] = useState<AssignedStop | null>(null);
  const bbox = useMemo(() => assignmentBbox(assignment), [assignment]);
  const stops = useMemo(() => collection(assignment.stops.map((stop) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [stop.lon, stop.lat] },
    properties: { order: stop.order, visited: !!patrol.visited[stop.order], here: patrol.arrivals[stop.order] !== undefined },
  }))), [assignment, patrol.visited, patrol.arrivals]);
  const track = useMemo(() => collection(patrol.track.length > 1 ? [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: patrol.track.map((fix) => [fix.lon, fix.lat]) } }] : []), [patrol.track]);
  const me = useMemo(() => collection(gps.last ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [gps.last.lon, gps.last.lat] } }] : []), [gps.last]);
  const route = useMemo(() => collection([assignment.route]), [assignment]);
  const sources = useMemo(() => ({ ...data.layers, [FIELD_SOURCES.route]: route, [FIELD_SOURCES.stops]: stops, [FIELD_SOURCES.track]: track, [FIELD_SOURCES.me]: me }), [data.layers, route, stops, track, me]);
  useEffect(() => { if (!running) setFindingAt(null); }, [running]);

  const gpsText = { off: f('gpsOff'), waiting: f('gpsWaiting'), ok: f('gpsOk'), weak: f('gpsWeak'), denied: f('gpsDenied'), unavailable: f('gpsUnavailable') }[gps.state];
  const wakeText = { off: '', on: f('wakeOn'), refused: f('wakeRefused'), unsupported: f('wakeUnsupported') }[wake];
  return (
    <main className={`app-main layout-${layout}`} ref={setContainer} style={{ '--cover-bottom': `${insets.bottom}px` } as CSSProperties}>
      <FieldMap basemap={data.basemap} sources={sources} bbox={bbox} insets={insets} />
      <Sheet title={`${assignment.unitName} · ${f('shift')} ${assignment.shift}`} layout={layout} side="start" initialSnap="half" register={register} testId="field-sheet">
        <div className="workspace-panel field-panel">
          <p className="hint">{assignment.planName} · {assignment.date.split('-').reverse().join('/')}</p>
          <div className="patrol-status" data-testid="gps-status" data-state={gps.state} data-received={gps.received} data-wake={wake}>
            {gpsText}{gps.accuracyMeters !== null ? ` (±${Math.round(gps.accuracyMeters)} m)` : ''} · <span data-testid="track-points">{patrol.track.length}</span> {f('points')}{wakeText ? ` · ${wakeText}` : ''}
          </div>
          {!patrol.startedAt && <button type="button" className="primary" data-testid="start-patrol" onClick={start}>{f('start')}</button>}
          {findingAt ? (
            <FindingForm onCancel={() => setFindingAt(null)} onSave={(draft) => {
              const stop = findingAt;
              setFindingAt(null);
              void queueFinding(assignment, patrol, stop, draft).then(onSend);
            }} />
          ) : (
            <StopList stops={assignment.stops} patrol={patrol} running={running} onFinding={setFindingAt}
              onConfirm={(stop, dwellSeconds) => void queueVisit(assignment, patrol, stop, dwellSeconds).then((id) => { markVisited(stop.order, id); onSend(); })} />
          )}
          {running && <button type="button" className="danger" data-testid="end-patrol" onClick={() => { end(); void queueTrack(assignment, patrol).then(onSend); }}>{f('end')}</button>}
          {patrol.endedAt && <p className="notice" data-testid="patrol-ended">{f('ended')}</p>}
          <OutboxPanel onSend={onSend} />
          <StorageUsage />
          {patrol.endedAt && <button type="button" onClick={() => void fieldOutbox.list().then(onLeave)}>{f('newPatrol')}</button>}
        </div>
      </Sheet>
    </main>
  );
}
