import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection, Point } from 'geojson';

export type LiveAlarm = { id: number; coordinates: [number, number]; owner: string | null; cleared: boolean; receivedAt: number };

const FLASH_MS = 60_000;
const PULSE_MS = 600;

/**
 * Subscribes to `/api/events` while signed in: an `incident.alarm` adds a notice and a flashing ring at the site for a
 * minute; any incident event refreshes the incident layer. The server sends each event only to users who may see it.
 */
export function useLiveAlarms() {
  const queryClient = useQueryClient();
  const [alarms, setAlarms] = useState<LiveAlarm[]>([]);
  const [pulse, setPulse] = useState(0);
  useEffect(() => {
    const source = new EventSource('/api/events');
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: ['collection', 'incidents'] });
      void queryClient.invalidateQueries({ queryKey: ['register'] });
    };
    source.addEventListener('incident.alarm', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { id: number; coordinates: [number, number]; owner: string | null; cleared?: boolean };
      setAlarms((current) => [{ id: data.id, coordinates: data.coordinates, owner: data.owner, cleared: data.cleared === true, receivedAt: Date.now() }, ...current.filter((alarm) => alarm.id !== data.id)].slice(0, 10));
      refresh();
    });
    source.addEventListener('incident.created', refresh);
    source.addEventListener('incident.updated', refresh);
    source.addEventListener('case.updated', (event) => {
      void queryClient.invalidateQueries({ queryKey: ['register'] });
      void queryClient.invalidateQueries({ queryKey: ['case', (JSON.parse((event as MessageEvent<string>).data) as { id: number }).id] });
    });
    return () => source.close();
  }, [queryClient]);
  const flashing = alarms.some((alarm) => Date.now() - alarm.receivedAt < FLASH_MS);
  useEffect(() => {
    if (!flashing) return;
    const timer = setInterval(() => setPulse((value) => 1 - value), PULSE_MS);
    return () => clearInterval(timer);
  }, [flashing]);
  // A new object only when something changed: the map re-uploads a source whenever its object changes.
  const rings = useMemo<FeatureCollection<Point>>(() => ({
    type: 'FeatureCollection',
    features: alarms.filter((alarm) => Date.now() - alarm.receivedAt < FLASH_MS).map((alarm) => ({ type: 'Feature', id: alarm.id, geometry: { type: 'Point', coordinates: alarm.coordinates }, properties: { pulse } })),
  }), [alarms, pulse]);
  return { alarms, rings, dismiss: (id: number) => setAlarms((current) => current.filter((alarm) => alarm.id !== id)) };
}
