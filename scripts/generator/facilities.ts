import type { Owner } from '../../server/collections/vocabulary.ts';
import { drawInside, pointNear, type CommuneLocator } from './geo.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { PointDraft } from './sites.ts';
import type { BaseData } from './base.ts';
import type { Town } from './types.ts';

const LABEL: Record<string, string> = { viettel: 'Viettel', vnpt: 'VNPT', mobifone: 'MobiFone', fpt: 'FPT Telecom' };

type Plan = { kind: string; owner: Owner; name: string; town: Town; radiusKm: number };

function plansFor(town: Town): Plan[] {
  const isCity = town.rank === 'city';
  const owners: Owner[] = isCity ? ['viettel', 'vnpt', 'mobifone', 'fpt'] : ['viettel', 'vnpt'];
  const plans: Plan[] = owners.map((owner) => ({ kind: 'exchange', owner, name: `Tổng đài ${LABEL[owner]} ${town.name}`, town, radiusKm: isCity ? 2 : 0.8 }));
  plans.push({ kind: 'post_office', owner: 'vnpost', name: `Bưu cục ${town.name}`, town, radiusKm: 0.5 });
  if (isCity) {
    plans.push(
      { kind: 'data_centre', owner: 'viettel', name: `Trung tâm dữ liệu Viettel ${town.name}`, town, radiusKm: 3 },
      { kind: 'data_centre', owner: 'vnpt', name: `Trung tâm dữ liệu VNPT ${town.name}`, town, radiusKm: 3 },
      { kind: 'radio_station', owner: 'vnpt', name: `Đài vô tuyến điện ${town.name}`, town, radiusKm: 4 },
      { kind: 'post_office', owner: 'vnpost', name: `Bưu điện ${town.name}`, town, radiusKm: 1 },
    );
  }
  return plans;
}

/**
 * Exchanges, data centres, post offices and a radio station in the towns, and a postal agent (Điểm Bưu điện – Văn hóa
 * xã) at every commune centre that is not a town.
 */
export function buildFacilities(rng: Rng, base: BaseData, locate: CommuneLocator, towns: Town[]): PointDraft[] {
  const facilities: PointDraft[] = [];
  for (const plan of towns.flatMap(plansFor)) {
    const found = drawInside(locate, () => pointNear(rng, plan.town.centre, plan.radiusKm));
    if (!found) continue;
    const address = `${found.commune.name_vi}, ${plan.town.name}`;
    facilities.push({ position: found.position, properties: { name: plan.name, kind: plan.kind, owner: plan.owner, address, status: 'active' } });
  }
  const townCommunes = new Set(towns.map((town) => town.communeCode));
  for (const centre of base.centres.features) {
    if (townCommunes.has(centre.properties.code)) continue;
    const found = drawInside(locate, () => pointNear(rng, centre.geometry.coordinates, 0.5));
    if (!found) continue;
    const name = `Điểm Bưu điện – Văn hóa xã ${centre.properties.name_vi}`;
    facilities.push({ position: found.position, properties: { name, kind: 'postal_agent', owner: 'vnpost', address: found.commune.name_vi, status: 'active' } });
  }
  return facilities;
}
