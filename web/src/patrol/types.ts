import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';

export type Factor = { factor: string; value: number; contribution: number; explanation_vi: string; explanation_en: string };
export type HotspotFeature = Feature<Polygon | MultiPolygon, { rank: number; score: number; incident_count: number; cell_count: number; factors: Factor[] }>;

export type Selection = { start: string; end: string; types: string[] };
export type MethodSettings = { cellSizeMeters: number; distanceBandMeters: string; fdr: boolean };

export type HotspotAnswer = {
  selection: { incidentCount: number };
  message: string | null;
  distanceBand: { meters: number; rule: string; reason: string };
  warnings: string[];
  cells: FeatureCollection;
  clusters: FeatureCollection;
  hotspots: FeatureCollection<Polygon | MultiPolygon, HotspotFeature['properties']>;
};
export type TrendAnswer = { cells: FeatureCollection; slices: string[] };
export type NetworkRiskAnswer = { stretches: FeatureCollection<LineString> };

export type PlanStop = { order: number; targetId: string; targetName: string; kind: 'periodic' | 'surprise'; arrival: string; dwellMinutes: number; lon: number; lat: number };
export type PlanShift = { unitId: string; unitName: string; baseName: string; date: string; shift: number; stops: PlanStop[]; route: Feature<LineString>; minutes: number; distanceMeters: number };
export type Plan = {
  id: string; name: string; status: 'draft' | 'approved' | 'archived'; createdAt: string; seed: string;
  coverage: { expectedRiskSharePerDay: number; uniformRiskSharePerDay: number; ratio: number };
  warnings: string[]; shifts: PlanShift[];
};
export type PlanSummary = { id: string; name: string; status: Plan['status']; createdAt: string; startDate: string; endDate: string };
export type PlanForm = { name: string; startDate: string; endDate: string; units: number; shiftsPerDay: number; surpriseShare: number };
