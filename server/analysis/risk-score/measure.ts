import { along, bbox, booleanIntersects, booleanPointInPolygon, flatten, length, lineSplit, pointToPolygonDistance } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { candidatesInBbox, createGridIndex, padBbox, type GridIndex } from '../spatial-index/index.ts';

/** Layers an area is measured against (property names as in server/collections). */
export type RiskContext = {
  incidents: FeatureCollection<Point>;
  keyTargets: FeatureCollection<Polygon>;
  cables: FeatureCollection<LineString | MultiLineString>;
  sites: FeatureCollection<Point>;
  scrapDealers: FeatureCollection<Point>;
};

/** Raw numbers behind the four factors of one area. */
export type AreaMeasures = {
  incidentCount: number;
  /** Incidents in the 183 days before `now`. */
  recentCount: number;
  /** Σ 2^(−age / halfLife) over the incidents. */
  intensity: number;
  /** Mean severity weight, 0 without incidents. */
  severityMean: number;
  keyTargetCount: number;
  backboneKm: number;
  siteCount: number;
  scrapDealerCount: number;
};

export type MeasureSettings = {
  now: Date;
  halfLifeDays: number;
  severity: Readonly<Record<string, number>>;
  scrapDealerRadiusMeters: number;
  excludeStatuses: readonly string[];
};

const DAY_MS = 86_400_000;
const RECENT_DAYS = 183;

/** Builds a measuring function; the point layers are indexed once for all areas. */
export function areaMeasurer(context: RiskContext, settings: MeasureSettings): (area: Feature<Polygon | MultiPolygon>) => AreaMeasures {
  const incidents = context.incidents.features.filter((f) => {
    const status = String(f.properties?.status);
    return !settings.excludeStatuses.includes(status) && Number.isFinite(Date.parse(String(f.properties?.occurred_at)));
  });
  const sites = context.sites.features.filter(inService);
  const incidentIndex = createGridIndex(incidents.map((f) => f.geometry.coordinates), 1000);
  const siteIndex = createGridIndex(sites.map((f) => f.geometry.coordinates), 1000);
  const dealerIndex = createGridIndex(context.scrapDealers.features.map((f) => f.geometry.coordinates), 1000);
  const keyTargets = context.keyTargets.features.filter((f) => f.properties?.status === 'designated');
  const backbone = context.cables.features.filter((f) => f.properties?.tier === 'backbone' && inService(f)).flatMap((f) => flatten(f).features);
  return (area) => {
    const box = bbox(area);
    const inside = <G extends Point>(features: Feature<G>[], index: GridIndex) =>
      candidatesInBbox(index, box).map((i) => features[i]).filter((f) => booleanPointInPolygon(f, area));
    const found = inside(incidents, incidentIndex);
    const ages = found.map((f) => Math.max(0, (settings.now.getTime() - Date.parse(String(f.properties?.occurred_at))) / DAY_MS));
    const weightOf = (f: Feature) => settings.severity[String(f.properties?.type)] ?? settings.severity.other ?? 1;
    return {
      incidentCount: found.length,
      recentCount: ages.filter((age) => age <= RECENT_DAYS).length,
      intensity: ages.reduce((sum, age) => sum + 2 ** (-age / settings.halfLifeDays), 0),
      severityMean: found.length ? found.reduce((sum, f) => sum + weightOf(f), 0) / found.length : 0,
      keyTargetCount: keyTargets.filter((f) => overlaps(box, bbox(f)) && booleanIntersects(f, area)).length,
      backboneKm: backbone.reduce((sum, line) => sum + lengthInside(line, area, box), 0) / 1000,
      siteCount: inside(sites, siteIndex).length,
      scrapDealerCount: candidatesInBbox(dealerIndex, padBbox(box, settings.scrapDealerRadiusMeters))
        .filter((i) => pointToPolygonDistance(context.scrapDealers.features[i], area, { units: 'meters' }) <= settings.scrapDealerRadiusMeters).length,
    };
  };
}

/** Assets count unless planned or retired (a missing status counts as in service). */
function inService(feature: Feature): boolean {
  const status = feature.properties?.status;
  return status !== 'planned' && status !== 'retired';
}

function overlaps(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Metres of `line` inside `area`: split at the boundary, keep pieces whose midpoint is inside. */
function lengthInside(line: Feature<LineString>, area: Feature<Polygon | MultiPolygon>, box: BBox): number {
  if (!overlaps(box, bbox(line))) return 0;
  const split = lineSplit(line, area).features;
  const pieces = split.length ? split : [line];
  return pieces.reduce((sum, piece) => {
    const meters = length(piece, { units: 'meters' });
    return booleanPointInPolygon(along(piece, meters / 2, { units: 'meters' }), area) ? sum + meters : sum;
  }, 0);
}
