import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { candidatesNear, createGridIndex, type GridIndex } from '../../server/analysis/spatial-index/index.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import { roundLine } from './geo.ts';
import { OWNER_LABEL, routeProperties, type CableDraft } from './network.ts';
import type { PointDraft } from './sites.ts';

/** A site this close to its carrier's active cable gets a fibre drop; farther ones are fed by microwave. */
export const FIBRE_DROP_MAX_KM = 1;
/** Facilities that terminate their owner's network: the roots a cut trace searches from. */
export const NETWORK_ROOT_KINDS = ['exchange', 'data_centre'];
const FED_FACILITY_KINDS = [...NETWORK_ROOT_KINDS, 'radio_station'];
const SAMPLE_METERS = 100;

type Nearest = { position: Position; km: number };

/**
 * Nearest point on a set of lines, through a grid index of points sampled every 100 m along them (each names its
 * segment), then turf `nearestPointOnLine` on the candidate segments.
 */
function networkLocator(lines: Position[][]) {
  const samples: { line: number; segment: number; position: Position }[] = [];
  lines.forEach((line, l) => {
    for (let k = 1; k < line.length; k++) {
      const steps = Math.max(1, Math.ceil((turf.distance(line[k - 1], line[k]) * 1000) / SAMPLE_METERS));
      for (let s = 0; s <= steps; s++) {
        const t = s / steps;
        samples.push({ line: l, segment: k, position: [line[k - 1][0] + (line[k][0] - line[k - 1][0]) * t, line[k - 1][1] + (line[k][1] - line[k - 1][1]) * t] });
      }
    }
  });
  const index: GridIndex = createGridIndex(samples.map((s) => s.position), 1000);
  return (position: Position, radiusKm: number): Nearest | undefined => {
    let best: Nearest | undefined;
    const seen = new Set<string>();
    for (const i of candidatesNear(index, position, radiusKm * 1000 + SAMPLE_METERS)) {
      const { line, segment } = samples[i];
      const key = `${line}/${segment}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const nearest = turf.nearestPointOnLine(turf.lineString([lines[line][segment - 1], lines[line][segment]]), position, { units: 'kilometers' });
      if (nearest.properties.pointDistance <= radiusKm && (!best || nearest.properties.pointDistance < best.km)) best = { position: nearest.geometry.coordinates, km: nearest.properties.pointDistance };
    }
    return best;
  };
}

/**
 * Hangs every carrier site and facility off its carrier's network, the way a carrier builds it: each exchange, data
 * centre and radio station gets a tail cable from the nearest point of its owner's active routes; each BTS site within
 * {@link FIBRE_DROP_MAX_KM} of them gets a fibre drop (an access cable ending at the site; status as the site's);
 * every other site is fed by a microwave link from its owner's nearest fibre-fed site, stated on the site as
 * `backhaul: 'microwave'` and `backhaul_site_code`. Sites get `backhaul` and `backhaul_site_code` (null for fibre).
 * @returns the new cables, tails first, then drops in site order
 */
export function connectAssets(rng: Rng, cables: readonly CableDraft[], sites: PointDraft[], facilities: readonly PointDraft[]): CableDraft[] {
  const feeds: CableDraft[] = [];
  const owners = [...new Set(cables.map((cable) => String(cable.properties.owner)))];
  for (const owner of owners) {
    const own = cables.filter((cable) => cable.properties.owner === owner && cable.properties.status === 'active').map((cable) => cable.coordinates);
    const nearest = networkLocator(own);
    for (const facility of facilities) {
      if (facility.properties.owner !== owner || !FED_FACILITY_KINDS.includes(String(facility.properties.kind))) continue;
      const from = nearest(facility.position, 20);
      const tail = from && roundLine([from.position, facility.position]);
      // A facility on its owner's cable (to 0.1 m) needs no tail.
      if (!tail || tail.length < 2) continue;
      feeds.push({ coordinates: tail, properties: { ...routeProperties(rng, owner, 'access', `${OWNER_LABEL[owner]} – cáp vào ${facility.properties.name}`, 'fibre'), status: 'active' } });
    }
  }
  const fibre: Record<string, PointDraft[]> = {};
  // Sites hang on the routes and the exchange tails (never on another site's drop).
  const network = [...cables, ...feeds];
  const locators = new Map(owners.map((owner) => [owner, networkLocator(network.filter((c) => c.properties.owner === owner && c.properties.status === 'active').map((c) => c.coordinates))]));
  for (const site of sites) {
    const owner = String(site.properties.owner);
    const from = locators.get(owner)?.(site.position, FIBRE_DROP_MAX_KM);
    if (!from) continue;
    site.properties.backhaul = 'fibre';
    site.properties.backhaul_site_code = null;
    (fibre[owner] ??= []).push(site);
    const drop = roundLine([from.position, site.position]);
    if (drop.length < 2) continue;
    feeds.push({ coordinates: drop, properties: { ...routeProperties(rng, owner, 'access', `${OWNER_LABEL[owner]} – cáp nhánh trạm ${site.properties.site_code}`, 'fibre'), status: site.properties.status } });
  }
  for (const site of sites) {
    if (site.properties.backhaul === 'fibre') continue;
    const hubs = (fibre[String(site.properties.owner)] ?? []).filter((hub) => hub.properties.status === 'active');
    let hub: PointDraft | undefined, bestKm = Infinity;
    for (const candidate of hubs) {
      const km = turf.distance(site.position, candidate.position);
      if (km < bestKm) { hub = candidate; bestKm = km; }
    }
    site.properties.backhaul = 'microwave';
    site.properties.backhaul_site_code = hub ? String(hub.properties.site_code) : null;
  }
  return feeds;
}
