import { Hono } from 'hono';
import { SECURITY } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { InvalidParameter } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { reportCsv } from './csv.ts';
import { parsePeriod } from './period.ts';
import { sixMonthlyReport } from './six-monthly.ts';

export const REPORT_RULES: RouteRule[] = [rule('GET', '/api/reports/six-monthly', SECURITY)];

/** `GET /api/reports/six-monthly?period=2026-H1` (or `from=&to=`), JSON or `format=csv`. */
export function reportRoutes(services: Services) {
  const { storage, now } = services;
  return new Hono<AppEnv>().get('/six-monthly', async (c) => {
    const search = new URL(c.req.url).searchParams;
    rejectUnknownParameters(search, ['period', 'from', 'to', 'format']);
    const period = parsePeriod(search.get('period'), search.get('from'), search.get('to'));
    if (!period) throw new InvalidParameter('period', 'give period=YYYY-H1 or YYYY-H2, or from=YYYY-MM-DD&to=YYYY-MM-DD');
    const format = search.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new InvalidParameter('format', 'format must be json or csv');
    const report = await sixMonthlyReport(storage.reports, storage.rewards, period, now());
    await auditRead(services, actorOf(c), { action: format === 'csv' ? 'export' : 'read', targetType: 'reports', details: { period: period.label } });
    if (format === 'json') return c.json(report);
    const names = async (level: string) => new Map((await storage.features.query('admin_areas', { filters: [{ property: 'level', value: level }], limit: 10_000, offset: 0 })).features.map((area) => [String(area.properties.code), String(area.properties.name)]));
    const districts = await names('district'), communes = await names('commune');
    return c.body(reportCsv(report, { district: (code) => districts.get(code) ?? code, commune: (code) => communes.get(code) ?? code }), 200, {
      'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="bao-cao-6-thang-${period.label.replace('/', '_')}.csv"`,
    });
  });
}
