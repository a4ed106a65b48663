import type { Rng } from '../../server/analysis/prng/index.ts';

export const TYPE_WEIGHTS = [
  ['cable_theft', 40], ['cable_cut', 12], ['equipment_theft', 10], ['vandalism', 8], ['fire_explosion', 2],
  ['intrusion_alarm', 18], ['postal_contraband', 3], ['other', 7],
] as const;
export const CLUSTER_TYPE_WEIGHTS = [['cable_theft', 75], ['cable_cut', 15], ['vandalism', 10]] as const;

/** [min, max] damage in million VND and outage minutes by type: theft and cuts take lines down for hours. */
const IMPACT: Record<string, { damage: [number, number]; outage: [number, number] }> = {
  cable_theft: { damage: [5, 80], outage: [60, 720] },
  cable_cut: { damage: [10, 150], outage: [120, 1440] },
  equipment_theft: { damage: [20, 300], outage: [30, 600] },
  vandalism: { damage: [2, 30], outage: [0, 120] },
  fire_explosion: { damage: [50, 800], outage: [60, 2880] },
  intrusion_alarm: { damage: [0, 5], outage: [0, 30] },
  postal_contraband: { damage: [0, 0], outage: [0, 0] },
  other: { damage: [0, 10], outage: [0, 60] },
};

const DESCRIPTION: Record<string, string[]> = {
  cable_theft: ['Mất trộm {n} m cáp quang treo', 'Kẻ gian cắt trộm {n} m cáp đồng', 'Mất trộm cáp thuê bao, khoảng {n} m'],
  cable_cut: ['Tuyến cáp bị cắt đứt, gián đoạn dịch vụ', 'Cáp bị phá hoại tại {n} điểm', 'Đứt cáp do thi công đào đường'],
  equipment_theft: ['Mất trộm ắc quy tại trạm', 'Mất trộm thiết bị nguồn tại trạm', 'Mất trộm máy phát điện dự phòng'],
  vandalism: ['Phá hoại tủ cáp, cột treo cáp', 'Ném đá làm hư hỏng thiết bị', 'Phá khóa cửa nhà trạm'],
  fire_explosion: ['Cháy tủ nguồn tại trạm', 'Cháy cột cáp do đốt rẫy'],
  intrusion_alarm: ['Báo động xâm nhập từ hệ thống chống trộm', 'Cảnh báo mở cửa nhà trạm ngoài giờ'],
  postal_contraband: ['Phát hiện bưu gửi chứa hàng cấm', 'Bưu phẩm nghi chứa hàng lậu'],
  other: ['Sự việc khác liên quan hạ tầng viễn thông', 'Người lạ lảng vảng khu vực trạm'],
};

function status(rng: Rng, type: string, ageDays: number): string {
  if (rng.chance(type === 'intrusion_alarm' ? 0.4 : 0.05)) return 'false_alarm';
  if (rng.chance(0.02)) return 'duplicate';
  if (ageDays > 120) return rng.weighted([['resolved', 85], ['investigating', 10], ['verified', 5]] as const);
  if (ageDays > 30) return rng.weighted([['resolved', 50], ['investigating', 30], ['verified', 20]] as const);
  return rng.weighted([['reported', 40], ['verified', 30], ['investigating', 20], ['resolved', 10]] as const);
}

/** Source, status, damage, outage and a Vietnamese description for one incident. */
export function incidentAttributes(rng: Rng, type: string, ageDays: number) {
  const source = type === 'intrusion_alarm'
    ? 'carrier_alarm'
    : rng.weighted([['hotline', 30], ['patrol', 25], ['police', 20], ['carrier_alarm', 25]] as const);
  const finalStatus = status(rng, type, ageDays);
  const impact = IMPACT[type];
  const falseAlarm = finalStatus === 'false_alarm';
  return {
    source,
    status: finalStatus,
    damage_vnd: falseAlarm ? 0 : Math.round(rng.range(impact.damage[0], impact.damage[1]) * 10) * 100_000,
    outage_minutes: falseAlarm ? 0 : rng.int(impact.outage[0], impact.outage[1]),
    description: rng.pick(DESCRIPTION[type]).replace('{n}', String(type === 'cable_cut' ? rng.int(1, 3) : rng.int(2, 60) * 10)),
  };
}
