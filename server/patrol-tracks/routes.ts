import { Hono } from 'hono';
import { POLICE, SECURITY } from '../auth/audiences.ts';
import { actorName } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { NotFound } from '../errors.ts';
import { limitBody } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { earlierAnswer, keyedAnswer, keyedWrite, once } from '../http/idempotency.ts';
import { createSqliteIdempotencyStore } from '../storage/sqlite/idempotency-sql.ts';
import type { PlanForMeasure } from './measure.ts';

export const PATROL_TRACK_RULES: RouteRule[] = [
  rule('POST', '/api/patrol-plans/:id/tracks', POLICE),
  rule('GET', '/api/patrol-plans/:id/tracks', SECURITY),
];


/**
 * `/api/patrol-plans/:id/tracks`: police upload the GPX of a patrol carried out; the answer (and the stored record)
 * says which planned stops it visited and what share of the plan's risk that covered.
 */
export function patrolTrackRoutes({ db, plans, audit, now, work }: Services) {
  const idempotency = createSqliteIdempotencyStore(db);
  const planOr404 = (id: string) => {
    const saved = plans.get(id);
    if (!saved) throw new NotFound(`patrol plan "${id}" does not exist`, { id });
    return saved;
  };
  return new Hono<AppEnv>()
    .post('/:id/tracks', limitBody(5 * 1024 * 1024), async (c) => {
      const saved = planOr404(c.req.param('id'));
      const body = saved.body as unknown as PlanForMeasure;
      const text = await c.req.text();
      // The field app uploads its recorded track from its outbox under a key: a replay measures and stores it once.
      const keyed = keyedWrite(c, c.get('principal'), text);
      const replay = earlierAnswer(idempotency, keyed);
      if (replay) return keyedAnswer(c, replay);
      const plan = { shifts: body.shifts ?? [], targets: body.targets ?? [], parameters: body.parameters, coverage: body.coverage };
      const { measure, startedAt, endedAt, geometry } = await work.run('measureGpx', { text, plan });
      const answer = db.transaction(() => once(idempotency, keyed, now().toISOString(), () => {
        const { lastInsertRowid } = db.prepare('INSERT INTO patrol_tracks (plan_id, name, uploaded_by, uploaded_at, started_at, ended_at, geometry, measure) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(saved.id, c.req.query('name') ?? null, actorName(c.get('principal')), now().toISOString(), startedAt, endedAt, JSON.stringify(geometry), JSON.stringify(measure));
        const id = Number(lastInsertRowid);
        audit.append({ principal: c.get('principal'), action: 'create', targetType: 'patrol_tracks', targetId: id, details: { plan: saved.id, riskCovered: measure.riskCovered }, ip: c.get('clientAddress') });
        return { status: 201, body: { id, planId: saved.id, startedAt, endedAt, ...measure } };
      }))();
      return keyedAnswer(c, answer);
    })
    .get('/:id/tracks', (c) => {
      const saved = planOr404(c.req.param('id'));
      const rows = db.prepare('SELECT id, name, uploaded_by AS uploadedBy, uploaded_at AS uploadedAt, started_at AS startedAt, ended_at AS endedAt, measure FROM patrol_tracks WHERE plan_id = ? ORDER BY id').all(saved.id) as { measure: string }[];
      return c.json({ planId: saved.id, tracks: rows.map((row) => ({ ...row, measure: JSON.parse(row.measure) as unknown })) });
    });
}
