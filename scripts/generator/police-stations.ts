import { districtName, type BaseData } from './base.ts';
import { drawInside, pointNear, type CommuneLocator } from './geo.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { PointDraft } from './sites.ts';
import type { Town } from './types.ts';

/**
 * One police station per former district, in its town (or, where the data has none, at the centre of the
 * district's first commune): the bases patrol plans start from. District police were abolished in 2025, so each
 * is named as the commune or ward police it is today ("Công an phường Đăk Cấm"), its former district kept.
 */
export function buildPoliceStations(rng: Rng, base: BaseData, locate: CommuneLocator, towns: Town[]): PointDraft[] {
  const districts = new Map<string, string>();
  for (const centre of base.centres.features) districts.set(centre.properties.former_district_code, centre.properties.former_district_vi);
  return [...districts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([code, formerName]) => {
      const town = towns.find((candidate) => candidate.districtCode === code);
      const fallback = base.centres.features.find((centre) => centre.properties.former_district_code === code)!;
      const found = drawInside(locate, () => pointNear(rng, town?.centre ?? fallback.geometry.coordinates, 0.4));
      if (!found) return [];
      const commune = found.commune;
      const unit = `Công an ${commune.type === 'ward' ? 'phường' : 'xã'} ${commune.name_vi.normalize('NFC')}`;
      return [{ position: found.position, properties: { name: unit, commune_code: commune.code, commune_name: commune.name_vi.normalize('NFC'), district_code: code, district_name: districtName(formerName) } }];
    });
}
