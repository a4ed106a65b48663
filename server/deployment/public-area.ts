import type { AreaConfig, Organisation } from './area.ts';

/** One organisation as anyone may read it: today's name, the former one where it changed, its symbol on documents. */
function publicOrganisation(organisation: Organisation) {
  const { name, nameEn, formerName, formerNameEn, symbol } = organisation;
  return { name, nameEn, ...(formerName ? { formerName } : {}), ...(formerNameEn ? { formerNameEn } : {}), ...(symbol ? { symbol } : {}) };
}

/**
 * The part of the deployment's area.json that anyone may read (the hotline needs it before anyone signs in): the
 * area's names, the province it belongs to today, the place written on documents, today's organisations with their
 * former names, the data attribution and where its maps start (`bounds`). Fields are picked one by one, so a field added to area.json later (file
 * names, town codes, anything internal) stays on the server until it is added here on purpose.
 */
export function publicArea(area: AreaConfig) {
  return {
    name: area.name,
    nameEn: area.nameEn,
    province: { name: area.province.name, nameEn: area.province.nameEn },
    place: area.place,
    organisations: {
      department: publicOrganisation(area.organisations.department),
      police: publicOrganisation(area.organisations.police),
      committee: publicOrganisation(area.organisations.committee),
    },
    attribution: { boundaries: area.attribution.boundaries, ...(area.attribution.roads ? { roads: area.attribution.roads } : {}) },
    ...(area.bounds ? { bounds: area.bounds } : {}),
  };
}

/** What `GET /api/area` answers. */
export type PublicArea = ReturnType<typeof publicArea>;
export type PublicOrganisation = ReturnType<typeof publicOrganisation>;
