import type { Position } from 'geojson';
import type { BaseData, CommuneProps } from './base.ts';
import { drawInside, pointNear, type CommuneLocator } from './geo.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { PointDraft } from './sites.ts';
import type { Town } from './types.ts';

const SHOP_NAMES = ['Minh Anh', 'Thu Hà', 'Hoàng Phúc', 'Ngọc Lan', 'Tuấn Kiệt', 'Bảo An', 'Gia Huy', 'Phương Nam', 'Kim Ngân', 'Đức Thịnh', 'Hải Yến', 'Y Blông'];
const STREETS = ['Phan Đình Phùng', 'Trần Hưng Đạo', 'Hùng Vương', 'Nguyễn Huệ', 'Lê Lợi', 'Bà Triệu', 'Ure', 'Duy Tân', 'Trần Phú', 'Lê Duẩn'];
const CARRIER_LABEL: Record<string, string> = { viettel: 'Viettel', vnpt: 'VinaPhone', mobifone: 'MobiFone', fpt: 'FPT', vnpost: 'VNPost' };
const CONTRACT_CODE: Record<string, string> = { viettel: 'VTL', vnpt: 'VNP', mobifone: 'MBF', fpt: 'FPT', vnpost: 'VNP-BC', independent: 'ĐL' };

type Kind = 'telecom_agent' | 'internet_shop' | 'postal_agent';

/** Who an agent of a kind works for: SIM points for the mobile carriers, internet shops mostly on their own. */
function ownerOf(rng: Rng, kind: Kind): string {
  if (kind === 'telecom_agent') return rng.weighted([['viettel', 42], ['vnpt', 26], ['mobifone', 24], ['fpt', 4], ['independent', 4]] as const);
  if (kind === 'postal_agent') return rng.weighted([['vnpost', 55], ['viettel', 15], ['independent', 30]] as const);
  return rng.weighted([['independent', 80], ['fpt', 8], ['viettel', 6], ['vnpt', 6]] as const);
}

function nameOf(rng: Rng, kind: Kind, owner: string, index: number): string {
  const shop = rng.pick(SHOP_NAMES);
  if (kind === 'telecom_agent') return `Đại lý ${CARRIER_LABEL[owner] ?? 'SIM, thẻ cào'} ${shop} ${index}`;
  if (kind === 'postal_agent') return `Đại lý bưu chính ${owner === 'independent' ? 'chuyển phát nhanh' : CARRIER_LABEL[owner]} ${shop} ${index}`;
  return `Điểm Internet, trò chơi điện tử ${shop} ${index}`;
}

const isoDay = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function lastInspection(rng: Rng, kind: Kind): { date: string | null; result: string } {
  // Internet and game shops are inspected most (licence, opening hours, content), SIM points for SIM registration.
  const inspected = rng.chance(kind === 'internet_shop' ? 0.8 : kind === 'telecom_agent' ? 0.6 : 0.4);
  if (!inspected) return { date: null, result: 'not_inspected' };
  const result = rng.weighted([['compliant', 62], ['warning', 26], ['violation', 12]] as const);
  const year = rng.pick([2025, 2026]);
  return { date: isoDay(year, year === 2026 ? rng.int(1, 10) : rng.int(1, 12), rng.int(1, 28)), result };
}

function agentAt(rng: Rng, position: Position, commune: CommuneProps, kind: Kind, index: number): PointDraft {
  const owner = ownerOf(rng, kind);
  const check = lastInspection(rng, kind);
  const status = check.result === 'violation' && rng.chance(0.35) ? 'suspended' : rng.chance(0.04) ? 'closed' : 'active';
  const year = rng.int(2022, 2026);
  return {
    position,
    properties: {
      name: nameOf(rng, kind, owner, index),
      kind,
      owner,
      address: `${rng.int(1, 420)} ${rng.pick(STREETS)}, ${commune.name_vi.normalize('NFC')}`,
      commune_code: commune.code,
      commune_name: commune.name_vi.normalize('NFC'),
      licence: `${kind === 'internet_shop' ? 'GCN-TCTĐ' : `HĐĐL-${CONTRACT_CODE[owner]}`}-${year}-${String(rng.int(1, 9999)).padStart(4, '0')}`,
      licence_expiry: isoDay(year + rng.int(2, 5), rng.int(1, 12), rng.int(1, 28)),
      status,
      district_code: commune.former_district_code,
      last_inspection_date: check.date,
      last_inspection_result: check.result,
    },
  };
}

/**
 * Service agents (directive item 2b) where people shop: 45 % in the capital, 35 % in the other towns, the rest at
 * commune centres; SIM and top-up points are 60 %, internet and game shops 25 %, postal agents 15 %.
 */
export function buildServiceAgents(rng: Rng, base: BaseData, locate: CommuneLocator, towns: Town[], count: number): PointDraft[] {
  const capital = towns.find((town) => town.rank === 'city') ?? towns[0];
  const others = towns.filter((town) => town !== capital);
  const centres = base.centres.features;
  const agents: PointDraft[] = [];
  for (let attempt = 0; agents.length < count && attempt < count * 3; attempt += 1) {
    const where = rng.next();
    const [centre, radiusKm] = where < 0.45 || (others.length === 0 && where < 0.8)
      ? [capital.centre, 3]
      : where < 0.8 ? [rng.pick(others).centre, 1.5] : [rng.pick(centres).geometry.coordinates, 0.8];
    const found = drawInside(locate, () => pointNear(rng, centre, radiusKm));
    if (!found) continue;
    const kind = rng.weighted([['telecom_agent', 60], ['internet_shop', 25], ['postal_agent', 15]] as const);
    agents.push(agentAt(rng, found.position, found.commune, kind, agents.length + 1));
  }
  return agents;
}

