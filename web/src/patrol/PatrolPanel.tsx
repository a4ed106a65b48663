import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { queryKeys } from '../api/query-keys.ts';
import type { Bbox } from '../api/types.ts';
import { INCIDENT_TYPES } from '../../../server/collections/vocabulary.ts';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { fetchBacktest, fetchForecast, fetchHotspots, fetchNetworkRisk, fetchTrends } from './api.ts';
import { ForecastPanel } from './ForecastPanel.tsx';
import { HotspotList } from './HotspotList.tsx';
import { HISTORY_MONTHS, IncidentHistogram, monthEnd } from './IncidentHistogram.tsx';
import { usePatrolText } from './messages.ts';
import { planOverlay, type PatrolOverlay } from './overlay.ts';
import { PlanPanel } from './PlanPanel.tsx';
import type { Exposure, MethodSettings, Plan, Selection } from './types.ts';

const FORECAST_WEEKS = 4;
/** A window of whole months; the current month runs to today, so the default window ends today. */
const toSelection = (from: number, to: number, types: string[]): Selection => ({ start: `${HISTORY_MONTHS[from]}-01`, end: monthEnd(HISTORY_MONTHS[to]), types });

/** The patrol-planning workspace: selection, method, hotspot analysis, the forecast with its backtest, and plans built from them. */
export function PatrolPanel({ onOverlay, onFit, canPlan }: { onOverlay: (overlay: PatrolOverlay) => void; onFit: (bbox: Bbox) => void; canPlan: boolean }) {
  const { p, language } = usePatrolText();
  const [window, setWindow] = useState({ from: HISTORY_MONTHS.length - 12, to: HISTORY_MONTHS.length - 1 });
  const [types, setTypes] = useState<string[]>([]);
  const [method, setMethod] = useState<MethodSettings>({ cellSizeMeters: 1000, distanceBandMeters: '', fdr: true, exposure: 'area' });
  const [forecastShown, setForecastShown] = useState(true);
  const [submitted, setSubmitted] = useState<{ selection: Selection; method: MethodSettings } | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const enabled = submitted !== null;
  const hotspots = useQuery({ queryKey: queryKeys.analysis('hotspots', submitted), queryFn: ({ signal }) => fetchHotspots(submitted!.selection, submitted!.method, signal), enabled });
  const trends = useQuery({ queryKey: queryKeys.analysis('trends', submitted), queryFn: ({ signal }) => fetchTrends(submitted!.selection, submitted!.method, signal), enabled });
  const forecast = useQuery({ queryKey: queryKeys.analysis('forecast', submitted?.selection), queryFn: ({ signal }) => fetchForecast(submitted!.selection, FORECAST_WEEKS, signal), enabled });
  // The backtest takes tens of seconds on first use (the server keeps it until the data change): it does not hold the map.
  const backtest = useQuery({ queryKey: queryKeys.analysis('backtest', submitted?.selection), queryFn: ({ signal }) => fetchBacktest(submitted!.selection, FORECAST_WEEKS, signal), enabled, staleTime: Infinity });
  const stretches = useQuery({ queryKey: queryKeys.analysis('network-risk', submitted?.selection), queryFn: ({ signal }) => fetchNetworkRisk(submitted!.selection, signal), enabled });

  useEffect(() => {
    const trendCells = trends.data?.cells as FeatureCollection | undefined;
    onOverlay({
      cells: hotspots.data?.cells, clusters: hotspots.data?.clusters, stretches: stretches.data?.stretches,
      forecast: forecastShown && forecast.data ? { type: 'FeatureCollection', features: forecast.data.cells.features.filter((cell) => cell.properties.top_percent !== null) } : undefined,
      trends: trendCells && { type: 'FeatureCollection', features: trendCells.features.filter((cell) => cell.properties?.category !== 'no_pattern') },
      ...planOverlay(plan),
    });
  }, [hotspots.data, trends.data, stretches.data, forecast.data, forecastShown, plan, onOverlay]);

  // An empty list means every type; unticking one from "all" keeps the others.
  const toggleType = (type: string) => setTypes((current) => {
    const effective = current.length === 0 ? [...INCIDENT_TYPES] : current;
    const next = effective.includes(type) ? effective.filter((t) => t !== type) : [...effective, type];
    return next.length === INCIDENT_TYPES.length ? [] : next;
  });
  const loading = hotspots.isFetching || trends.isFetching || stretches.isFetching || forecast.isFetching;
  const error = hotspots.error ?? trends.error ?? stretches.error ?? forecast.error ?? backtest.error;
  return (
    <aside className="panel patrol-panel" data-testid="patrol-panel">
      <h2>{p('title')}</h2>
      <fieldset><legend>{p('window')}</legend>
        <IncidentHistogram from={window.from} to={window.to} onChange={(from, to) => setWindow({ from, to })} />
      </fieldset>
      <fieldset className="types"><legend>{p('types')}</legend>
        {INCIDENT_TYPES.map((type) => (
          <label key={type}><input type="checkbox" checked={types.length === 0 || types.includes(type)} onChange={() => toggleType(type)} />{vocabularyLabel(type, language)}</label>
        ))}
      </fieldset>
      <details className="method"><summary>{p('method')}</summary>
        <label>{p('cellSize')}<input type="number" min={200} max={20000} step={100} value={method.cellSizeMeters} onChange={(e) => setMethod({ ...method, cellSizeMeters: Number(e.target.value) })} /></label>
        <label>{p('band')}<input type="number" min={100} max={100000} step={100} value={method.distanceBandMeters} onChange={(e) => setMethod({ ...method, distanceBandMeters: e.target.value })} /></label>
        <label className="inline"><input type="checkbox" checked={method.fdr} onChange={(e) => setMethod({ ...method, fdr: e.target.checked })} />{p('fdr')}</label>
        <label>{p('exposure')}
          <select value={method.exposure} data-testid="hotspot-exposure" onChange={(e) => setMethod({ ...method, exposure: e.target.value as Exposure })}>
            <option value="area">{p('exposureArea')}</option><option value="cable_km">{p('exposureCable')}</option><option value="sites">{p('exposureSites')}</option>
          </select>
        </label>
      </details>
      <button type="button" className="primary" data-testid="run-analysis" disabled={loading}
        onClick={() => setSubmitted({ selection: toSelection(window.from, window.to, types), method })}>{loading ? p('running') : p('run')}</button>
      {loading && <div className="progress" role="progressbar" />}
      {error && <p className="error" role="alert">{error.message}</p>}
      {hotspots.data && <HotspotList answer={hotspots.data} onFit={onFit} />}
      {submitted && <ForecastPanel forecast={forecast.data} backtest={backtest.data} loadingBacktest={backtest.isFetching} shown={forecastShown} onShow={setForecastShown} />}
      {submitted && <PlanPanel selection={submitted.selection} plan={plan} onPlan={setPlan} canPlan={canPlan} />}
    </aside>
  );
}
