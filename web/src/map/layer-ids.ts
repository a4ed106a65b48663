/**
 * Source and layer ids of the map: the one home of these names, used by the map, the layer panel and the
 * end-to-end tests (which call `map.queryRenderedFeatures({ layers: [...] })` with them).
 */
export const SOURCE_IDS = {
  adminAreas: 'admin_areas',
  roads: 'roads',
  keyTargets: 'key_targets',
  cableRoutes: 'cable_routes',
  facilities: 'facilities',
  btsSites: 'bts_sites',
  scrapDealers: 'scrap_dealers',
  serviceAgents: 'service_agents',
  incidents: 'incidents',
  policeStations: 'police_stations',
  analysisCells: 'analysis-cells',
  analysisClusters: 'analysis-clusters',
  analysisStretches: 'analysis-stretches',
  analysisTrends: 'analysis-trends',
  analysisForecast: 'analysis-forecast',
  planRoutes: 'plan-routes',
  planStops: 'plan-stops',
  liveAlarms: 'live-alarms',
  impact: 'impact',
} as const;

export const LAYER_IDS = {
  background: 'background',
  provinceFill: 'admin-province-fill',
  districtLine: 'admin-district-line',
  communeLine: 'admin-commune-line',
  communeLabel: 'admin-commune-label',
  districtLabel: 'admin-district-label',
  roadCasing: 'roads-casing',
  roadLine: 'roads-line',
  roadLabel: 'roads-label',
  keyTargetFill: 'key-targets-fill',
  keyTargetLine: 'key-targets-line',
  cableRouteLine: 'cable-routes-line',
  facilityPoint: 'facilities-point',
  btsCluster: 'bts-sites-cluster',
  btsClusterCount: 'bts-sites-cluster-count',
  btsPoint: 'bts-sites-point',
  scrapDealerPoint: 'scrap-dealers-point',
  serviceAgentPoint: 'service-agents-point',
  incidentPoint: 'incidents-point',
  policeStationPoint: 'police-stations-point',
  analysisCellFill: 'analysis-cells-fill',
  analysisClusterLine: 'analysis-clusters-line',
  analysisStretchLine: 'analysis-stretches-line',
  analysisTrendPoint: 'analysis-trends-point',
  analysisForecastLine: 'analysis-forecast-line',
  planRouteLine: 'plan-routes-line',
  planStopPoint: 'plan-stops-point',
  planStopLabel: 'plan-stops-label',
  liveAlarmRing: 'live-alarms-ring',
  impactPoint: 'impact-point',
} as const;

/** The toggles of the layer panel: each thematic layer id maps to the map layers it shows or hides. */
export const THEMATIC_LAYERS = {
  key_targets: [LAYER_IDS.keyTargetFill, LAYER_IDS.keyTargetLine],
  cable_routes: [LAYER_IDS.cableRouteLine],
  facilities: [LAYER_IDS.facilityPoint],
  bts_sites: [LAYER_IDS.btsCluster, LAYER_IDS.btsClusterCount, LAYER_IDS.btsPoint],
  scrap_dealers: [LAYER_IDS.scrapDealerPoint],
  service_agents: [LAYER_IDS.serviceAgentPoint],
  incidents: [LAYER_IDS.incidentPoint],
  police_stations: [LAYER_IDS.policeStationPoint],
} as const;
export type ThematicLayer = keyof typeof THEMATIC_LAYERS;
