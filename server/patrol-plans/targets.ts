import * as turf from '@turf/turf';
import { hotspotAreas } from '../analysis/hotspot-areas/index.ts';
import type { ForecastCellProps } from '../analysis/forecast/index.ts';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type PlanTarget = { id: string; kind: 'hotspot' | 'key_target'; name: string; point: [number, number]; risk: number; cadenceDays?: number };

/** Designated key targets need periodic visits: level 1 every 2 days, level 2 every 3, level 3 weekly. */
export const CADENCE_DAYS_BY_LEVEL: Record<number, number> = { 1: 2, 2: 3, 3: 7 };
const RISK_BY_LEVEL: Record<number, number> = { 1: 60, 2: 40, 3: 20 };

const centre = (feature: Feature<Polygon | MultiPolygon>): [number, number] => {
  const [lon, lat] = turf.pointOnFeature(feature).geometry.coordinates;
  return [lon, lat];
};

/**
 * Patrol targets: the ranked hotspot areas (risk = score) and the designated key targets (with their cadence).
 * @param source what the areas are: Gi* hotspots (`hotspot-<rank>`, "Điểm nóng #rank") or forecast areas
 *   (`forecast-<rank>`, "Vùng dự báo #rank")
 */
export function planTargets(
  hotspots: Feature<Polygon | MultiPolygon, { rank: number; score: number }>[],
  keyTargets: Feature<Polygon | MultiPolygon, Record<string, unknown>>[],
  source: 'hotspots' | 'forecast' = 'hotspots',
): PlanTarget[] {
  const [prefix, label] = source === 'forecast' ? ['forecast', 'Vùng dự báo'] : ['hotspot', 'Điểm nóng'];
  const fromHotspots: PlanTarget[] = hotspots.map((hotspot) => ({
    id: `${prefix}-${hotspot.properties.rank}`,
    kind: 'hotspot',
    name: `${label} #${hotspot.properties.rank}`,
    point: centre(hotspot),
    risk: hotspot.properties.score,
  }));
  const fromZones: PlanTarget[] = keyTargets
    .filter((zone) => zone.properties.status === 'designated')
    .map((zone) => {
      const level = Number(zone.properties.protection_level ?? 3);
      return {
        id: `key-target-${zone.id}`,
        kind: 'key_target',
        name: String(zone.properties.name),
        point: centre(zone),
        risk: RISK_BY_LEVEL[level] ?? 20,
        cadenceDays: CADENCE_DAYS_BY_LEVEL[level] ?? 7,
      };
    });
  return [...fromHotspots, ...fromZones];
}

/**
 * Targets from a forecast instead of the Gi* hotspots: the cells in the top 3 % of the area by expected incidents,
 * joined where they touch into areas (`hotspotAreas`), each a target whose risk is its expected incidents on a 0–100
 * scale (the largest area 100, as hotspot scores), named "Vùng dự báo #k" by expected incidents.
 */
export function forecastTargets(cells: FeatureCollection<Polygon, ForecastCellProps>): Feature<Polygon | MultiPolygon, { rank: number; score: number }>[] {
  const top = cells.features.filter((cell) => cell.properties.top_percent === 1 || cell.properties.top_percent === 3)
    .map((cell) => ({ ...cell, properties: { cell_id: cell.properties.cell_id, gi_class: cell.properties.top_percent === 1 ? 3 : 2, count: cell.properties.expected } }));
  const areas = hotspotAreas({ type: 'FeatureCollection', features: top }, { minClass: 2 }).features
    .sort((a, b) => b.properties.incident_count - a.properties.incident_count);
  const largest = areas[0]?.properties.incident_count ?? 0;
  return areas.map((area, i) => ({ ...area, properties: { rank: i + 1, score: largest > 0 ? Math.round((100 * area.properties.incident_count) / largest * 100) / 100 : 0 } }));
}
