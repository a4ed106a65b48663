import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';

/** A place to patrol: a ranked hotspot or a designated key target. `point` is [lon, lat]. */
export type PatrolTarget = {
  id: string;
  kind: 'hotspot' | 'key_target';
  name: string;
  point: [number, number];
  /** Non-negative risk weight (any scale); surprise coverage is proportional to it. */
  risk: number;
  /** If set, the target is visited at least once in every window of this many consecutive days. */
  cadenceDays?: number;
};

/** A police base (station) where patrol units start and end their shifts. */
export type PatrolBase = { id: string; name: string; point: [number, number] };

export type PatrolPlanInput = {
  targets: PatrolTarget[];
  bases: PatrolBase[];
  roads: FeatureCollection<LineString | MultiLineString>;
};

/** Options of {@link patrolPlan}; see README for defaults and units. */
export type PatrolPlanOptions = {
  /** First day, YYYY-MM-DD (local date, Asia/Ho_Chi_Minh). */
  startDate: string;
  /** Last day, inclusive, YYYY-MM-DD. */
  endDate: string;
  units: number;
  /** 1–3 shifts; they start at 07:00, 15:00 and 23:00 local time. */
  shiftsPerDay: number;
  /** Share of each shift's stops reserved for surprise visits, 0–1, default 0.3. */
  surpriseShare?: number;
  /** Max stops per shift, default 6. */
  stopsPerShift?: number;
  /** Minutes at each stop, default 15 (Koper curve: 10–15 min). */
  dwellMinutes?: number;
  /** Travel speed, km/h, default 40. */
  speedKmh?: number;
  /** Shift length, hours, default 8. */
  shiftHours?: number;
  /** Max straight distance base → target, km, default 80. */
  maxReachKm?: number;
  /** Time constant of the residual deterrence after a visit, minutes, default 30 (the coverage model, `dwell.ts`). */
  residualMinutes?: number;
  /** A shift's first stop starts at a random offset within this many hours of the shift start, default 3. */
  startWindowHours?: number;
  seed: string | number;
};

export type ResolvedOptions = Required<PatrolPlanOptions>;

export type PlanStop = {
  order: number;
  targetId: string;
  targetName: string;
  kind: 'periodic' | 'surprise';
  /** ISO 8601 local time with +07:00 offset. */
  arrival: string;
  dwellMinutes: number;
  lon: number;
  lat: number;
};

export type PlanShift = {
  unitId: string;
  unitName: string;
  baseName: string;
  date: string;
  shift: number;
  stops: PlanStop[];
  route: Feature<LineString>;
  /** Travel (routed) + dwell, minutes. */
  minutes: number;
  distanceMeters: number;
};

/**
 * Share of the risk-weighted time the targets are watched (the dwell model, `dwell.ts`), per day on average: for the
 * plan as scheduled, and for two baselines with the same periodic visits and the same number of surprise visits a
 * day — spread evenly over the targets (uniform), or always on the day's highest risks (top-k: strong on coverage,
 * fully predictable).
 */
export type PlanCoverage = {
  expectedRiskSharePerDay: number;
  uniformRiskSharePerDay: number;
  topKRiskSharePerDay: number;
  /** plan ÷ uniform (≥ 1), and plan ÷ top-k (≤ 1: what unpredictability costs). */
  ratio: number;
  topKRatio: number;
  surpriseVisits: number;
  model: { dwellMinutes: number; residualMinutes: number; description: string };
};

export type PatrolPlan = {
  seed: string;
  parameters: ResolvedOptions;
  /** The targets planned for, with their risk weights (what a patrol track's coverage is measured against). */
  targets: Array<{ id: string; name: string; risk: number }>;
  sectors: Array<{ unitId: string; unitName: string; baseId: string; baseName: string; targetIds: string[] }>;
  shifts: PlanShift[];
  coverage: PlanCoverage;
  warnings: string[];
  message: string | null;
};
