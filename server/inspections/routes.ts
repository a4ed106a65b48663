import { Hono } from 'hono';
import { z } from 'zod';
import { POLICE } from '../auth/audiences.ts';
import { actorName } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { InvalidBody, NotFound } from '../errors.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';

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
export function inspectionRoutes({ db, provider, audit, now }: Services) {
  const dealerOr404 = (raw: string) => {
    const dealer = /^\d{1,12}$/.test(raw) ? provider.get('scrap_dealers', Number(raw)) : undefined;
    if (!dealer) throw new NotFound(`scrap dealer ${raw} does not exist`);
    return dealer;
  };
  return new Hono<AppEnv>()
    .post('/:id/inspections', limitBody(16 * 1024), async (c) => {
      const dealer = dealerOr404(c.req.param('id'));
      const body = parseWith(inspection, await jsonObject(c.req.raw));
      if (body.date > now().toISOString().slice(0, 10)) throw new InvalidBody('an inspection cannot be dated in the future', { problems: [{ path: 'date', message: 'in the future' }] });
      const principal = c.get('principal');
      const id = db.transaction(() => {
        const { lastInsertRowid } = db.prepare('INSERT INTO scrap_inspections (dealer_id, date, result, notes, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(dealer.id, body.date, body.result, body.notes?.normalize('NFC') ?? null, actorName(principal), now().toISOString());
        const last = String(dealer.properties.last_inspection_date ?? '');
        if (body.date >= last) {
          provider.replace('scrap_dealers', dealer.id, { ...dealer, properties: { ...dealer.properties, last_inspection_date: body.date, last_inspection_result: body.result } });
        }
        audit.append({ principal, action: 'create', targetType: 'scrap_inspections', targetId: Number(lastInsertRowid), after: { dealer: dealer.id, ...body }, ip: c.get('clientAddress') });
        return Number(lastInsertRowid);
      })();
      return c.json({ id, dealerId: dealer.id, ...body }, 201);
    })
    .get('/:id/inspections', (c) => {
      const dealer = dealerOr404(c.req.param('id'));
      const rows = db.prepare('SELECT id, date, result, notes, recorded_by AS recordedBy, recorded_at AS recordedAt FROM scrap_inspections WHERE dealer_id = ? ORDER BY date DESC, id DESC').all(dealer.id);
      return c.json({ dealerId: dealer.id, inspections: rows });
    });
}
