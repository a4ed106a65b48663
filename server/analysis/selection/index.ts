import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export type IncidentProperties = { type: string; source: string; status: string; occurred_at: string } & Record<string, unknown>;

export type SelectionOptions = {
  /** First day included, 'YYYY-MM-DD' (UTC). */
  start: string;
  /** Last day included, 'YYYY-MM-DD' (UTC). */
  end: string;
  /** Incident types to keep; empty or absent keeps every type. */
  types?: readonly string[];
  sources?: readonly string[];
  /** Statuses to keep; default every status but false_alarm and duplicate. */
  statuses?: readonly string[];
  /** Study area (a former district or a drawn polygon); absent keeps everything. */
  area?: Feature<Polygon | MultiPolygon>;
};

export const EXCLUDED_BY_DEFAULT = ['false_alarm', 'duplicate'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The incidents an analysis runs on: a time window, types, sources, statuses (false alarms and duplicates left out
 * by default) and an area. Pure; the input is not changed.
 * @returns a new FeatureCollection holding the selected features (same objects)
 * @example selectIncidents(incidents, { start: '2026-01-01', end: '2026-06-30', types: ['cable_theft'] })
 */
export function selectIncidents<P extends IncidentProperties>(
  incidents: FeatureCollection<Point, P>,
  options: SelectionOptions,
): FeatureCollection<Point, P> {
  if (!DAY.test(options.start) || Number.isNaN(Date.parse(options.start))) throw new Error('start must be a date YYYY-MM-DD');
  if (!DAY.test(options.end) || Number.isNaN(Date.parse(options.end))) throw new Error('end must be a date YYYY-MM-DD');
  if (options.end < options.start) throw new Error('end must not be before start');
  const startIso = `${options.start}T00:00:00Z`;
  const endIso = `${options.end}T23:59:59Z`;
  const keep = (list: readonly string[] | undefined, value: string): boolean => !list || list.length === 0 || list.includes(value);
  const statusOk = (status: string): boolean =>
    options.statuses && options.statuses.length > 0 ? options.statuses.includes(status) : !(EXCLUDED_BY_DEFAULT as readonly string[]).includes(status);
  const bbox = options.area ? turf.bbox(options.area) : undefined;
  const features = incidents.features.filter((feature) => {
    const { type, source, status, occurred_at: occurredAt } = feature.properties;
    if (occurredAt < startIso || occurredAt > endIso) return false;
    if (!keep(options.types, type) || !keep(options.sources, source) || !statusOk(status)) return false;
    if (!options.area || !bbox) return true;
    const [lon, lat] = feature.geometry.coordinates;
    if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) return false;
    return turf.booleanPointInPolygon(feature.geometry.coordinates, options.area);
  });
  return { type: 'FeatureCollection', features };
}
