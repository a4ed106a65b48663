import { Hono } from 'hono';
import { DIC } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { InvalidParameter } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { parseLimit, parseNonNegativeInteger, rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { AUDIT_ACTIONS, type AuditAction } from './log.ts';

export const AUDIT_RULES: RouteRule[] = [rule('GET', '/api/audit', DIC)];

const FILTERS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'] as const;

/** Vietnam is UTC+7 all year (no daylight saving): the whole days people pick in the UI are Vietnam days. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * An ISO instant, or a whole day in Vietnam time: `from=2026-12-01` starts at 00:00 in Vietnam (2026-11-30T17:00Z)
 * and `to=2026-12-01` runs through the last millisecond of that day there.
 */
function instant(name: string, value: string | null): string | undefined {
  if (value === null) return undefined;
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new InvalidParameter(name, `${name} must be an ISO 8601 date or instant`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(time).toISOString();
  const dayStart = time - VIETNAM_OFFSET_MS;
  return new Date(name === 'to' ? dayStart + 86_400_000 - 1 : dayStart).toISOString();
}

/** `GET /api/audit`: the log, newest first, filtered by actor, actions (any of a list), target and time; read-only by construction. */
export function auditRoutes({ storage }: Services) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const search = new URL(c.req.url).searchParams;
    rejectUnknownParameters(search, [...FILTERS, 'limit', 'offset']);
    const actions = search.get('action')?.split(',').map((value) => value.trim()).filter(Boolean);
    if (actions?.some((action) => !AUDIT_ACTIONS.includes(action as AuditAction))) throw new InvalidParameter('action', `action must be one or more (comma-separated) of ${AUDIT_ACTIONS.join(', ')}`);
    const offset = search.get('offset');
    const limit = parseLimit(search.get('limit') ?? undefined, 1000, 100);
    const result = await storage.audit.list({
      actor: search.get('actor') ?? undefined, actions: actions as AuditAction[] | undefined,
      targetType: search.get('targetType') ?? undefined, targetId: search.get('targetId') ?? undefined,
      from: instant('from', search.get('from')), to: instant('to', search.get('to')),
      limit, offset: offset === null ? 0 : parseNonNegativeInteger('offset', offset),
    });
    return c.json({ numberMatched: result.numberMatched, numberReturned: result.records.length, records: result.records });
  });
}
