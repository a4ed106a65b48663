import type { Feature, MultiPolygon, Polygon } from 'geojson';
import * as turf from '@turf/turf';
import { INCIDENT_SOURCES, INCIDENT_STATUSES, INCIDENT_TYPES } from '../collections/vocabulary.ts';
import { InvalidParameter } from '../errors.ts';
import type { SelectionOptions } from '../analysis/selection/index.ts';
import type { FeatureStore } from '../storage/features.ts';
import { AREA_LIMIT, requireGeometryWithin } from '../geometry/limits.ts';

export const SELECTION_PARAMETERS = ['start', 'end', 'types', 'sources', 'statuses', 'district', 'area'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_AREA_CHARS = 200_000;

export type Selection = Required<Pick<SelectionOptions, 'start' | 'end'>> & SelectionOptions & {
  district: string | null;
  studyArea: Feature<Polygon | MultiPolygon>;
};

function list(name: string, raw: string | null | undefined, allowed: readonly string[]): string[] {
  if (raw === null || raw === undefined || raw === '') return [];
  const values = raw.split(',').map((value) => value.trim());
  const bad = values.find((value) => !allowed.includes(value));
  if (bad !== undefined) throw new InvalidParameter(name, `${name}: "${bad}" is not one of ${allowed.join(', ')}`);
  return values;
}

function day(name: string, raw: string): string {
  if (!DAY.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) throw new InvalidParameter(name, `${name} must be a date YYYY-MM-DD`);
  return raw;
}

/** A drawn `area` parsed and bounded in size; its validity, quadratic in the vertices, is checked by `checkDrawnArea` in the work pool. */
function drawnArea(raw: string): Feature<Polygon | MultiPolygon> {
  if (raw.length > MAX_AREA_CHARS) throw new InvalidParameter('area', `area must be at most ${MAX_AREA_CHARS} characters of GeoJSON`);
  let geometry: unknown;
  try {
    geometry = JSON.parse(raw);
  } catch {
    throw new InvalidParameter('area', 'area must be a GeoJSON Polygon or MultiPolygon (JSON)');
  }
  const candidate = geometry as { type?: string };
  if (candidate?.type !== 'Polygon' && candidate?.type !== 'MultiPolygon') throw new InvalidParameter('area', 'area must be a GeoJSON Polygon or MultiPolygon');
  requireGeometryWithin(geometry, 'area', AREA_LIMIT);
  return turf.feature(geometry as Polygon | MultiPolygon);
}

/**
 * Throws InvalidParameter('area') unless a drawn study area is a valid polygon (closed rings of at least 4 positions,
 * no self-intersection). Every analysis task calls it first; selections of a district or the province pass.
 */
export function checkDrawnArea(selection: Selection): void {
  if (!selection.area || selection.district) return;
  let valid = false;
  try {
    valid = turf.booleanValid(selection.area);
  } catch {
    valid = false;
  }
  if (!valid) throw new InvalidParameter('area', 'area is not a valid polygon (closed rings of at least 4 positions, no self-intersection)');
}

async function adminArea(features: FeatureStore, level: string, code: string | null): Promise<Feature<Polygon | MultiPolygon> | undefined> {
  const filters = [{ property: 'level', value: level }, ...(code ? [{ property: 'code', value: code }] : [])];
  const found = (await features.query('admin_areas', { filters, limit: 1, offset: 0 })).features[0];
  return found as Feature<Polygon | MultiPolygon> | undefined;
}

/** The last day with an incident, so the default window ends where the data end (not at the wall clock). */
async function lastIncidentDay(features: FeatureStore): Promise<string> {
  return (await features.extent('incidents')).interval?.[1].slice(0, 10) ?? new Date().toISOString().slice(0, 10);
}

/**
 * Reads the selection shared by every analysis endpoint: start/end (default: the 12 months up to the last incident),
 * types, sources, statuses, and a district code or a drawn `area` (GeoJSON). Throws InvalidParameter naming the parameter.
 */
export async function parseSelection(search: URLSearchParams | Record<string, string | undefined>, features: FeatureStore): Promise<Selection> {
  const get = (name: string): string | null => (search instanceof URLSearchParams ? search.get(name) : (search[name] ?? null));
  const end = get('end') ? day('end', get('end')!) : await lastIncidentDay(features);
  const endDate = new Date(`${end}T00:00:00Z`);
  const start = get('start') ? day('start', get('start')!) : new Date(Date.UTC(endDate.getUTCFullYear() - 1, endDate.getUTCMonth(), endDate.getUTCDate() + 1)).toISOString().slice(0, 10);
  if (end < start) throw new InvalidParameter('end', 'end must not be before start');
  const district = get('district');
  if (district && get('area')) throw new InvalidParameter('area', 'give either district or area, not both');
  const studyArea = get('area') ? drawnArea(get('area')!) : await adminArea(features, district ? 'district' : 'province', district);
  if (!studyArea) throw new InvalidParameter('district', district ? `district "${district}" is not a former district code` : 'the province outline is missing from the database');
  return {
    start,
    end,
    types: list('types', get('types'), INCIDENT_TYPES),
    sources: list('sources', get('sources'), INCIDENT_SOURCES),
    statuses: list('statuses', get('statuses'), INCIDENT_STATUSES),
    district,
    area: district || get('area') ? studyArea : undefined,
    studyArea,
  };
}

/** A positive number parameter with bounds, or its default when absent. */
export function parseNumber(search: URLSearchParams, name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const raw = search.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new InvalidParameter(name, `${name} must be a number from ${min} to ${max}`);
  return value;
}

/** One of a fixed list of words, or its default when absent. */
export function parseChoice<T extends string>(search: URLSearchParams, name: string, choices: readonly T[], fallback: T): T {
  const raw = search.get(name);
  if (raw === null || raw === '') return fallback;
  if (!choices.includes(raw as T)) throw new InvalidParameter(name, `${name} must be one of ${choices.join(', ')}`);
  return raw as T;
}

export function parseBoolean(search: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = search.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new InvalidParameter(name, `${name} must be true or false`);
  return raw === 'true';
}
