import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { selectIncidents, type IncidentProperties } from './index.ts';

function incident(id: number, lon: number, lat: number, props: Partial<IncidentProperties>): Feature<Point, IncidentProperties> {
  return turf.point([lon, lat], { type: 'cable_theft', source: 'patrol', status: 'verified', occurred_at: '2026-03-10T08:00:00Z', ...props }, { id });
}
const incidents: FeatureCollection<Point, IncidentProperties> = turf.featureCollection([
  incident(1, 108.0, 14.4, {}),
  incident(2, 108.0, 14.4, { status: 'false_alarm' }),
  incident(3, 108.0, 14.4, { status: 'duplicate' }),
  incident(4, 108.0, 14.4, { type: 'vandalism', source: 'hotline' }),
  incident(5, 108.0, 14.4, { occurred_at: '2026-02-28T23:59:59Z' }),
  incident(6, 108.0, 14.4, { occurred_at: '2026-03-31T23:59:59Z' }),
  incident(7, 107.5, 15.0, {}),
]);
const ids = (collection: FeatureCollection): unknown[] => collection.features.map((feature) => feature.id);

describe('selectIncidents', () => {
  it('keeps the whole first and last day and leaves false alarms and duplicates out by default', () => {
    expect(ids(selectIncidents(incidents, { start: '2026-03-01', end: '2026-03-31' }))).toEqual([1, 4, 6, 7]);
  });

  it('filters by types, sources and explicit statuses', () => {
    expect(ids(selectIncidents(incidents, { start: '2026-03-01', end: '2026-03-31', types: ['vandalism'] }))).toEqual([4]);
    expect(ids(selectIncidents(incidents, { start: '2026-03-01', end: '2026-03-31', sources: ['patrol'] }))).toEqual([1, 6, 7]);
    expect(ids(selectIncidents(incidents, { start: '2026-03-01', end: '2026-03-31', statuses: ['false_alarm'] }))).toEqual([2]);
  });

  it('keeps only incidents inside the area', () => {
    const area = turf.bboxPolygon([107.9, 14.3, 108.1, 14.5]);
    expect(ids(selectIncidents(incidents, { start: '2026-03-01', end: '2026-03-31', area }))).toEqual([1, 4, 6]);
  });

  it('gives an empty collection for an empty input and does not change its input', () => {
    expect(selectIncidents(turf.featureCollection<Point, IncidentProperties>([]), { start: '2026-01-01', end: '2026-01-02' }).features).toEqual([]);
    const before = JSON.stringify(incidents);
    selectIncidents(incidents, { start: '2026-01-01', end: '2026-12-31', types: ['other'] });
    expect(JSON.stringify(incidents)).toBe(before);
  });

  it('throws on a malformed date or a reversed window, naming the option first', () => {
    expect(() => selectIncidents(incidents, { start: '2026-13-45', end: '2026-12-31' })).toThrow(/^start/);
    expect(() => selectIncidents(incidents, { start: '2026-03-01', end: '2026-02-01' })).toThrow(/^end/);
  });
});
