import { Hono } from 'hono';
import { rejectUnknownParameters } from '../ogc/params.ts';
import { SECURITY } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { HOTSPOT_PARAMETERS, hotspotAnalysis, parseHotspotSettings } from './hotspots.ts';
import { FORECAST_PARAMETERS, forecastAnalysis, forecastBacktest } from './forecast.ts';
import { NETWORK_RISK_PARAMETERS, networkRiskAnalysis } from './network-risk.ts';
import { TREND_PARAMETERS, trendAnalysis } from './trends.ts';
import { parseSelection, SELECTION_PARAMETERS } from './params.ts';

/** Reads and checks the query of an analysis endpoint: the shared selection plus the endpoint's own parameters. */
function request(url: string, own: readonly string[]) {
  const search = new URL(url).searchParams;
  rejectUnknownParameters(search, [...SELECTION_PARAMETERS, ...own, 'f']);
  return search;
}

/** Analyses read every incident and key target, so only security staff run them. */
export const ANALYSIS_RULES: RouteRule[] = [
  rule('GET', '/api/analysis/hotspots', SECURITY),
  rule('GET', '/api/analysis/trends', SECURITY),
  rule('GET', '/api/analysis/network-risk', SECURITY),
  rule('GET', '/api/analysis/forecast', SECURITY),
  rule('GET', '/api/analysis/forecast/backtest', SECURITY),
];

/** `/api/analysis/*`: hotspots, emerging trends, hot stretches of the network, the forecast and its backtest, each read here and computed in the work pool. */
export function analysisRoutes({ storage, work }: Services) {
  const features = storage.features;
  return new Hono<AppEnv>()
    .get('/hotspots', async (c) => {
      const search = request(c.req.url, HOTSPOT_PARAMETERS);
      return c.json(await hotspotAnalysis(features, work, await parseSelection(search, features), parseHotspotSettings(search)));
    })
    .get('/trends', async (c) => {
      const search = request(c.req.url, TREND_PARAMETERS);
      return c.json(await trendAnalysis(features, work, await parseSelection(search, features), search));
    })
    .get('/forecast', async (c) => {
      const search = request(c.req.url, FORECAST_PARAMETERS);
      return c.json(await forecastAnalysis(features, work, await parseSelection(search, features), search));
    })
    .get('/forecast/backtest', async (c) => {
      const search = request(c.req.url, FORECAST_PARAMETERS);
      return c.json(await forecastBacktest(features, storage.counters, work, await parseSelection(search, features), search));
    })
    .get('/network-risk', async (c) => {
      const search = request(c.req.url, NETWORK_RISK_PARAMETERS);
      return c.json(await networkRiskAnalysis(features, storage.counters, work, await parseSelection(search, features), search));
    });
}
