import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type PlanTarget = { id: string; kind: 'hotspot' | 'key_target'; name: string; point: [number, number]; risk: number; cadenceDays?: number };

/** Designated key targets need periodic visits: level 1 every 2 days, level 2 every 3, level 3 weekly. */
export const CADENCE_DAYS_BY_LEVEL: Record<number, number> = { 1: 2, 2: 3, 3: 7 };
const RISK_BY_LEVEL: Record<number, number> = { 1: 60, 2: 40, 3: 20 };

const centre = (feature: Feature<Polygon | MultiPolygon>): [number, number] => {
  const [lon, lat] = turf.pointOnFeature(feature).geometry.coordinates;
  return [lon, lat];
};

/** Patrol targets: the ranked hotspot areas (risk = score) and the designated key targets (with their cadence). */
export function planTargets(
  hotspots: Feature<Polygon | MultiPolygon, { rank: number; score: number }>[],
  keyTargets: Feature<Polygon | MultiPolygon, Record<string, unknown>>[],
): PlanTarget[] {
  const fromHotspots: PlanTarget[] = hotspots.map((hotspot) => ({
    id: `hotspot-${hotspot.properties.rank}`,
    kind: 'hotspot',
    name: `Điểm nóng #${hotspot.properties.rank}`,
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
