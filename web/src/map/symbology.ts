import type { ExpressionSpecification } from 'maplibre-gl';

/** The symbology config: every colour and width of the thematic layers has its one home here. */
export const SYMBOLOGY = {
  /**
   * Carriers in the Okabe–Ito palette (Okabe & Ito 2008), chosen to stay apart for protan, deutan and tritan readers
   * (checked in style.test.ts against Machado et al. 2009's simulations).
   */
  ownerColours: { viettel: '#d55e00', vnpt: '#0072b2', mobifone: '#009e73', fpt: '#e69f00', vnpost: '#cc79a7' },
  ownerFallback: '#555555',
  retiredColour: '#9e9e9e',
  tierWidthsPx: { backbone: 4, trunk: 2.5, access: 1.25 },
  facilityColours: { exchange: '#3949ab', data_centre: '#00838f', post_office: '#8e24aa', postal_agent: '#c2185b', radio_station: '#6d4c41' },
  keyTargetColours: { designated: '#d32f2f', approved: '#ef6c00', proposed: '#f9a825', returned: '#8d6e63', rejected: '#9e9e9e', revoked: '#757575' },
  incidentColours: {
    cable_theft: '#b71c1c', cable_cut: '#e65100', equipment_theft: '#6a1b9a', vandalism: '#ad1457',
    fire_explosion: '#ff6f00', intrusion_alarm: '#1565c0', postal_contraband: '#2e7d32', sim_box: '#00838f', other: '#546e7a',
  },
  policeStationColour: '#0d1b4c',
  /** The selected feature's halo; the register's overdue rings. */
  selection: { colour: '#00b4d8' },
  incidentOverdue: '#c62828',
  /** A key-target review: the zone's outline, the assets inside, and those the proposal names as protected. */
  evidence: { zone: '#1a237e', inside: '#5c6bc0', protected: '#d81b60' },
  /** Gi* classes 3…−3 (ColorBrewer RdBu 7, colour-blind safe), keyed by class; 0 is "not significant". */
  giColours: { '3': '#b2182b', '2': '#ef8a62', '1': '#fddbc7', '0': '#f7f7f7', '-1': '#d1e5f0', '-2': '#67a9cf', '-3': '#2166ac' },
  serviceAgentRing: '#6a1b9a',
  unitColours: ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324'],
  inspectionColours: { not_inspected: '#9e9e9e', compliant: '#2e7d32', warning: '#f9a825', violation: '#c62828' },
} as const;

type ValueMap = Readonly<Record<string, string | number>>;

/**
 * A `match` expression that maps a property's vocabulary codes to values.
 * @param property feature property name
 * @param values code → output value
 * @param fallback value for codes not in `values`
 * @example matchProperty('owner', { viettel: '#d7191c' }, '#555')
 */
export function matchProperty(property: string, values: ValueMap, fallback: string | number): ExpressionSpecification {
  const pairs = Object.entries(values).flat();
  return ['match', ['get', property], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** Cable colour: by owner, grey when retired. */
export function cableColour(): ExpressionSpecification {
  return ['case', ['==', ['get', 'status'], 'retired'], SYMBOLOGY.retiredColour,
    matchProperty('owner', SYMBOLOGY.ownerColours, SYMBOLOGY.ownerFallback)];
}

/** Cable width in pixels by network tier, thinner at low zoom. */
export function cableWidth(): ExpressionSpecification {
  const tierWidth = matchProperty('tier', SYMBOLOGY.tierWidthsPx, 1);
  return ['interpolate', ['linear'], ['zoom'], 8, ['*', 0.6, tierWidth], 13, ['*', 1.4, tierWidth]];
}

/** Dashes for planned routes, a solid line otherwise. */
export function cableDash(): ExpressionSpecification {
  return ['case', ['==', ['get', 'status'], 'planned'], ['literal', [2, 1.5]], ['literal', [1, 0]]];
}

/** Legend rows of one vocabulary: code and colour. */
export function legendEntries(colours: Readonly<Record<string, string>>): { code: string; colour: string }[] {
  return Object.entries(colours).map(([code, colour]) => ({ code, colour }));
}
