import { useCallback, useMemo, useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { Bbox, DateRange, SearchResult } from './api/types.ts';
import { datetimeParam, fetchItem } from './api/endpoints.ts';
import { queryKeys } from './api/query-keys.ts';
import { fetchBadges } from './register/api.ts';
import { MapView, type DrawingRequest, type FitRequest } from './map/MapView.tsx';
import { NetworkPanel } from './network/NetworkPanel.tsx';
import { ZonesPanel } from './zones/ZonesPanel.tsx';
import { CasesPanel } from './incidents/CasesPanel.tsx';
import { OversightPanel } from './oversight/OversightPanel.tsx';
import { ReportPanel } from './report/ReportPanel.tsx';
import { useLiveAlarms } from './live/use-live-alarms.ts';
import { AlarmNotices } from './live/AlarmNotices.tsx';
import type { FeatureRef, PickRequest } from './map/map-events.ts';
import { SOURCE_IDS, type ThematicLayer } from './map/layer-ids.ts';
import { THEMATIC_KEYS, useBaseCollection, useReadableCollections, useThematicLayers, useTiledCollections } from './state/use-layer-data.ts';
import { isSecurity, type SessionUser } from './auth/session.ts';
import { defaultIncidentRange, padBbox } from './state/viewport.ts';
import { Header } from './panels/Header.tsx';
import { LayerPanel } from './panels/LayerPanel.tsx';
import { FeaturePanel } from './panels/FeaturePanel.tsx';
import { fibreBreakQuery, mayHaveFibreBreak } from './incidents/fibre-break.ts';
import { ErrorBanner } from './panels/ErrorBanner.tsx';
import { CoordinatesReadout } from './panels/CoordinatesReadout.tsx';
import { PickList } from './panels/PickList.tsx';
import { HotspotLegend } from './panels/HotspotLegend.tsx';
import { PatrolPanel } from './patrol/PatrolPanel.tsx';
import type { PatrolOverlay } from './patrol/overlay.ts';
import { Sheet } from './layout/Sheet.tsx';
import { useLayout } from './layout/breakpoints.ts';
import { useCoveredInsets } from './layout/use-covered-insets.ts';
import { useModeLabel } from './panels/mode-label.ts';
import { useLanguage } from './i18n/language.tsx';

export type Mode = 'map' | 'cases' | 'patrol' | 'network' | 'zones' | 'report' | 'oversight';

/** Workspaces each role may open, in header order. */
function modesFor(user: SessionUser): Mode[] {
  const modes: Mode[] = ['map'];
  if (user.role !== 'viewer') modes.push('cases');
  if (user.role === 'admin' || user.role === 'carrier_editor') modes.push('network');
  if (isSecurity(user)) modes.push('zones', 'patrol', 'report');
  if (user.role === 'admin' || user.role === 'dic_reviewer') modes.push('oversight');
  return modes;
}

const ALL_VISIBLE = Object.fromEntries(THEMATIC_KEYS.map((key) => [key, true])) as Record<ThematicLayer, boolean>;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The patrol workspace's layers as map sources; empty collections clear them when the workspace closes. */
function analysisSources(overlay: PatrolOverlay): Record<string, FeatureCollection> {
  return {
    [SOURCE_IDS.analysisCells]: overlay.cells ?? EMPTY,
    [SOURCE_IDS.analysisClusters]: overlay.clusters ?? EMPTY,
    [SOURCE_IDS.analysisStretches]: overlay.stretches ?? EMPTY,
    [SOURCE_IDS.analysisTrends]: overlay.trends ?? EMPTY,
    [SOURCE_IDS.analysisForecast]: overlay.forecast ?? EMPTY,
    [SOURCE_IDS.planRoutes]: overlay.routes ?? EMPTY,
    [SOURCE_IDS.planStops]: overlay.stops ?? EMPTY,
  };
}

/**
 * The app's state: the padded viewport bbox (from the map's moveend), layer visibility, the incident period,
 * the selected feature and the last fit request. Data flows from react-query hooks into MapView's sources.
 */
export function App({ user }: { user: SessionUser }) {
  const [bbox, setBbox] = useState<Bbox | null>(null);
  const [visibility, setVisibility] = useState(ALL_VISIBLE);
  const [incidentRange, setIncidentRange] = useState<DateRange>(defaultIncidentRange);
  const [viewport, setViewport] = useState<Bbox | null>(null);
  const [caseId, setCaseId] = useState<number | null>(null);
  const [registerOverlay, setRegisterOverlay] = useState<FeatureCollection | null>(null);
  const [evidence, setEvidence] = useState<FeatureCollection | null>(null);
  const [selected, setSelected] = useState<FeatureRef | null>(null);
  const [pick, setPick] = useState<PickRequest | null>(null);
  const [fitRequest, setFitRequest] = useState<FitRequest | null>(null);
  const [pointer, setPointer] = useState<{ lng: number; lat: number } | null>(null);
  const [mode, setModeState] = useState<Mode>('map');
  const [panelOpen, setPanelOpen] = useState(true);
  const setMode = useCallback((next: Mode) => { setModeState(next); setPanelOpen(true); }, []);
  const layout = useLayout();
  const { insets, setContainer, register } = useCoveredInsets();
  const modeLabel = useModeLabel();
  const { t } = useLanguage();
  const [overlay, setOverlay] = useState<PatrolOverlay>({});
  const [drawing, setDrawing] = useState<DrawingRequest | null>(null);
  const live = useLiveAlarms();
  const [impact, setImpact] = useState<FeatureCollection | null>(null);
  const selectedItem = useQuery({
    queryKey: queryKeys.item(selected?.collection ?? '', selected?.id ?? ''),
    queryFn: ({ signal }) => fetchItem(selected!.collection, selected!.id, signal),
    enabled: selected !== null,
  });
  // A fibre-break incident's search segment, drawn while it is selected (issue 18 §3); the panel reads the same query.
  const fibreBreak = useQuery({
    ...fibreBreakQuery(selected?.id ?? ''),
    enabled: selected?.collection === 'incidents' && mayHaveFibreBreak(selectedItem.data?.properties),
  });
  const selection = useMemo<FeatureCollection>(() => (selected && selectedItem.data ? { type: 'FeatureCollection', features: [selectedItem.data] } : EMPTY), [selected, selectedItem.data]);
  const badges = useQuery({ queryKey: ['register', 'badges'], queryFn: ({ signal }) => fetchBadges(signal), enabled: user.role !== 'viewer', refetchInterval: 60_000 });

  const adminAreas = useBaseCollection('admin_areas');
  const roads = useBaseCollection('roads');
  const readable = useReadableCollections();
  const tiled = useTiledCollections(readable);
  const thematic = useThematicLayers(bbox, visibility, incidentRange, readable, tiled);
  const tileQueries = useMemo(() => ({ incidents: `datetime=${datetimeParam(incidentRange)}` }), [incidentRange]);
  const visibleThematic = Object.fromEntries(THEMATIC_KEYS.filter((key) => readable?.has(key)).map((key) => [key, thematic[key]]));

  // Thematic layer keys are also their source ids (checked in style.test.ts); MapView skips unchanged sources.
  const sources = {
    [SOURCE_IDS.adminAreas]: adminAreas.data,
    [SOURCE_IDS.roads]: roads.data,
    ...Object.fromEntries(THEMATIC_KEYS.map((key) => [key, thematic[key].data])),
    ...analysisSources(mode === 'patrol' || mode === 'report' ? overlay : {}),
    [SOURCE_IDS.liveAlarms]: live.rings,
    [SOURCE_IDS.impact]: impact ?? EMPTY,
    [SOURCE_IDS.fibreBreak]: (selected?.collection === 'incidents' ? fibreBreak.data?.fibreBreak : null) ?? EMPTY,
    [SOURCE_IDS.register]: (mode === 'cases' ? registerOverlay : null) ?? EMPTY,
    [SOURCE_IDS.selection]: selection,
    // A zone's evidence under review, or an import's features before they are stored.
    [SOURCE_IDS.evidence]: (mode === 'zones' || mode === 'network' ? evidence : null) ?? EMPTY,
  };

  const onViewportChange = useCallback((view: Bbox) => {
    setViewport(view);
    const padded = padBbox(view);
    setBbox((current) => (current && current.every((value, index) => value === padded[index]) ? current : padded));
  }, []);
  const onToggle = useCallback((layer: ThematicLayer) => setVisibility((current) => ({ ...current, [layer]: !current[layer] })), []);
  const onPick = useCallback((result: SearchResult) => {
    setFitRequest({ bbox: result.bbox, nonce: Date.now() });
    if (result.collection !== 'admin_areas' && result.collection !== 'roads') setSelected({ collection: result.collection, id: result.id });
  }, []);
  const onFit = useCallback((box: Bbox) => setFitRequest({ bbox: box, nonce: Date.now() }), []);
  /** Opens a case in the register from anywhere: a notice, the feature panel, a click on the map. */
  const openCase = useCallback((id: number | null) => {
    setCaseId(id);
    if (id !== null) { setMode('cases'); setSelected(null); }
  }, []);
  // In the register a click on an incident opens its case file instead of the feature panel.
  const onSelect = useCallback((feature: FeatureRef | null) => {
    setPick(null);
    if (mode === 'cases' && feature?.collection === 'incidents') openCase(Number(feature.id));
    else setSelected(feature);
  }, [mode, openCase]);
  const modeBadges = badges.data ? { cases: badges.data.unread + badges.data.overdue } : {};

  const panel = mode === 'map' ? (
    <LayerPanel
      layers={thematic} visibility={visibility} onToggle={onToggle}
      incidentRange={incidentRange} onIncidentRange={setIncidentRange} readable={readable}
    />
  ) : mode === 'network' ? (
    <NetworkPanel user={user} selected={selected} onDrawing={setDrawing} onPreview={setEvidence} onFit={onFit} />
  ) : mode === 'cases' ? (
    <CasesPanel user={user} onDrawing={setDrawing} onFit={onFit} caseId={caseId} onCase={openCase} viewport={viewport} onOverlay={setRegisterOverlay} />
  ) : mode === 'report' ? (
    <ReportPanel onOverlay={setOverlay} onFit={onFit} />
  ) : mode === 'oversight' ? (
    <OversightPanel user={user} onFit={onFit} onDrawing={setDrawing} />
  ) : mode === 'zones' ? (
    <ZonesPanel user={user} selected={selected} onDrawing={setDrawing} onFit={onFit} onEvidence={setEvidence} />
  ) : (
    <PatrolPanel onOverlay={setOverlay} onFit={onFit} canPlan={user.role === 'admin' || user.role === 'police_planner'} />
  );

  return (
    <div className="app">
      <Header onPick={onPick} mode={mode} onMode={setMode} user={user} modes={modesFor(user)} badges={modeBadges} />
      <main className={`app-main layout-${layout}`} ref={setContainer} style={{ '--cover-bottom': `${insets.bottom}px` } as CSSProperties}>
        <MapView
          sources={sources} visibility={visibility} fitRequest={fitRequest} insets={insets}
          onViewportChange={onViewportChange} onSelect={onSelect} onPick={setPick} onPointer={setPointer} drawing={mode === 'network' || mode === 'zones' || mode === 'cases' || mode === 'oversight' ? drawing : null} tiled={tiled} tileQueries={tileQueries}
        />
        {panelOpen ? (
          <Sheet key={mode} title={mode === 'map' ? t('layers') : modeLabel(mode)} layout={layout} side="start" register={register} testId="sheet-workspace" onClose={() => setPanelOpen(false)}>
            {panel}
          </Sheet>
        ) : (
          <button type="button" className="sheet-reopen" data-testid="sheet-reopen" title={t('sheetReopen')} onClick={() => setPanelOpen(true)}>{mode === 'map' ? t('layers') : modeLabel(mode)}</button>
        )}
        {selected && (
          <Sheet key={`${selected.collection}/${selected.id}`} layout={layout} side="end" initialSnap="half" register={register} testId="sheet-feature">
            <FeaturePanel selected={selected} onClose={() => setSelected(null)} user={user} onHighlight={setImpact} onOpenCase={user.role === 'viewer' ? undefined : openCase} />
          </Sheet>
        )}
        <AlarmNotices alarms={live.alarms} onDismiss={live.dismiss} onOpenCase={openCase}
          onShow={(alarm) => onFit([alarm.coordinates[0] - 0.01, alarm.coordinates[1] - 0.01, alarm.coordinates[0] + 0.01, alarm.coordinates[1] + 0.01])} />
        <ErrorBanner layers={{ admin_areas: adminAreas, roads, ...visibleThematic }} />
        {(mode === 'patrol' || mode === 'report') && overlay.cells && overlay.cells.features.length > 0 && <HotspotLegend />}
        {pick && <PickList request={pick} onPick={onSelect} onClose={() => setPick(null)} />}
        {layout === 'desktop' && <CoordinatesReadout lngLat={pointer} />}
      </main>
    </div>
  );
}
