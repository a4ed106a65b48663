import type { AreaMeasures } from './measure.ts';

/** The four parts of a hotspot's score. */
export type RiskFactor = 'intensity' | 'severity' | 'exposure' | 'scrap_dealers';

/** Points per exposed asset that make up the exposure factor. */
export type ExposurePoints = { keyTarget: number; backboneKm: number; site: number };

const vi = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const en = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Raw value of each factor, before normalisation. */
export function factorValue(factor: RiskFactor, m: AreaMeasures, points: ExposurePoints): number {
  switch (factor) {
    case 'intensity':
      return m.intensity;
    case 'severity':
      return m.severityMean;
    case 'exposure':
      return m.keyTargetCount * points.keyTarget + m.backboneKm * points.backboneKm + m.siteCount * points.site;
    case 'scrap_dealers':
      return m.scrapDealerCount;
  }
}

/** One factor in words, Vietnamese first, with the raw numbers a planner can check. */
export function explainFactor(
  factor: RiskFactor, m: AreaMeasures, halfLifeDays: number, radiusMeters: number,
): { explanation_vi: string; explanation_en: string } {
  switch (factor) {
    case 'intensity':
      return {
        explanation_vi: `${m.incidentCount} vụ (${m.recentCount} vụ trong 6 tháng gần nhất); cường độ có trọng số thời gian ${vi(m.intensity)} (chu kỳ bán rã ${halfLifeDays} ngày)`,
        explanation_en: `${count(m.incidentCount, 'incident')} (${m.recentCount} in the last 6 months); time-weighted intensity ${en(m.intensity)} (half-life ${halfLifeDays} days)`,
      };
    case 'severity':
      return m.incidentCount === 0
        ? { explanation_vi: 'Không có vụ việc', explanation_en: 'No incidents' }
        : {
            explanation_vi: `Mức nghiêm trọng trung bình ${vi(m.severityMean)}/5 của ${m.incidentCount} vụ`,
            explanation_en: `Mean severity ${en(m.severityMean)} of 5 over ${count(m.incidentCount, 'incident')}`,
          };
    case 'exposure':
      return {
        explanation_vi: `${m.keyTargetCount} mục tiêu trọng điểm, ${vi(m.backboneKm)} km cáp trục, ${m.siteCount} trạm BTS trong khu vực`,
        explanation_en: `${count(m.keyTargetCount, 'designated key target')}, ${en(m.backboneKm)} km of backbone cable, ${count(m.siteCount, 'BTS site')} in the area`,
      };
    case 'scrap_dealers':
      return {
        explanation_vi: `${m.scrapDealerCount} cơ sở thu mua phế liệu trong vòng ${vi(radiusMeters / 1000)} km`,
        explanation_en: `${count(m.scrapDealerCount, 'scrap dealer')} within ${en(radiusMeters / 1000)} km`,
      };
  }
}
