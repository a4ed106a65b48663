import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import { explainFactor, factorValue, type ExposurePoints, type RiskFactor } from './explain.ts';
import { areaMeasurer, type RiskContext } from './measure.ts';

export type { ExposurePoints, RiskFactor } from './explain.ts';
export type { AreaMeasures, RiskContext } from './measure.ts';

/** One factor's share of the score; contributions of an area add up to its score. */
export type FactorScore = {
  factor: RiskFactor;
  /** Raw value: weighted incident count, mean severity, exposure points, dealer count. */
  value: number;
  /** value / the largest value among the areas (0 when that is 0). */
  normalized: number;
  /** Points out of 100, rounded to 2 dp. */
  contribution: number;
  explanation_vi: string;
  explanation_en: string;
};

export type RankedProps = { rank: number; score: number; factors: FactorScore[] };

/** Options of {@link rankHotspots}. */
export type RankOptions = {
  /** Reference time for incident ages (required). */
  now: Date;
  /** Half-life of an incident's weight, days. Default 180. */
  halfLifeDays?: number;
  /** Severity weight per incident type; missing types use `other`, then 1. */
  severity?: Readonly<Record<string, number>>;
  /** Scrap dealers this close to an area (metres; inside counts) are counted. Default 3000. */
  scrapDealerRadiusMeters?: number;
  /** Relative factor weights; scaled to sum to 1. Default intensity 0.4, severity 0.2, exposure 0.25, scrap_dealers 0.15. */
  weights?: Readonly<Record<RiskFactor, number>>;
  /** Exposure points per designated key target, per km of backbone, per BTS site. Default 3, 1, 1. */
  exposurePoints?: ExposurePoints;
  /** Incident statuses left out. Default `['false_alarm', 'duplicate']`. */
  excludeStatuses?: readonly string[];
};

export const DEFAULT_SEVERITY = { cable_theft: 3, cable_cut: 4, equipment_theft: 3, vandalism: 2, fire_explosion: 5, intrusion_alarm: 1, postal_contraband: 2, other: 1 } as const;
export const DEFAULT_WEIGHTS: Readonly<Record<RiskFactor, number>> = { intensity: 0.4, severity: 0.2, exposure: 0.25, scrap_dealers: 0.15 };
const FACTORS: readonly RiskFactor[] = ['intensity', 'severity', 'exposure', 'scrap_dealers'];
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Scores hotspot areas 0–100 from four factors, each normalised by its maximum across the areas
 * (so the strongest area on a factor gets its full weight), and explains every contribution.
 *
 * @param areas hotspot polygons (e.g. from hotspotAreas or incidentClusters); not mutated
 * @param context incidents, key targets, cable routes, BTS sites and scrap dealers
 * @returns the areas sorted by score (ties: input order) with `rank`, `score`, `factors` added
 * @example
 * const ranked = rankHotspots(areas, context, { now: new Date('2026-11-28T00:00:00Z') });
 */
export function rankHotspots<P extends GeoJsonProperties>(
  areas: FeatureCollection<Polygon | MultiPolygon, P>,
  context: RiskContext,
  options: RankOptions,
): FeatureCollection<Polygon | MultiPolygon, P & RankedProps> {
  const { now, halfLifeDays = 180, severity = DEFAULT_SEVERITY, scrapDealerRadiusMeters = 3000 } = options;
  const { weights = DEFAULT_WEIGHTS, exposurePoints = { keyTarget: 3, backboneKm: 1, site: 1 }, excludeStatuses = ['false_alarm', 'duplicate'] } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new Error('now must be a valid Date');
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) throw new Error('halfLifeDays must be positive');
  if (!(scrapDealerRadiusMeters >= 0) || !Number.isFinite(scrapDealerRadiusMeters)) throw new Error('scrapDealerRadiusMeters must be non-negative');
  const weightSum = FACTORS.reduce((sum, f) => sum + (weights[f] ?? 0), 0);
  if (FACTORS.some((f) => !((weights[f] ?? 0) >= 0)) || !(weightSum > 0)) throw new Error('weights must be non-negative with a positive sum');
  const measure = areaMeasurer(context, { now, halfLifeDays, severity, scrapDealerRadiusMeters, excludeStatuses });
  const measures = areas.features.map(measure);
  const values = measures.map((m) => FACTORS.map((f) => factorValue(f, m, exposurePoints)));
  const maxima = FACTORS.map((_, k) => Math.max(0, ...values.map((row) => row[k])));
  const scored = areas.features.map((area, i): Feature<Polygon | MultiPolygon, P & RankedProps> => {
    const factors = FACTORS.map((factor, k): FactorScore => {
      const normalized = maxima[k] > 0 ? values[i][k] / maxima[k] : 0;
      const contribution = round2((100 * (weights[factor] ?? 0) * normalized) / weightSum);
      return { factor, value: values[i][k], normalized, contribution, ...explainFactor(factor, measures[i], halfLifeDays, scrapDealerRadiusMeters) };
    });
    const score = round2(factors.reduce((sum, f) => sum + f.contribution, 0));
    return { ...area, properties: { ...(area.properties ?? {}), rank: 0, score, factors } as P & RankedProps };
  });
  const ranked = scored.map((feature, i) => ({ feature, i })).sort((a, b) => b.feature.properties.score - a.feature.properties.score || a.i - b.i);
  return { ...areas, features: ranked.map(({ feature }, i) => ({ ...feature, properties: { ...feature.properties, rank: i + 1 } })) };
}
