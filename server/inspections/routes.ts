import { Hono } from 'hono';
import { z } from 'zod';
import { POLICE } from '../auth/audiences.ts';
import { actorName } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { InvalidBody, NotFound } from '../errors.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { actorOf } from '../http/actor.ts';
import type { FeatureStore } from '../storage/features.ts';
import { applied, transact } from '../writes/transact.ts';

export const INSPECTION_RULES: RouteRule[] = [
  rule('POST', '/api/scrap-dealers/:id/inspections', POLICE),
  rule('GET', '/api/scrap-dealers/:id/inspections', ['admin', 'police_planner', 'dic_reviewer', 'viewer']),
];

const inspection = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'a real date'),
  result: z.enum(['compliant', 'warning', 'violation']), notes: z.string().max(4000).optional(),
}).strict();

/**
 * `/api/scrap-dealers/:id/inspections`: district police record inspections of scrap dealers (buying cable of unknown
 * origin); the dealer's last inspection on the map follows the most recent one.
 */
export function inspectionRoutes(services: Services) {
  const { storage, now } = services;
  const dealerOr404 = async (features: FeatureStore, raw: string) => {
    const dealer = /^\d{1,12}$/.test(raw) ? await features.get('scrap_dealers', Number(raw)) : undefined;
    if (!dealer) throw new NotFound(`scrap dealer ${raw} does not exist`);
    return dealer;
  };
  return new Hono<AppEnv>()
    .post('/:id/inspections', limitBody(16 * 1024), async (c) => {
      const body = parseWith(inspection, await jsonObject(c.req.raw));
      if (body.date > now().toISOString().slice(0, 10)) throw new InvalidBody('an inspection cannot be dated in the future', { problems: [{ path: 'date', message: 'in the future' }] });
      const principal = c.get('principal');
      const stored = await transact(services, actorOf(c), {
        // The dealer is read in the transaction that may update it, so of two inspections recorded at once the
        // later date always ends up as the dealer's latest.
        read: (tx) => dealerOr404(tx.features, c.req.param('id')),
        apply: async (tx, dealer) => {
          const added = await tx.inspections.add({ dealerId: dealer.id, date: body.date, result: body.result, notes: body.notes?.normalize('NFC') ?? null, recordedBy: actorName(principal), recordedAt: now().toISOString() });
          if (body.date >= String(dealer.properties.last_inspection_date ?? '')) {
            await tx.features.replace('scrap_dealers', dealer.id, { ...dealer, properties: { ...dealer.properties, last_inspection_date: body.date, last_inspection_result: body.result } });
          }
          return applied(added, [{ action: 'create', targetType: 'scrap_inspections', targetId: added.id, after: { dealer: dealer.id, ...body } }]);
        },
      });
      return c.json({ id: stored.id, dealerId: stored.dealerId, ...body }, 201);
    })
    .get('/:id/inspections', async (c) => {
      const dealer = await dealerOr404(storage.features, c.req.param('id'));
      const inspections = (await storage.inspections.list(dealer.id)).map(({ dealerId: _dealer, ...rest }) => rest);
      return c.json({ dealerId: dealer.id, inspections });
    });
}
