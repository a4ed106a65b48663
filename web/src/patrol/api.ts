import { getJson, sendJson } from '../api/client.ts';
import type { BacktestAnswer, ForecastAnswer, HotspotAnswer, MethodSettings, NetworkRiskAnswer, Plan, PlanForm, PlanSummary, Selection, TrendAnswer } from './types.ts';

/** The shared selection as query parameters of the analysis endpoints. */
export function selectionParams(selection: Selection): Record<string, string> {
  return { start: selection.start, end: selection.end, ...(selection.types.length > 0 ? { types: selection.types.join(',') } : {}) };
}

function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

export function fetchHotspots(selection: Selection, method: MethodSettings, signal?: AbortSignal): Promise<HotspotAnswer> {
  const params = { ...selectionParams(selection), cellSizeMeters: String(method.cellSizeMeters), fdr: String(method.fdr), exposure: method.exposure,
    ...(method.distanceBandMeters.trim() ? { distanceBandMeters: method.distanceBandMeters.trim() } : {}) };
  return getJson<HotspotAnswer>(`/api/analysis/hotspots?${query(params)}`, signal);
}

export function fetchTrends(selection: Selection, method: MethodSettings, signal?: AbortSignal): Promise<TrendAnswer> {
  return getJson<TrendAnswer>(`/api/analysis/trends?${query({ ...selectionParams(selection), cellSizeMeters: String(method.cellSizeMeters) })}`, signal);
}

export function fetchNetworkRisk(selection: Selection, signal?: AbortSignal): Promise<NetworkRiskAnswer> {
  return getJson<NetworkRiskAnswer>(`/api/analysis/network-risk?${query({ ...selectionParams(selection), top: '20' })}`, signal);
}

/** The forecast learns from the whole record up to the selection's end, so its window's start is not sent. */
const historyParams = (selection: Selection, weeks: number): Record<string, string> =>
  ({ end: selection.end, weeks: String(weeks), ...(selection.types.length > 0 ? { types: selection.types.join(',') } : {}) });

/** The expected incidents per 1 km cell over the next `weeks` after the selection's end. */
export function fetchForecast(selection: Selection, weeks: number, signal?: AbortSignal): Promise<ForecastAnswer> {
  return getJson<ForecastAnswer>(`/api/analysis/forecast?${query(historyParams(selection, weeks))}`, signal);
}

/** The forecast's rolling backtest on the record up to the selection's end (the server keeps it until the data change). */
export function fetchBacktest(selection: Selection, weeks: number, signal?: AbortSignal): Promise<BacktestAnswer> {
  return getJson<BacktestAnswer>(`/api/analysis/forecast/backtest?${query(historyParams(selection, weeks))}`, signal);
}

export function fetchPlans(signal?: AbortSignal): Promise<{ plans: PlanSummary[] }> {
  return getJson('/api/patrol-plans', signal);
}

export function fetchPlan(id: string, signal?: AbortSignal): Promise<Plan> {
  return getJson(`/api/patrol-plans/${encodeURIComponent(id)}`, signal);
}

export function createPlan(form: PlanForm, selection: Selection): Promise<Plan> {
  return sendJson('POST', '/api/patrol-plans', { ...form, selection: selectionParams(selection) });
}

export function setPlanStatus(id: string, status: Plan['status']): Promise<Plan> {
  return sendJson('PATCH', `/api/patrol-plans/${encodeURIComponent(id)}`, { status });
}

export const exportUrl = (id: string, format: 'gpx' | 'csv' | 'geojson'): string => `/api/patrol-plans/${encodeURIComponent(id)}/export?format=${format}`;
