import type { Fix } from './track-filter.ts';
import type { FindingDraft } from './FindingForm.tsx';
import type { Assignment, AssignedStop } from './types.ts';
import type { PatrolState } from './field-db.ts';
import { newClientId } from '../offline/client-id.ts';
import { toBase64 } from '../photos/resize.ts';
import { fieldOutbox } from './field-outbox.ts';
import { trackGpx } from './gpx.ts';

/** The fix that started a stop's dwell timer: where the officer was on arrival. */
const arrivalFix = (patrol: PatrolState, stop: AssignedStop): Fix | undefined => patrol.track.find((fix) => fix.at === patrol.arrivals[stop.order]);

/** Queues the check-in of a stop; its id is the write's idempotency key and the visit's id on the server. */
export async function queueVisit(assignment: Assignment, patrol: PatrolState, stop: AssignedStop, dwellSeconds: number): Promise<string> {
  const at = arrivalFix(patrol, stop) ?? patrol.track.at(-1)!;
  const id = newClientId();
  const body = {
    planId: assignment.planId, date: assignment.date, shift: assignment.shift, unitName: assignment.unitName, stopOrder: stop.order,
    arrivedAt: new Date(patrol.arrivals[stop.order]).toISOString(), confirmedAt: new Date().toISOString(), dwellSeconds,
    lon: at.lon, lat: at.lat, accuracyMeters: at.accuracyMeters,
  };
  await fieldOutbox.add({ id, kind: 'visit', label: `${stop.order}. ${stop.targetName}`, method: 'POST', url: '/api/field/visits', contentType: 'application/json', body: JSON.stringify(body) });
  return id;
}

/** Queues a finding made at a stop, with its photo and, when it is one, the incident to file. */
export async function queueFinding(assignment: Assignment, patrol: PatrolState, stop: AssignedStop, draft: FindingDraft): Promise<void> {
  const at = patrol.track.at(-1) ?? arrivalFix(patrol, stop)!;
  const body = {
    planId: assignment.planId, visitId: patrol.visited[stop.order], kind: draft.kind, ...(draft.note.trim() ? { note: draft.note.trim().normalize('NFC') } : {}),
    observedAt: new Date().toISOString(), lon: at.lon, lat: at.lat, accuracyMeters: at.accuracyMeters,
    ...(draft.photo ? { photo: { mediaType: 'image/jpeg', data: await toBase64(draft.photo.blob) } } : {}),
    ...(draft.incidentType ? { incident: { type: draft.incidentType } } : {}),
  };
  await fieldOutbox.add({ id: newClientId(), kind: 'finding', label: `${stop.order}. ${stop.targetName} — ${draft.kind}`, method: 'POST', url: '/api/field/findings', contentType: 'application/json', body: JSON.stringify(body) });
}

/** Queues the recorded track as the plan's patrol track (GPX, measured on the server like an uploaded file). */
export async function queueTrack(assignment: Assignment, patrol: PatrolState): Promise<void> {
  const name = `${assignment.unitName} · ca ${assignment.shift} · ${assignment.date}`;
  await fieldOutbox.add({
    id: newClientId(), kind: 'track', label: `${name} (${patrol.track.length})`, method: 'POST',
    url: `/api/patrol-plans/${encodeURIComponent(assignment.planId)}/tracks?name=${encodeURIComponent(name)}`, contentType: 'application/gpx+xml', body: trackGpx(name, patrol.track),
  });
}
