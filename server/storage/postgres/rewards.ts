import { Conflict } from '../../errors.ts';
import type { Reward, RewardCounts, RewardStore } from '../rewards.ts';
import { positional, type Sql } from './database.ts';

const COLUMNS = positional(`r.id, r.hotline_report_id AS hotlineReportId, h.tracking_code AS trackingCode, r.incident_id AS incidentId, r.status,
  r.proposal, r.proposed_by AS proposedBy, r.proposed_at AS proposedAt, r.amount_vnd AS amountVnd, r.decision_number AS decisionNumber,
  r.refusal_reason AS refusalReason, r.decided_by AS decidedBy, r.decided_at AS decidedAt
  FROM rewards r JOIN hotline_reports h ON h.id = r.hotline_report_id`);

const iso = (ms: number) => new Date(ms).toISOString();

/** rewards (migration 004); instants are stored as `Date.toISOString()`, so they compare as text (by code point). */
export function createPostgresRewards(sql: Sql): RewardStore {
  const get = async (id: number) => (await sql.rows<Reward>(`SELECT ${COLUMNS} WHERE r.id = $1`, [id]))[0];
  return {
    async propose(reward) {
      const [row] = await sql.rows<{ id: number }>(`INSERT INTO rewards (hotline_report_id, incident_id, status, proposal, proposed_by, proposed_at)
        VALUES ($1, $2, 'proposed', $3, $4, $5) ON CONFLICT (hotline_report_id) DO NOTHING RETURNING id`,
      [reward.hotlineReportId, reward.incidentId, reward.proposal, reward.proposedBy, reward.proposedAt]);
      if (!row) throw new Conflict('this report already has a reward', { hotlineReportId: reward.hotlineReportId });
      return (await get(row.id))!;
    },
    get,
    forReport: async (hotlineReportId) => (await sql.rows<Reward>(`SELECT ${COLUMNS} WHERE r.hotline_report_id = $1`, [hotlineReportId]))[0],
    async list(status, limit, offset) {
      const where = status ? 'WHERE r.status = $1' : '';
      const params: unknown[] = status ? [status] : [];
      const rewards = await sql.rows<Reward>(`SELECT ${COLUMNS} ${where} ORDER BY r.proposed_at COLLATE "C", r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset]);
      return { rewards, numberMatched: (await sql.rows<{ n: number }>(`SELECT count(*) AS n FROM rewards r ${where}`, params))[0].n };
    },
    async decide(id, decision) {
      const changed = decision.status === 'approved'
        ? await sql.rows("UPDATE rewards SET status = 'approved', amount_vnd = $1, decision_number = $2, decided_by = $3, decided_at = $4 WHERE id = $5 AND status = 'proposed' RETURNING id",
          [decision.amountVnd, decision.decisionNumber, decision.decidedBy, decision.decidedAt, id])
        : await sql.rows("UPDATE rewards SET status = 'refused', refusal_reason = $1, decided_by = $2, decided_at = $3 WHERE id = $4 AND status = 'proposed' RETURNING id",
          [decision.refusalReason, decision.decidedBy, decision.decidedAt, id]);
      return changed.length === 1;
    },
    periodCounts: async (range) => (await sql.rows<RewardCounts>(`SELECT
        (SELECT count(*) FROM rewards WHERE proposed_at COLLATE "C" BETWEEN $1 AND $2) AS proposed,
        (SELECT count(*) FROM rewards WHERE status = 'approved' AND decided_at COLLATE "C" BETWEEN $1 AND $2) AS approved,
        (SELECT count(*) FROM rewards WHERE status = 'refused' AND decided_at COLLATE "C" BETWEEN $1 AND $2) AS refused,
        (SELECT coalesce(sum(amount_vnd), 0)::bigint FROM rewards WHERE status = 'approved' AND decided_at COLLATE "C" BETWEEN $1 AND $2) AS "amountVnd"`,
    [iso(range.startMs), iso(range.endMs)]))[0],
  };
}
