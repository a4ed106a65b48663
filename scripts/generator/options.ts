import type { GenerateOptions, ScaleOptions } from './types.ts';

export const DEFAULT_SEED = 20250701;

/** Kon Tum at a realistic provincial size: ~1,500 BTS, ~3,000 km of cable, three years of incidents. */
export const PROVINCE_SCALE: ScaleOptions = {
  btsSites: 1500,
  cableKm: 3000,
  incidents: 3600,
  scrapDealers: 45,
  keyTargets: 8,
  incidentStartDate: '2023-11-01',
  incidentYears: 3,
};

export function resolveScale(options: GenerateOptions): ScaleOptions {
  const scale = options.scale ?? 'province';
  if (scale === 'province') return PROVINCE_SCALE;
  for (const [name, value] of Object.entries(scale)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) {
      throw new Error(`${name} must be a non-negative number`);
    }
  }
  return scale;
}
