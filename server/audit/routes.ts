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

function instant(name: string, value: string | null): string | undefined {
  if (value === null) return undefined;
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new InvalidParameter(name, `${name} must be an ISO 8601 date or instant`);
  return new Date(time).toISOString();
}

/** `GET /api/audit`: the log, newest first, filtered by actor, action, target and time; read-only by construction. */
export function auditRoutes({ storage }: Services) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const search = new URL(c.req.url).searchParams;
    rejectUnknownParameters(search, [...FILTERS, 'limit', 'offset']);
    const action = search.get('action');
    if (action !== null && !AUDIT_ACTIONS.includes(action as AuditAction)) throw new InvalidParameter('action', `action must be one of ${AUDIT_ACTIONS.join(', ')}`);
    const offset = search.get('offset');
    const limit = parseLimit(search.get('limit') ?? undefined, 1000, 100);
    const result = await storage.audit.list({
      actor: search.get('actor') ?? undefined, action: (action as AuditAction | null) ?? undefined,
      targetType: search.get('targetType') ?? undefined, targetId: search.get('targetId') ?? undefined,
      from: instant('from', search.get('from')), to: instant('to', search.get('to')),
      limit, offset: offset === null ? 0 : parseNonNegativeInteger('offset', offset),
    });
    return c.json({ numberMatched: result.numberMatched, numberReturned: result.records.length, records: result.records });
  });
}
