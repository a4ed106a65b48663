import { Hono } from 'hono';
import { z } from 'zod';
import { DIC, POLICE, SECURITY } from '../auth/audiences.ts';
import { actorName } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { auditRead } from '../audit/log.ts';
import { Conflict, InvalidParameter, NotFound } from '../errors.ts';
import { actorOf } from '../http/actor.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { parseLimit, rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { REWARD_STATUSES, type Reward, type RewardDecision, type RewardStatus } from '../storage/rewards.ts';
import type { Stores } from '../storage/storage.ts';
import { applied, transact } from '../writes/transact.ts';
import { MAX_REWARD_VND, proposalRefusal } from './eligibility.ts';

export const REWARD_RULES: RouteRule[] = [
  rule('GET', '/api/rewards', SECURITY),
  rule('POST', '/api/rewards', POLICE),
  rule('POST', '/api/rewards/:id/decision', DIC),
];

const text = (max: number) => z.string().trim().min(1).max(max).transform((value) => value.normalize('NFC'));
const proposal = z.object({ hotlineReportId: z.number().int().positive(), proposal: text(2000) }).strict();
const decision = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    amountVnd: z.number().int().min(1).max(MAX_REWARD_VND),
    // A Vietnamese decision number, e.g. 125/QĐ-SKHCN.
    decisionNumber: text(60).refine((value) => /^[\p{L}\p{N}][\p{L}\p{N}/.\- ]*$/u.test(value), 'a decision number such as 125/QĐ-SKHCN'),
  }).strict(),
  z.object({ decision: z.literal('refuse'), reason: text(1000) }).strict(),
]);

const idOf = (raw: string) => (/^\d{1,12}$/.test(raw) ? Number(raw) : NaN);

/** A reward with the incident it was earned on, as the police and the department read it (never the reporter's contact). */
async function withIncident(stores: Pick<Stores, 'features'>, reward: Reward) {
  const incident = await stores.features.get('incidents', reward.incidentId);
  return { ...reward, incident: incident ? { id: incident.id, type: incident.properties.type, status: incident.properties.status, occurredAt: incident.properties.occurred_at } : null };
}

/**
 * `/api/rewards` (issue 18 §2): the police propose a reward on a hotline report converted into an incident the
 * police confirmed; the department approves it (amount, decision number) or refuses it (reason). Each step is one
 * transaction that checks the state it starts from, so of two concurrent decisions the second gets 409.
 */
export function rewardRoutes(services: Services) {
  const { storage } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['status', 'hotlineReportId', 'limit', 'offset']);
      const status = search.get('status') as RewardStatus | null;
      if (status && !REWARD_STATUSES.includes(status)) throw new InvalidParameter('status', `status must be one of ${REWARD_STATUSES.join(', ')}`);
      const offset = Number(search.get('offset') ?? 0);
      if (!Number.isInteger(offset) || offset < 0) throw new InvalidParameter('offset', 'offset must be a non-negative integer');
      const reportParam = search.get('hotlineReportId');
      const reportId = reportParam === null ? null : idOf(reportParam);
      if (Number.isNaN(reportId)) throw new InvalidParameter('hotlineReportId', 'hotlineReportId must be a report id');
      const ofReport = (reward: Reward | undefined) => (reward && (!status || reward.status === status) ? [reward] : []);
      const found = reportId === null
        ? await storage.rewards.list(status, parseLimit(search.get('limit') ?? undefined, 500, 100), offset)
        : await storage.rewards.forReport(reportId).then((reward) => ({ rewards: ofReport(reward), numberMatched: ofReport(reward).length }));
      await auditRead(services, actorOf(c), { action: 'read', targetType: 'rewards', details: { status, hotlineReportId: reportId } });
      return c.json({ numberMatched: found.numberMatched, rewards: await Promise.all(found.rewards.map((reward) => withIncident(storage, reward))) });
    })
    .post('/', limitBody(8 * 1024), async (c) => {
      const body = parseWith(proposal, await jsonObject(c.req.raw));
      const at = services.now().toISOString();
      const proposed = await transact(services, actorOf(c), {
        read: async (tx) => {
          const report = await tx.hotline.get(body.hotlineReportId);
          if (!report) throw new NotFound(`hotline report ${body.hotlineReportId} does not exist`, { hotlineReportId: body.hotlineReportId });
          const incident = report.incidentId === null ? undefined : await tx.features.get('incidents', report.incidentId);
          const refusal = proposalRefusal(report, incident ? String(incident.properties.status) : null, (await tx.rewards.forReport(report.id)) !== undefined);
          if (refusal) throw new Conflict(refusal, { reportStatus: report.status, incidentStatus: incident?.properties.status ?? null });
          return { report, incident: incident! };
        },
        apply: async (tx, { report, incident }) => {
          const reward = await tx.rewards.propose({ hotlineReportId: report.id, incidentId: incident.id, proposal: body.proposal, proposedBy: actorName(c.get('principal')), proposedAt: at });
          return applied(reward, [{ action: 'create', targetType: 'rewards', targetId: reward.id, after: reward, details: { hotlineReportId: report.id, incidentId: incident.id } }]);
        },
      });
      return c.json(await withIncident(storage, proposed), 201);
    })
    .post('/:id/decision', limitBody(8 * 1024), async (c) => {
      const body = parseWith(decision, await jsonObject(c.req.raw));
      const id = idOf(c.req.param('id'));
      const decidedBy = actorName(c.get('principal')), decidedAt = services.now().toISOString();
      const change: RewardDecision = body.decision === 'approve'
        ? { status: 'approved', amountVnd: body.amountVnd, decisionNumber: body.decisionNumber, decidedBy, decidedAt }
        : { status: 'refused', refusalReason: body.reason, decidedBy, decidedAt };
      const decided = await transact(services, actorOf(c), {
        read: async (tx) => {
          const reward = Number.isNaN(id) ? undefined : await tx.rewards.get(id);
          if (!reward) throw new NotFound(`reward ${c.req.param('id')} does not exist`, { id: c.req.param('id') });
          if (reward.status !== 'proposed') throw new Conflict(`the reward was already ${reward.status}`, { status: reward.status });
          return reward;
        },
        apply: async (tx, before) => {
          if (!(await tx.rewards.decide(before.id, change))) throw new Conflict('the reward was decided by someone else first', { status: (await tx.rewards.get(before.id))?.status });
          const after = (await tx.rewards.get(before.id))!;
          return applied(after, [{ action: 'transition', targetType: 'rewards', targetId: before.id, before: { status: before.status }, after: { status: after.status, amountVnd: after.amountVnd, decisionNumber: after.decisionNumber, refusalReason: after.refusalReason } }]);
        },
      });
      return c.json(await withIncident(storage, decided));
    });
}
