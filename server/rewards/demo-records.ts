import type { Feature, FeatureCollection, Point } from 'geojson';
import { createRng } from '../analysis/prng/index.ts';
import type { NewHotlineReport } from '../storage/hotline.ts';
import type { RewardDecision } from '../storage/rewards.ts';
import { CONFIRMED_STATUSES } from './eligibility.ts';

/** Same alphabet as real tracking codes (server/hotline/tracking-code.ts): no 0/O, 1/I/L. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const DAY_MS = 86_400_000;
/** Proposals and decisions of the demo all lie before this day, so none is dated in the future of a fresh demo. */
const BEFORE = '2026-09-01';
/** The police propose ten days after the report, the department decides two weeks later. */
const PROPOSED_AFTER_MS = 10 * DAY_MS;
const DECIDED_AFTER_MS = 24 * DAY_MS;

/** What happened to each demo proposal, in order: two approved, one refused, two still waiting for the department. */
const OUTCOMES: ({ status: 'approved'; amountVnd: number } | { status: 'refused'; refusalReason: string } | null)[] = [
  { status: 'approved', amountVnd: 2_000_000 },
  { status: 'approved', amountVnd: 5_000_000 },
  { status: 'refused', refusalReason: 'Vụ việc đã được lực lượng tuần tra phát hiện trước khi có tin báo (dữ liệu mô phỏng)' },
  null,
  null,
];

export type DemoReward = {
  report: NewHotlineReport;
  /** When the police converted the report into its incident. */
  convertedAt: string;
  incidentId: number;
  proposal: string;
  proposedAt: string;
  decision: RewardDecision | null;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The hotline reports behind a handful of the demo's confirmed hotline incidents, and the rewards proposed for them
 * (issue 18 §2): synthetic like the incidents, recorded by `demo`, with codes from a seeded stream so that the same
 * dataset always gives the same records. The latest confirmed hotline incidents decided before BEFORE are taken.
 */
export function demoRewards(dataset: Record<string, FeatureCollection>, seed = 20250701): DemoReward[] {
  const rng = createRng(seed);
  const code = () => {
    const chars = Array.from({ length: 8 }, () => ALPHABET[rng.int(0, ALPHABET.length - 1)]).join('');
    return `KT-${chars.slice(0, 4)}-${chars.slice(4)}`;
  };
  const confirmed = (dataset.incidents?.features ?? []).filter((incident): incident is Feature<Point> => {
    const { source, status, reported_at: reportedAt } = incident.properties ?? {};
    return incident.geometry?.type === 'Point' && source === 'hotline' && (CONFIRMED_STATUSES as readonly string[]).includes(String(status))
      && Date.parse(String(reportedAt)) + DECIDED_AFTER_MS < Date.parse(BEFORE);
  }).sort((a, b) => String(a.properties!.reported_at).localeCompare(String(b.properties!.reported_at)) || Number(a.id) - Number(b.id));
  return confirmed.slice(-OUTCOMES.length).map((incident, index) => {
    const properties = incident.properties!;
    const received = Date.parse(String(properties.reported_at));
    const proposed = received + PROPOSED_AFTER_MS;
    const decidedAt = iso(received + DECIDED_AFTER_MS);
    const outcome = OUTCOMES[index];
    const decision: RewardDecision | null = outcome === null ? null : outcome.status === 'approved'
      ? { status: 'approved', amountVnd: outcome.amountVnd, decisionNumber: `${101 + index}/QĐ-SKHCN`, decidedBy: 'demo', decidedAt }
      : { status: 'refused', refusalReason: outcome.refusalReason, decidedBy: 'demo', decidedAt };
    return {
      report: {
        trackingCode: code(), lon: incident.geometry.coordinates[0], lat: incident.geometry.coordinates[1], seenAt: String(properties.occurred_at),
        description: typeof properties.description === 'string' && properties.description ? properties.description : 'Người dân báo có người lạ tháo cáp viễn thông (dữ liệu mô phỏng)',
        category: typeof properties.type === 'string' ? properties.type : null, contact: null, receivedAt: iso(received), clientAddress: 'demo',
      },
      convertedAt: iso(received + 2 * 3_600_000),
      incidentId: Number(incident.id),
      proposal: 'Tin báo chính xác, kịp thời, giúp xác minh và xử lý vụ việc (dữ liệu mô phỏng)',
      proposedAt: iso(proposed),
      decision,
    };
  });
}
