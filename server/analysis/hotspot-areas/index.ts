import { featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** Input cell: a hex (or square) from the Getis-Ord grid, with its hot/cold class and incident count. */
export type HotCellProps = { cell_id: number | string; gi_class: number; count: number };

/** Properties of one dissolved hotspot area. */
export type HotspotAreaProps = {
  /** 1-based; areas are ordered by max_class, then incident_count (both descending), then first cell. */
  area_id: number;
  cell_count: number;
  incident_count: number;
  max_class: number;
  cell_ids: (number | string)[];
  fill: string;
  'fill-opacity': number;
  stroke: string;
};

// Vertices closer than this (degrees, ~1 cm) are the same corner: turf hexGrid computes shared
// corners separately, so they differ in the last bits.
const VERTEX_TOLERANCE_DEGREES = 1e-7;

/**
 * Joins hot cells (`gi_class >= minClass`) that share an edge or a corner into connected
 * components (union-find over shared vertices) and dissolves each into one (Multi)Polygon.
 *
 * @param cells grid cells with {@link HotCellProps}; not mutated
 * @param options.minClass lowest class that counts as hot, default 2 (e.g. 2 = 95%, 3 = 99% confidence)
 * @returns one feature per area with {@link HotspotAreaProps}
 * @example
 * const areas = hotspotAreas(giCells, { minClass: 2 });
 */
export function hotspotAreas(
  cells: FeatureCollection<Polygon, HotCellProps>,
  { minClass = 2 }: { minClass?: number } = {},
): FeatureCollection<Polygon | MultiPolygon, HotspotAreaProps> {
  if (!Number.isFinite(minClass)) throw new Error('minClass must be a finite number');
  const hot = cells.features.filter((cell) => cell.properties.gi_class >= minClass);
  const parent = connectByVertices(hot);
  const groups = new Map<number, Feature<Polygon, HotCellProps>[]>();
  hot.forEach((cell, i) => {
    const root = find(parent, i);
    groups.set(root, [...(groups.get(root) ?? []), cell]);
  });
  const areas = [...groups.values()]
    .map((members) => dissolve(members))
    .sort((a, b) => b.properties.max_class - a.properties.max_class || b.properties.incident_count - a.properties.incident_count);
  areas.forEach((area, i) => (area.properties.area_id = i + 1));
  return featureCollection(areas);
}

/** Union-find parents: cells are joined when any of their vertices coincide within the tolerance. */
function connectByVertices(cells: Feature<Polygon>[]): number[] {
  const parent = cells.map((_, i) => i);
  const owners = new Map<string, number[]>();
  const quantise = (value: number) => Math.round(value / VERTEX_TOLERANCE_DEGREES);
  cells.forEach((cell, i) => {
    for (const [lon, lat] of cell.geometry.coordinates[0]) {
      const x = quantise(lon);
      const y = quantise(lat);
      // Look in the neighbouring buckets too, so two copies of a corner straddling a bucket edge meet.
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) for (const j of owners.get(`${x + dx},${y + dy}`) ?? []) unite(parent, i, j);
      }
      const key = `${x},${y}`;
      owners.set(key, [...(owners.get(key) ?? []), i]);
    }
  });
  return parent;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]];
  return i;
}

function unite(parent: number[], a: number, b: number): void {
  const rootA = find(parent, a);
  const rootB = find(parent, b);
  // The smaller index becomes the root, so components keep their first cell's position.
  if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
}

function dissolve(members: Feature<Polygon, HotCellProps>[]): Feature<Polygon | MultiPolygon, HotspotAreaProps> {
  const merged = members.length === 1 ? members[0] : union(featureCollection<Polygon | MultiPolygon>(members));
  if (!merged) throw new Error(`cells ${members.map((m) => m.properties.cell_id).join(',')}: union failed`);
  const maxClass = Math.max(...members.map((m) => m.properties.gi_class));
  const properties: HotspotAreaProps = {
    area_id: 0,
    cell_count: members.length,
    incident_count: members.reduce((sum, m) => sum + m.properties.count, 0),
    max_class: maxClass,
    cell_ids: members.map((m) => m.properties.cell_id),
    fill: maxClass >= 3 ? '#b30000' : maxClass >= 2 ? '#e34a33' : '#fc8d59',
    'fill-opacity': 0.45,
    stroke: '#7f0000',
  };
  return { type: 'Feature', geometry: structuredClone(merged.geometry), properties };
}
