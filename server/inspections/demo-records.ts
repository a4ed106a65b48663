import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Agency } from '../collections/vocabulary.ts';
import type { AgencyInspection, Decision, Finding, InspectionPlan, InspectionTarget, PlanItem } from '../storage/inspections.ts';
import { resultOf } from './check.ts';
import { MAPPED_RESULT_COLLECTIONS } from './target.ts';

type Result = AgencyInspection['result'];
type Outcome = { findings: Finding[]; decision: Decision };

/** What the demo's inspections found and decided, per collection and result; `resultOf` of each is that result. */
const OUTCOMES: Record<(typeof MAPPED_RESULT_COLLECTIONS)[number], Record<Result, Outcome>> = {
  scrap_dealers: {
    compliant: { findings: [], decision: { kind: 'none' } },
    warning: { findings: [{ kind: 'no_purchase_register', severity: 'minor' }], decision: { kind: 'warning' } },
    violation: { findings: [{ kind: 'cable_of_unknown_origin', severity: 'serious' }], decision: { kind: 'referral_to_police' } },
  },
  service_agents: {
    compliant: { findings: [], decision: { kind: 'none' } },
    warning: { findings: [{ kind: 'subscriber_data_unverified', severity: 'minor' }], decision: { kind: 'warning' } },
    violation: { findings: [{ kind: 'pre_activated_sims', severity: 'major' }], decision: { kind: 'fine', amountVnd: 10_000_000, legalBasis: 'Nghị định 15/2020/NĐ-CP' } },
  },
};

/** Who inspected: the police the dealers; the department the telecom and postal agents with the police, the commune the internet shops. */
function agenciesOf(collection: string, feature: Feature): { agency: Agency; jointWith: Agency[] } {
  if (collection === 'scrap_dealers') return { agency: 'police', jointWith: [] };
  return feature.properties?.kind === 'internet_shop' ? { agency: 'commune', jointWith: ['police'] } : { agency: 'dic', jointWith: ['police'] };
}

/**
 * The inspection record behind each demo agent's and dealer's last result, so that the map's colour and the panel's
 * list tell the same story (synthetic, like the features; recorded by `demo`).
 */
export function demoInspections(dataset: Record<string, FeatureCollection>): Omit<AgencyInspection, 'id'>[] {
  return MAPPED_RESULT_COLLECTIONS.flatMap((collection) => (dataset[collection]?.features ?? []).flatMap((feature) => {
    const { last_inspection_date: date, last_inspection_result: result, owner, name } = (feature.properties ?? {}) as Record<string, unknown>;
    if (typeof date !== 'string' || (result !== 'compliant' && result !== 'warning' && result !== 'violation')) return [];
    const outcome = OUTCOMES[collection][result];
    return [{
      target: { kind: collection === 'scrap_dealers' ? 'scrap_dealer' : 'service_agent', collection, id: Number(feature.id), owner: typeof owner === 'string' ? owner : null, name: typeof name === 'string' ? name : null, area: null },
      ...agenciesOf(collection, feature), date, ...outcome, result: resultOf(outcome.findings, outcome.decision),
      followUpDate: null, notes: null, planItemId: null, recordedBy: 'demo', recordedAt: `${date}T02:00:00.000Z`,
    }];
  }));
}

/** One demo plan item: what the department planned, and which of `demoInspections`' records carried it out. */
export type DemoPlanItem = { item: Omit<PlanItem, 'id' | 'planId'>; carriedOutBy: number[] };
export type DemoPlan = { plan: Omit<InspectionPlan, 'id'>; items: DemoPlanItem[] };

const byId = (a: Feature, b: Feature) => Number(a.id) - Number(b.id);
const targetOf = (collection: 'service_agents' | 'scrap_dealers' | 'bts_sites', feature: Feature): InspectionTarget => {
  const { owner, name, site_code: code } = (feature.properties ?? {}) as Record<string, unknown>;
  return {
    kind: collection === 'service_agents' ? 'service_agent' : collection === 'scrap_dealers' ? 'scrap_dealer' : 'site', collection, id: Number(feature.id),
    owner: typeof owner === 'string' ? owner : null, name: typeof name === 'string' ? name : typeof code === 'string' ? code : null, area: null,
  };
};
/** A square of about 1 km around a point: the centre of a town where the commune and the police inspect shops together. */
const squareAround = ([x, y]: number[]): Polygon => ({ type: 'Polygon', coordinates: [[[x - 0.005, y - 0.005], [x + 0.005, y - 0.005], [x + 0.005, y + 0.005], [x - 0.005, y + 0.005], [x - 0.005, y - 0.005]]] });

