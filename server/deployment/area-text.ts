import type { AreaConfig } from './area.ts';

/**
 * The area in an English sentence, as area.json names it: "the Kon Tum area of Quang Ngai province" (a former
 * province inside today's one), or "Quang Ngai province" when the area is the whole province.
 */
export function areaInEnglish(area: AreaConfig): string {
  const province = `${area.province.nameEn} province`;
  return area.nameEn === area.province.nameEn ? province : `the ${area.nameEn} area of ${province}`;
}

/** "Telecom, postal and IT infrastructure, key targets and incidents of …": what the API serves, for its descriptions. */
export const servedData = (area: AreaConfig): string => `Telecom, postal and IT infrastructure, key targets and incidents of ${areaInEnglish(area)}`;
