import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';

export type Factor = { factor: string; value: number; contribution: number; explanation_vi: string; explanation_en: string };
export type HotspotFeature = Feature<Polygon | MultiPolygon, { rank: number; score: number; incident_count: number; cell_count: number; factors: Factor[] }>;

export type Selection = { start: string; end: string; types: string[] };
/** What the Gi* null weighs cells by: their area (incident counts), or km of cable / BTS sites (rates). */
export type Exposure = 'area' | 'cable_km' | 'sites';
export type MethodSettings = { cellSizeMeters: number; distanceBandMeters: string; fdr: boolean; exposure: Exposure };

export type HotspotAnswer = {
  selection: { incidentCount: number };
  message: string | null;
  distanceBand: { meters: number; rule: string; reason: string };
  sensitivity: { meters: number; hot_cells: number; shared_with_chosen: number; chosen: boolean }[];
  significance: { test: string; exposure: Exposure; description: string; incidentsTested: number };
  warnings: string[];
  cells: FeatureCollection;
  clusters: FeatureCollection;
  hotspots: FeatureCollection<Polygon | MultiPolygon, HotspotFeature['properties']>;
};
export type TrendAnswer = { cells: FeatureCollection; slices: string[] };
export type NetworkRiskAnswer = { stretches: FeatureCollection<LineString> };

export type ForecastAnswer = {
  message: string | null;
  forecast: { weeks: number; from: string; until: string; expectedTotal: number; method: { name: string; description: string } };
  cells: FeatureCollection<Polygon, { cell_id: number; expected: number; rank: number; top_percent: 1 | 3 | 5 | null }>;
};
export type BacktestMethod = 'forecast' | 'last_3_months' | 'last_12_months' | 'kde' | 'random';
export type BacktestAnswer = {
  message: string | null;
  backtest: {
    cutoffs: string[]; days: number;
    rows: { method: BacktestMethod; level: number; hitRate: number; pai: number; pei: number; ci: { pai: [number, number] } }[];
    comparison: { level: number; forecastPai: number; baselinePai: number; difference: number; ci: [number, number]; verdict: 'better' | 'level' | 'worse' }[];
  };
};

export type PlanStop = { order: number; targetId: string; targetName: string; kind: 'periodic' | 'surprise'; arrival: string; dwellMinutes: number; lon: number; lat: number };
export type PlanShift = { unitId: string; unitName: string; baseName: string; date: string; shift: number; stops: PlanStop[]; route: Feature<LineString>; minutes: number; distanceMeters: number };
export type Plan = {
  id: string; name: string; status: 'draft' | 'approved' | 'archived'; createdAt: string; seed: string;
  coverage: { expectedRiskSharePerDay: number; uniformRiskSharePerDay: number; topKRiskSharePerDay: number; ratio: number; topKRatio: number; model: { description: string } };
  warnings: string[]; shifts: PlanShift[];
};
export type PlanSummary = { id: string; name: string; status: Plan['status']; createdAt: string; startDate: string; endDate: string };
export type PlanForm = { name: string; startDate: string; endDate: string; units: number; shiftsPerDay: number; surpriseShare: number; targetsFrom: 'hotspots' | 'forecast' };
