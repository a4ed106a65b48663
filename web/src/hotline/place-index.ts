import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { compact, fold } from '../../../server/text/fold.ts';

/** A place a citizen can name: a commune or ward, a former district or a national road. */
export type Place = { label: string; detail: string | null; kind: 'commune' | 'district' | 'road'; bbox: [number, number, number, number]; point: [number, number]; folded: string; compacted: string };

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point': return [geometry.coordinates];
    case 'LineString': case 'MultiPoint': return geometry.coordinates;
    case 'Polygon': case 'MultiLineString': return geometry.coordinates.flat();
    case 'MultiPolygon': return geometry.coordinates.flat(2);
    default: return geometry.geometries.flatMap(positions);
  }
}

function bboxOf(all: Position[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of all) { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
  return [minX, minY, maxX, maxY];
}

/** The vertex nearest a point, in degrees — a place on the road itself for the pin, not a measured distance. */
function nearestVertex(all: Position[], [x, y]: [number, number]): [number, number] {
  let best = all[0], bestScore = Infinity;
  for (const position of all) {
    const score = (position[0] - x) ** 2 + (position[1] - y) ** 2;
    if (score < bestScore) { best = position; bestScore = score; }
  }
  return [best[0], best[1]];
}

const place = (label: string, detail: string | null, kind: Place['kind'], all: Position[], inside?: Feature<Polygon | MultiPolygon>): Place => {
  const bbox = bboxOf(all);
  const centre: [number, number] = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
  const point = inside && booleanPointInPolygon(centre, inside) ? centre : nearestVertex(all, centre);
  return { label, detail, kind, bbox, point, folded: fold(`${label} ${detail ?? ''}`), compacted: compact(label) };
};

/**
 * Places to search from the app's own basemap (no API call, so it works for the public and offline): communes and
 * former districts by name, national roads by name and number (the segments of one name merged into one place).
 */
export function placeIndex(adminAreas: FeatureCollection, roads: FeatureCollection): Place[] {
  const places: Place[] = [];
  const province = adminAreas.features.find((feature) => feature.properties?.level === 'province') as Feature<Polygon | MultiPolygon> | undefined;
  for (const feature of adminAreas.features) {
    const properties = feature.properties ?? {};
    if (!feature.geometry || (properties.level !== 'commune' && properties.level !== 'district')) continue;
    places.push(place(String(properties.name), properties.level === 'commune' ? (properties.district_name as string | null) ?? null : null,
      properties.level, positions(feature.geometry), feature as Feature<Polygon | MultiPolygon>));
  }
  const byName = new Map<string, { ref: string; all: Position[] }>();
  for (const feature of roads.features) {
    const name = (feature.properties?.name as string | undefined) ?? (feature.properties?.ref as string | undefined);
    if (!name || !feature.geometry) continue;
    const entry = byName.get(name) ?? { ref: String(feature.properties?.ref ?? '').split(';').join(' · '), all: [] };
    entry.all.push(...positions(feature.geometry));
    byName.set(name, entry);
  }
  // Roads run on into the neighbouring provinces: a road's place is its stretch inside the area.
  for (const [name, { ref, all }] of byName) {
    const inside = province ? all.filter((position) => booleanPointInPolygon(position, province)) : all;
    if (inside.length) places.push(place(name, ref || null, 'road', inside));
  }
  return places;
}

const KIND_ORDER: Record<Place['kind'], number> = { commune: 0, district: 1, road: 2 };

/**
 * Places matching what was typed, folded like the API's search (case, diacritics, đ, apostrophes; spaces optional):
 * names starting with it first, then communes before districts before roads.
 */
export function searchPlaces(places: readonly Place[], query: string, limit = 8): Place[] {
  const folded = fold(query), compacted = compact(query);
  if (compacted.length < 2) return [];
  const words = folded.split(' ');
  const hits = places.filter((candidate) => candidate.compacted.includes(compacted) || words.every((word) => candidate.folded.split(' ').some((part) => part.startsWith(word))));
  const starts = (candidate: Place) => (candidate.compacted.startsWith(compacted) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.label.localeCompare(b.label, 'vi')).slice(0, limit);
}
