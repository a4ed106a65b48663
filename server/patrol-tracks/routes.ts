import { Hono } from 'hono';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { actorName } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { limitBody } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { actorOf } from '../http/actor.ts';
import { earlierAnswer, keyedAnswer, keyedWrite, once } from '../http/idempotency.ts';
import { planOr404 } from '../patrol-plans/routes.ts';
import { applied, transact } from '../writes/transact.ts';
import type { PlanForMeasure } from './measure.ts';

export const PATROL_TRACK_RULES: RouteRule[] = [
  rule('POST', '/api/patrol-plans/:id/tracks', POLICE),
  rule('GET', '/api/patrol-plans/:id/tracks', SECURITY),
];

/**
 * `/api/patrol-plans/:id/tracks`: police upload the GPX of a patrol carried out; the answer (and the stored record)
 * says which planned stops it visited and what share of the plan's risk that covered.
 */
export function patrolTrackRoutes(services: Services) {
  const { storage, now, work } = services;
  return new Hono<AppEnv>()
    .post('/:id/tracks', limitBody(5 * 1024 * 1024), async (c) => {
      // An unknown plan is a 404 before the file is read; the track is measured in the work pool, before the
      // transaction that stores it reads the plan again.
      const planned = await planOr404(storage.plans, c.req.param('id'));
      const body = planned.body as unknown as PlanForMeasure;
      const text = await c.req.text();
      // The field app uploads its recorded track from its outbox under a key: a replay measures and stores it once.
      const keyed = keyedWrite(c, c.get('principal'), text);
      const replay = await earlierAnswer(storage.idempotency, keyed);
      if (replay) return keyedAnswer(c, replay);
      const plan = { shifts: body.shifts ?? [], targets: body.targets ?? [], parameters: body.parameters, coverage: body.coverage };
      const { measure, startedAt, endedAt, geometry } = await work.run('measureGpx', { text, plan });
      const principal = c.get('principal');
      const at = now().toISOString();
      const answer = await transact(services, actorOf(c), {
        read: (tx) => planOr404(tx.plans, planned.id),
        apply: (tx, saved) => once(tx, keyed, at, async () => {
          const id = await tx.tracks.add({ planId: saved.id, name: c.req.query('name') ?? null, uploadedBy: actorName(principal), uploadedAt: at, startedAt, endedAt, geometry, measure });
          return applied({ status: 201, body: { id, planId: saved.id, startedAt, endedAt, ...measure } }, [
            { action: 'create', targetType: 'patrol_tracks', targetId: id, details: { plan: saved.id, riskCovered: measure.riskCovered } },
          ]);
        }),
      });
      return keyedAnswer(c, answer);
    })
    .get('/:id/tracks', async (c) => {
      const saved = await planOr404(storage.plans, c.req.param('id'));
      return c.json({ planId: saved.id, tracks: await storage.tracks.list(saved.id) });
    });
}