/**
 * The department's joint inspection plans of the demo (synthetic, like everything they plan for; created by `demo`):
 * the first half of 2026, whose items are the demo's inspections of that half (each carried out by the agency that
 * recorded it) and one town-centre area the commune and the police never got to; and the last quarter of 2026, with
 * uninspected agents, a dealer and a BTS site still to come. Chosen by id from the dataset, so always the same.
 */
export function demoPlans(dataset: Record<string, FeatureCollection>, inspections: readonly Omit<AgencyInspection, 'id'>[]): DemoPlan[] {
  const firstHalf = inspections.map((inspection, index) => ({ inspection, index }))
    .filter(({ inspection }) => inspection.date >= '2026-01-01' && inspection.date <= '2026-06-30')
    .sort((a, b) => a.inspection.date.localeCompare(b.inspection.date) || (a.inspection.target.id ?? 0) - (b.inspection.target.id ?? 0))
    .slice(0, 6);
  const agents = [...(dataset.service_agents?.features ?? [])].sort(byId);
  const town = agents.find((agent) => agent.properties?.kind === 'internet_shop') ?? agents[0];
  const uninspected = agents.filter((agent) => agent.properties?.last_inspection_result === 'not_inspected' && agent.properties?.status === 'active').slice(0, 4);
  const dealer = [...(dataset.scrap_dealers?.features ?? [])].sort(byId).find((candidate) => candidate.properties?.last_inspection_result === 'not_inspected');
  const site = [...(dataset.bts_sites?.features ?? [])].sort(byId)[0];
  const created = { createdBy: 'demo', notes: 'Kế hoạch mô phỏng cho bản demo (dữ liệu tổng hợp, không phải kế hoạch thật).' };
  const plans: DemoPlan[] = [];
  if (firstHalf.length > 0) {
    plans.push({
      plan: { title: 'Kiểm tra liên ngành 6 tháng đầu năm 2026 (mô phỏng)', from: '2026-01-01', to: '2026-06-30', ...created, createdAt: '2025-12-20T02:00:00.000Z' },
      items: [
        ...firstHalf.map(({ inspection, index }) => ({ item: { target: inspection.target, agencies: [inspection.agency], date: inspection.date, notes: null }, carriedOutBy: [index] })),
        ...(town?.geometry?.type === 'Point' ? [{
          item: { target: { kind: 'area' as const, collection: null, id: null, owner: null, name: `Khu trung tâm ${String(town.properties?.commune_name ?? 'thị trấn')}`, area: squareAround(town.geometry.coordinates) }, agencies: ['commune', 'police'] as Agency[], date: '2026-05-20', notes: null },
          carriedOutBy: [],
        }] : []),
      ],
    });
  }
  const laterDays = ['2026-10-20', '2026-11-10', '2026-12-05', '2026-12-18'];
  plans.push({
    plan: { title: 'Kiểm tra liên ngành quý IV/2026 (mô phỏng)', from: '2026-10-01', to: '2026-12-31', ...created, createdAt: '2026-09-25T02:00:00.000Z' },
    items: [
      ...uninspected.map((agent, index) => ({ item: { target: targetOf('service_agents', agent), agencies: ['dic', 'police'] as Agency[], date: laterDays[index], notes: null }, carriedOutBy: [] })),
      ...(dealer ? [{ item: { target: targetOf('scrap_dealers', dealer), agencies: ['police', 'market_management'] as Agency[], date: '2026-12-10', notes: null }, carriedOutBy: [] }] : []),
      ...(site ? [{ item: { target: targetOf('bts_sites', site), agencies: ['frequency_department', 'dic'] as Agency[], date: '2026-11-25', notes: null }, carriedOutBy: [] }] : []),
    ],
  });
  return plans;
}
