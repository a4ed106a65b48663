import { useCallback, useEffect, useRef, useState } from 'react';
import distance from '@turf/distance';
import { VISIT_RADIUS_METERS } from '../../../server/patrol-tracks/measure.ts';
import { NO_PATROL, save, type PatrolState } from './field-db.ts';
import { filterFix, type FilterState, type Fix } from './track-filter.ts';
import type { Assignment } from './types.ts';

/** The GPS as the officer sees it; `received` counts every fix the phone reported, kept or not. */
export type GpsStatus = { state: 'off' | 'waiting' | 'ok' | 'weak' | 'denied' | 'unavailable'; last: Fix | null; accuracyMeters: number | null; received: number };
export type WakeStatus = 'off' | 'on' | 'unsupported' | 'refused';

/** Stops within 150 m of `fix` that have no arrival yet: their dwell timers start now. */
export function arrivalsAt(assignment: Assignment, patrol: PatrolState, fix: Fix): number[] {
  return assignment.stops
    .filter((stop) => patrol.arrivals[stop.order] === undefined && patrol.visited[stop.order] === undefined)
    .filter((stop) => distance([stop.lon, stop.lat], [fix.lon, fix.lat], { units: 'meters' }) <= VISIT_RADIUS_METERS)
    .map((stop) => stop.order);
}

/** Keeps the screen on during the patrol (Screen Wake Lock), taking the lock again when the app comes back into view. */
function useWakeLock(active: boolean): WakeStatus {
  const [status, setStatus] = useState<WakeStatus>('off');
  useEffect(() => {
    if (!active) return;
    if (!('wakeLock' in navigator)) return void setStatus('unsupported');
    let lock: WakeLockSentinel | null = null;
    let live = true;
    const take = () => navigator.wakeLock.request('screen').then((sentinel) => {
      if (!live) return void sentinel.release();
      lock = sentinel;
      setStatus('on');
    }, () => setStatus('refused'));
    const onVisible = () => { if (document.visibilityState === 'visible') void take(); };
    void take();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
      void lock?.release();
      setStatus('off');
    };
  }, [active]);
  // Off in the very render that ends the patrol, not one effect later: the screen shows "patrol ended" and the
  // lock's state together.
  return active ? status : 'off';
}

/**
 * The patrol on the phone: the GPS track while it runs (watchPosition, accuracy and jump filtering), arrivals within
 * 150 m of each stop, and the Wake Lock; every accepted fix is saved at once, so a reload or a crash loses nothing.
 */
export function usePatrol(assignment: Assignment | null, initial: PatrolState) {
  const [patrol, setPatrol] = useState<PatrolState>(initial);
  const [gps, setGps] = useState<GpsStatus>({ state: 'off', last: null, accuracyMeters: null, received: 0 });
  const filter = useRef<FilterState>({ last: initial.track.at(-1) ?? null, pending: null });
  const running = !!patrol.startedAt && !patrol.endedAt;
  const wake = useWakeLock(running);

  const update = useCallback((change: (current: PatrolState) => PatrolState) => {
    setPatrol((current) => {
      const next = change(current);
      void save('patrol', next);
      return next;
    });
  }, []);

  useEffect(() => {
    if (!running || !assignment) return void setGps((current) => ({ ...current, state: 'off' }));
    if (!('geolocation' in navigator)) return void setGps({ state: 'unavailable', last: null, accuracyMeters: null, received: 0 });
    setGps((current) => ({ ...current, state: 'waiting' }));
    const watch = navigator.geolocation.watchPosition((position) => {
      const fix: Fix = { lon: position.coords.longitude, lat: position.coords.latitude, accuracyMeters: position.coords.accuracy, at: position.timestamp || Date.now() };
      const answer = filterFix(filter.current, fix);
      filter.current = answer.state;
      setGps((current) => ({ state: answer.rejected === 'inaccurate' ? 'weak' : 'ok', last: answer.accepted.at(-1) ?? filter.current.last, accuracyMeters: fix.accuracyMeters, received: current.received + 1 }));
      if (answer.accepted.length === 0) return;
      update((current) => {
        const arrivals = { ...current.arrivals };
        for (const accepted of answer.accepted) for (const order of arrivalsAt(assignment, { ...current, arrivals }, accepted)) arrivals[order] = accepted.at;
        return { ...current, track: [...current.track, ...answer.accepted], arrivals };
      });
    }, (error) => setGps((current) => ({ ...current, state: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' })),
    { enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 });
    return () => navigator.geolocation.clearWatch(watch);
  }, [running, assignment, update]);

  return {
    patrol, gps, wake, running,
    start: () => update((current) => ({ ...current, startedAt: current.startedAt ?? new Date().toISOString(), endedAt: null })),
    end: () => update((current) => ({ ...current, endedAt: new Date().toISOString() })),
    markVisited: (order: number, clientId: string) => update((current) => ({ ...current, visited: { ...current.visited, [order]: clientId } })),
    reset: () => { filter.current = { last: null, pending: null }; update(() => NO_PATROL); },
  };
}
