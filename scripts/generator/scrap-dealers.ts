import { drawInside, pointNear, type CommuneLocator } from './geo.ts';
import { districtName } from './base.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { PointDraft } from './sites.ts';
import type { Town } from './types.ts';

const TRADE_NAMES = ['Hoàng Long', 'Phát Đạt', 'Minh Tâm', 'Thành Công', 'Hưng Thịnh', 'Tân Phú', 'An Khang', 'Quang Vinh', 'Bảo Ngọc', 'Đức Tài'];
const STREETS = ['Phan Đình Phùng', 'Trần Hưng Đạo', 'Hùng Vương', 'Nguyễn Huệ', 'Lê Lợi', 'Bà Triệu', 'Ure', 'Duy Tân'];

function inspection(rng: Rng): { date: string | null; result: string } {
  const result = rng.weighted([['compliant', 50], ['warning', 22], ['violation', 10], ['not_inspected', 18]] as const);
  if (result === 'not_inspected') return { date: null, result };
  const year = rng.pick([2025, 2026]);
  const month = year === 2026 ? rng.int(1, 10) : rng.int(1, 12);
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, result };
}

/** Scrap dealers in the towns, a third of them in the city, with their last inspection. */
export function buildScrapDealers(rng: Rng, locate: CommuneLocator, towns: Town[], count: number): PointDraft[] {
  const city = towns.find((town) => town.rank === 'city')!;
  const dealers: PointDraft[] = [];
  for (let index = 0; dealers.length < count && index < count * 3; index += 1) {
    const town = rng.chance(0.35) ? city : rng.pick(towns);
    const found = drawInside(locate, () => pointNear(rng, town.centre, town.rank === 'city' ? 4 : 2));
    if (!found) continue;
    const check = inspection(rng);
    dealers.push({
      position: found.position,
      properties: {
        name: `Cơ sở thu mua phế liệu ${rng.pick(TRADE_NAMES)} ${dealers.length + 1}`,
        address: `${rng.int(1, 320)} ${rng.pick(STREETS)}, ${found.commune.name_vi}`,
        commune_code: found.commune.code,
        commune_name: found.commune.name_vi.normalize('NFC'),
        district_code: found.commune.former_district_code,
        district_name: districtName(found.commune.former_district_vi),
        last_inspection_date: check.date,
        last_inspection_result: check.result,
      },
    });
  }
  return dealers;
}
