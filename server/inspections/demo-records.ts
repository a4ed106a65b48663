import type { Feature, FeatureCollection } from 'geojson';
import type { Agency } from '../collections/vocabulary.ts';
import type { AgencyInspection, Decision, Finding } from '../storage/inspections.ts';
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
