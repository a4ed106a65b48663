import type { GenerateOptions, ScaleOptions } from './types.ts';

export const DEFAULT_SEED = 20250701;

/** Kon Tum at a realistic provincial size: ~1,500 BTS, ~3,000 km of cable, three years of incidents. */
export const PROVINCE_SCALE: ScaleOptions = {
  btsSites: 1500,
  cableKm: 3000,
  incidents: 3600,
  scrapDealers: 45,
  // About one agent per 1,100 inhabitants (~540,000): SIM and top-up points dominate, then internet and game shops.
  serviceAgents: 480,
  keyTargets: 8,
  incidentStartDate: '2023-11-01',
  incidentYears: 3,
};

/** The land area the province preset is sized for: the union of Kon Tum's 40 communes. */
export const PROVINCE_SCALE_KM2 = 9677;

/** The province preset scaled by land area, for another area (at least one of each, so every layer has a feature). */
export function scaleForArea(areaKm2: number): ScaleOptions {
  const ratio = areaKm2 / PROVINCE_SCALE_KM2;
  const scaled = (count: number) => Math.max(1, Math.round(count * ratio));
  return {
    ...PROVINCE_SCALE,
    btsSites: scaled(PROVINCE_SCALE.btsSites), cableKm: scaled(PROVINCE_SCALE.cableKm), incidents: scaled(PROVINCE_SCALE.incidents),
    scrapDealers: scaled(PROVINCE_SCALE.scrapDealers), serviceAgents: scaled(PROVINCE_SCALE.serviceAgents), keyTargets: scaled(PROVINCE_SCALE.keyTargets),
  };
}

/**
 * The counts to generate: explicit ones, else the province preset — as it is for the area the repository ships, by
 * land area for any other (`areaKm2`).
 */
export function resolveScale(options: GenerateOptions, area: { isDefault: boolean; km2: number } = { isDefault: true, km2: PROVINCE_SCALE_KM2 }): ScaleOptions {
  const scale = options.scale ?? 'province';
  if (scale === 'province') return area.isDefault ? PROVINCE_SCALE : scaleForArea(area.km2);
  for (const [name, value] of Object.entries(scale)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) {
      throw new Error(`${name} must be a non-negative number`);
    }
  }
  return scale;
}
