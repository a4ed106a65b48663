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

type Row = { id: number; title: string; body: string; severity: string; audience: string; published_by: string; organisation: string | null; published_at: string };
const view = (row: Row) => ({
  id: row.id, title: row.title, body: row.body, severity: row.severity, audience: JSON.parse(row.audience) as 'all' | string[],
  publishedBy: row.organisation ?? row.published_by, publishedAt: row.published_at,
});

/** Security staff read every bulletin; a carrier only those addressed to all carriers or to it. */
const addressedTo = (principal: Principal, audience: 'all' | string[]) =>
  principal.kind === 'user' && (principal.role !== 'carrier_editor' || audience === 'all' || (principal.carrier !== null && audience.includes(principal.carrier)));

/** `/api/bulletins`: police warn carriers of criminals' methods — to all carriers or chosen ones (directive item 3e). */
export function bulletinRoutes({ db, audit, now }: Services) {
  return new Hono<AppEnv>()
    .post('/', limitBody(32 * 1024), async (c) => {
      const body = parseWith(bulletin, await jsonObject(c.req.raw));
      const principal = c.get('principal');
      const row = db.transaction(() => {
        const { lastInsertRowid } = db.prepare('INSERT INTO bulletins (title, body, severity, audience, published_by, organisation, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(body.title.normalize('NFC'), body.body.normalize('NFC'), body.severity, JSON.stringify(body.audience), actorName(principal), principal.kind === 'user' ? principal.organisationName : null, now().toISOString());
        audit.append({ principal, action: 'create', targetType: 'bulletins', targetId: Number(lastInsertRowid), after: body, ip: c.get('clientAddress') });
        return db.prepare('SELECT * FROM bulletins WHERE id = ?').get(lastInsertRowid) as Row;
      })();
      return c.json(view(row), 201);
    })
    .get('/', (c) => {
      const rows = (db.prepare('SELECT * FROM bulletins ORDER BY published_at DESC, id DESC').all() as Row[]).map(view);
      return c.json({ bulletins: rows.filter((row) => addressedTo(c.get('principal'), row.audience)) });
    })
    .get('/:id', (c) => {
      const row = db.prepare('SELECT * FROM bulletins WHERE id = ?').get(Number(c.req.param('id'))) as Row | undefined;
      // A bulletin not addressed to this carrier answers like a missing one.
      if (!row || !addressedTo(c.get('principal'), view(row).audience)) throw new NotFound(`bulletin ${c.req.param('id')} does not exist`);
      return c.json(view(row));
    });
}
