import { Hono } from 'hono';
import { rejectUnknownParameters } from '../ogc/params.ts';
import { SECURITY } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { HOTSPOT_PARAMETERS, hotspotAnalysis, parseHotspotSettings } from './hotspots.ts';
import { createCorridorCache } from './corridor-cache.ts';
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

/** `/api/analysis/*`: hotspots, emerging trends, hot stretches of the network, the forecast and its backtest. */
export function analysisRoutes({ provider, counters }: Services) {
  const corridors = createCorridorCache(provider, counters);
  return new Hono<AppEnv>()
    .get('/hotspots', (c) => {
      const search = request(c.req.url, HOTSPOT_PARAMETERS);
      return c.json(hotspotAnalysis(provider, parseSelection(search, provider), parseHotspotSettings(search)));
    })
    .get('/trends', (c) => {
      const search = request(c.req.url, TREND_PARAMETERS);
      return c.json(trendAnalysis(provider, parseSelection(search, provider), search));
    })
    .get('/forecast', (c) => {
      const search = request(c.req.url, FORECAST_PARAMETERS);
      return c.json(forecastAnalysis(provider, parseSelection(search, provider), search));
    })
    .get('/forecast/backtest', (c) => {
      const search = request(c.req.url, FORECAST_PARAMETERS);
      return c.json(forecastBacktest(provider, counters, parseSelection(search, provider), search));
    })
    .get('/network-risk', (c) => {
      const search = request(c.req.url, NETWORK_RISK_PARAMETERS);
      return c.json(networkRiskAnalysis(provider, corridors, parseSelection(search, provider), search));
    });
}
