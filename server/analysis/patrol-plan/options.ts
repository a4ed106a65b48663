import type { PatrolPlanInput, PatrolPlanOptions, ResolvedOptions } from './types.ts';

const DAY_MS = 86_400_000;
/** Longest planning horizon accepted, days. */
export const MAX_DAYS = 366;

/** Parses YYYY-MM-DD to a UTC-midnight epoch (ms) or NaN. */
function parseDay(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return Number.NaN;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value ? ms : Number.NaN;
}

const isPositiveInteger = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/**
 * Fills defaults and validates; throws an Error whose message starts with the offending option name.
 */
export function resolveOptions(options: PatrolPlanOptions): ResolvedOptions {
  const o: ResolvedOptions = {
    surpriseShare: 0.3, stopsPerShift: 6, dwellMinutes: 15, speedKmh: 40, shiftHours: 8, maxReachKm: 80, residualMinutes: 30, startWindowHours: 3,
    ...options,
  };
  if (!isPositiveInteger(o.units)) throw new Error('units must be a positive integer');
  if (!isPositiveInteger(o.shiftsPerDay) || o.shiftsPerDay > 3) throw new Error('shiftsPerDay must be 1, 2 or 3');
  if (!(o.surpriseShare >= 0 && o.surpriseShare <= 1)) throw new Error('surpriseShare must be between 0 and 1');
  if (!isPositiveInteger(o.stopsPerShift)) throw new Error('stopsPerShift must be a positive integer');
  if (!(o.dwellMinutes >= 0 && Number.isFinite(o.dwellMinutes))) throw new Error('dwellMinutes must be non-negative');
  if (!(o.speedKmh > 0 && Number.isFinite(o.speedKmh))) throw new Error('speedKmh must be positive');
  if (!(o.shiftHours > 0 && o.shiftHours <= 24)) throw new Error('shiftHours must be in (0, 24]');
  if (!(o.maxReachKm > 0 && Number.isFinite(o.maxReachKm))) throw new Error('maxReachKm must be positive');
  if (!(o.residualMinutes > 0 && o.residualMinutes <= 720)) throw new Error('residualMinutes must be in (0, 720]');
  if (!(o.startWindowHours >= 0 && o.startWindowHours <= o.shiftHours)) throw new Error('startWindowHours must be between 0 and shiftHours');
  const start = parseDay(o.startDate);
  if (Number.isNaN(start)) throw new Error('startDate must be a valid YYYY-MM-DD date');
  const end = parseDay(o.endDate);
  if (Number.isNaN(end)) throw new Error('endDate must be a valid YYYY-MM-DD date');
  if (end < start) throw new Error('endDate must not be before startDate');
  if ((end - start) / DAY_MS + 1 > MAX_DAYS) throw new Error(`endDate must be within ${MAX_DAYS} days of startDate`);
  const seedOk = (typeof o.seed === 'string' && o.seed.length > 0) || (typeof o.seed === 'number' && Number.isFinite(o.seed));
  if (!seedOk) throw new Error('seed must be a non-empty string or a finite number');
  return o;
}

/** Validates targets and bases; throws naming the field. */
export function validateInput(input: PatrolPlanInput): void {
  const ids = new Set<string>();
  for (const t of input.targets) {
    if (ids.has(t.id)) throw new Error(`targets must have unique ids (duplicate ${t.id})`);
    ids.add(t.id);
    if (!(t.risk >= 0 && Number.isFinite(t.risk))) throw new Error(`targets risk must be non-negative (${t.id})`);
    if (t.cadenceDays !== undefined && !isPositiveInteger(t.cadenceDays)) {
      throw new Error(`targets cadenceDays must be a positive integer (${t.id})`);
    }
    if (!validPoint(t.point)) throw new Error(`targets point must be [lon, lat] (${t.id})`);
  }
  for (const b of input.bases) if (!validPoint(b.point)) throw new Error(`bases point must be [lon, lat] (${b.id})`);
  if (input.targets.length > 0 && input.bases.length === 0) throw new Error('bases must not be empty');
}

function validPoint(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}

/** Every date from start to end inclusive, YYYY-MM-DD. */
export function dateRange(startDate: string, endDate: string): string[] {
  const out: string[] = [];
  for (let ms = parseDay(startDate); ms <= parseDay(endDate); ms += DAY_MS) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}

/**
 * Local wall-clock time (Asia/Ho_Chi_Minh, UTC+07:00, no DST) as ISO 8601 with offset.
 * @param minutesAfterMidnight may exceed 1440 (rolls into the next day)
 */
export function localIso(date: string, minutesAfterMidnight: number): string {
  const ms = parseDay(date) + Math.round(minutesAfterMidnight) * 60_000;
  return `${new Date(ms).toISOString().slice(0, 19)}+07:00`;
}

/** 32-bit seed from a string (FNV-1a) or a number. */
export function seedNumber(seed: string | number): number {
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed >>> 0;
  let hash = 0x811c9dc5;
  for (const ch of String(seed)) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return hash;
}
