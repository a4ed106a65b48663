import { Conflict } from '../../errors.ts';
import type { Reward, RewardCounts, RewardStatus, RewardStore } from '../rewards.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

const COLUMNS = `r.id, r.hotline_report_id AS hotlineReportId, h.tracking_code AS trackingCode, r.incident_id AS incidentId, r.status,
  r.proposal, r.proposed_by AS proposedBy, r.proposed_at AS proposedAt, r.amount_vnd AS amountVnd, r.decision_number AS decisionNumber,
  r.refusal_reason AS refusalReason, r.decided_by AS decidedBy, r.decided_at AS decidedAt
  FROM rewards r JOIN hotline_reports h ON h.id = r.hotline_report_id`;

const iso = (ms: number) => new Date(ms).toISOString();

/** rewards (migration 060); instants are stored as `Date.toISOString()`, so they compare as text. */
export function createSqliteRewards(db: SqliteDatabase): Sync<RewardStore> {
  const statements = {
    insert: db.prepare(`INSERT INTO rewards (hotline_report_id, incident_id, status, proposal, proposed_by, proposed_at)
      VALUES (?, ?, 'proposed', ?, ?, ?)`),
    get: db.prepare(`SELECT ${COLUMNS} WHERE r.id = ?`),
    forReport: db.prepare(`SELECT ${COLUMNS} WHERE r.hotline_report_id = ?`),
    approve: db.prepare("UPDATE rewards SET status = 'approved', amount_vnd = ?, decision_number = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'proposed'"),
    refuse: db.prepare("UPDATE rewards SET status = 'refused', refusal_reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'proposed'"),
    counts: db.prepare(`SELECT
        (SELECT count(*) FROM rewards WHERE proposed_at BETWEEN @start AND @end) AS proposed,
        (SELECT count(*) FROM rewards WHERE status = 'approved' AND decided_at BETWEEN @start AND @end) AS approved,
        (SELECT count(*) FROM rewards WHERE status = 'refused' AND decided_at BETWEEN @start AND @end) AS refused,
        (SELECT coalesce(sum(amount_vnd), 0) FROM rewards WHERE status = 'approved' AND decided_at BETWEEN @start AND @end) AS amountVnd`),
  };
  const get = (id: number) => statements.get.get(id) as Reward | undefined;
  return {
    propose(reward) {
      if (statements.forReport.get(reward.hotlineReportId)) throw new Conflict('this report already has a reward', { hotlineReportId: reward.hotlineReportId });
      const { lastInsertRowid } = statements.insert.run(reward.hotlineReportId, reward.incidentId, reward.proposal, reward.proposedBy, reward.proposedAt);
      return get(Number(lastInsertRowid))!;
    },
    get,
    forReport: (hotlineReportId) => statements.forReport.get(hotlineReportId) as Reward | undefined,
    list(status, limit, offset) {
      const where = status ? 'WHERE r.status = ?' : '';
      const params: RewardStatus[] = status ? [status] : [];
      const rewards = db.prepare(`SELECT ${COLUMNS} ${where} ORDER BY r.proposed_at, r.id LIMIT ? OFFSET ?`).all(...params, limit, offset) as Reward[];
      return { rewards, numberMatched: db.prepare(`SELECT count(*) FROM rewards r ${where}`).pluck().get(...params) as number };
    },
    decide(id, decision) {
      const changed = decision.status === 'approved'
        ? statements.approve.run(decision.amountVnd, decision.decisionNumber, decision.decidedBy, decision.decidedAt, id)
        : statements.refuse.run(decision.refusalReason, decision.decidedBy, decision.decidedAt, id);
      return changed.changes === 1;
    },
    periodCounts: (range) => statements.counts.get({ start: iso(range.startMs), end: iso(range.endMs) }) as RewardCounts,
  };
}
