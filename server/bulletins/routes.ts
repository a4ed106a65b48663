import { Hono } from 'hono';
import { z } from 'zod';
import { POLICE } from '../auth/audiences.ts';
import { actorName, type Principal } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { CARRIERS as CARRIER_CODES } from '../collections/vocabulary.ts';
import { NotFound } from '../errors.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { actorOf } from '../http/actor.ts';
import type { Bulletin } from '../storage/records.ts';
import { applied, nothing, transact } from '../writes/transact.ts';

const READERS = ['admin', 'police_planner', 'dic_reviewer', 'carrier_editor'] as const;

export const BULLETIN_RULES: RouteRule[] = [
  rule('POST', '/api/bulletins', POLICE),
  rule('GET', '/api/bulletins', READERS),
  rule('GET', '/api/bulletins/:id', READERS),
];

const ADDRESSEES = [...CARRIER_CODES, 'vnpost'] as const;
const bulletin = z.object({
  title: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(10_000), severity: z.enum(['info', 'warning', 'urgent']).default('warning'),
  audience: z.union([z.literal('all'), z.array(z.enum(ADDRESSEES)).min(1)]),
}).strict();

const view = (bulletin: Bulletin) => ({
  id: bulletin.id, title: bulletin.title, body: bulletin.body, severity: bulletin.severity, audience: bulletin.audience,
  publishedBy: bulletin.organisation ?? bulletin.publishedBy, publishedAt: bulletin.publishedAt,
});

/** Security staff read every bulletin; a carrier only those addressed to all carriers or to it. */
const addressedTo = (principal: Principal, audience: 'all' | string[]) =>
  principal.kind === 'user' && (principal.role !== 'carrier_editor' || audience === 'all' || (principal.carrier !== null && audience.includes(principal.carrier)));

/** `/api/bulletins`: police warn carriers of criminals' methods — to all carriers or chosen ones (directive item 3e). */
export function bulletinRoutes(services: Services) {
  const { storage, now } = services;
  return new Hono<AppEnv>()
    .post('/', limitBody(32 * 1024), async (c) => {
      const body = parseWith(bulletin, await jsonObject(c.req.raw));
      const principal = c.get('principal');
      const stored = await transact(services, actorOf(c), {
        read: nothing,
        apply: async (tx) => {
          const added = await tx.bulletins.add({
            title: body.title.normalize('NFC'), body: body.body.normalize('NFC'), severity: body.severity, audience: body.audience,
            publishedBy: actorName(principal), organisation: principal.kind === 'user' ? principal.organisationName : null, publishedAt: now().toISOString(),
          });
          return applied(added, [{ action: 'create', targetType: 'bulletins', targetId: added.id, after: body }]);
        },
      });
      return c.json(view(stored), 201);
    })
    .get('/', async (c) => {
      const bulletins = (await storage.bulletins.list()).map(view);
      return c.json({ bulletins: bulletins.filter((row) => addressedTo(c.get('principal'), row.audience)) });
    })
    .get('/:id', async (c) => {
      const id = Number(c.req.param('id'));
      const found = Number.isSafeInteger(id) ? await storage.bulletins.get(id) : undefined;
      // A bulletin not addressed to this carrier answers like a missing one.
      if (!found || !addressedTo(c.get('principal'), found.audience)) throw new NotFound(`bulletin ${c.req.param('id')} does not exist`);
      return c.json(view(found));
    });
}
