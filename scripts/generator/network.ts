import * as turf from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { CARRIERS, type Owner } from '../../server/collections/vocabulary.ts';
import type { BaseData } from './base.ts';
import { roundLine, type CommuneLocator } from './geo.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { RoadChain } from './road-chains.ts';
import type { DemoProperties } from './types.ts';

export type CableDraft = { coordinates: Position[]; properties: DemoProperties };

/** Parallel routes of different carriers sit a few metres apart in the road verge, never far from the road. */
const OFFSET_METERS: Record<string, number> = { viettel: -6, vnpt: -2, mobifone: 2, fpt: 6 };
const BACKBONE_REFS = ['QL14'];
const OWNER_LABEL: Record<string, string> = { viettel: 'Viettel', vnpt: 'VNPT', mobifone: 'MobiFone', fpt: 'FPT Telecom' };

function cutChain(rng: Rng, coordinates: Position[]): Position[][] {
  const pieces: Position[][] = [];
  let current: Position[] = [coordinates[0]];
  let lengthKm = 0;
  let targetKm = rng.range(15, 40);
  for (let index = 1; index < coordinates.length; index += 1) {
    lengthKm += turf.distance(coordinates[index - 1], coordinates[index]);
    current.push(coordinates[index]);
    if (lengthKm >= targetKm && index < coordinates.length - 2) {
      pieces.push(current);
      current = [coordinates[index]];
      lengthKm = 0;
      targetKm = rng.range(15, 40);
    }
  }
  if (current.length >= 2) pieces.push(current);
  return pieces;
}

function routeProperties(rng: Rng, owner: Owner, tier: string, name: string, medium: string): DemoProperties {
  const status = rng.weighted([['active', 88], ['planned', 8], ['retired', 4]] as const);
  const fibres: Record<string, number[]> = { backbone: [96, 48], trunk: [48, 24], access: [24, 12] };
  return {
    name,
    owner,
    medium,
    laying: tier === 'access' ? rng.weighted([['aerial', 80], ['underground', 20]] as const)
      : rng.weighted([['aerial', 55], ['underground', 30], ['duct', 15]] as const),
    fibre_count: medium === 'fibre' ? rng.pick(fibres[tier]) : null,
    tier,
    status,
    year_installed: status === 'planned' ? null : rng.int(tier === 'backbone' ? 2005 : 2010, 2026),
    length_m: null,
  };
}

function offsetLine(coordinates: Position[], meters: number): Position[] {
  const shifted = turf.lineOffset(turf.lineString(coordinates), meters, { units: 'meters' }) as { geometry: LineString };
  return shifted.geometry.coordinates;
}

/** Splits a line into the runs of its vertices that lie inside the province: a few OSM roads run outside the commune outlines. */
function insideRuns(coordinates: Position[], locate: CommuneLocator): Position[][] {
  const runs: Position[][] = [[]];
  for (const position of coordinates) {
    if (locate(position)) runs[runs.length - 1].push(position);
    else if (runs[runs.length - 1].length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length >= 2);
}

/** One carrier's routes along every road chain: backbone on the national north–south axis, trunk elsewhere. */
function roadPass(rng: Rng, chains: RoadChain[], locate: CommuneLocator, owner: Owner, pass: number): CableDraft[] {
  const copper = owner === 'vnpt' && pass >= CARRIERS.length;
  let sequence = 0;
  return chains.flatMap((chain) =>
    cutChain(rng, chain.coordinates).flatMap((piece) => {
      const tier = copper ? 'access' : BACKBONE_REFS.includes(chain.ref) && pass < 2 ? 'backbone' : 'trunk';
      const offset = roundLine(offsetLine(piece, OFFSET_METERS[owner] * (pass >= CARRIERS.length ? 1.5 : 1)));
      return insideRuns(offset, locate).map((coordinates) => {
        sequence += 1;
        const label = `${OWNER_LABEL[owner]} – ${chain.ref} – ${copper ? 'cáp đồng' : 'tuyến'} ${String(sequence).padStart(2, '0')}`;
        return { coordinates, properties: routeProperties(rng, owner, tier, label, copper ? 'copper' : 'fibre') };
      });
    }),
  );
}

/** Access spurs from the nearest road point to each commune centre: rural roads are not in the data, so they are straight legs. */
function spurs(rng: Rng, base: BaseData, chains: RoadChain[], locate: CommuneLocator): CableDraft[] {
  const roadLines = chains.map((chain) => turf.lineString(chain.coordinates));
  return base.centres.features.flatMap((centre) => {
    const position = centre.geometry.coordinates;
    let nearest = turf.nearestPointOnLine(roadLines[0], position);
    for (const line of roadLines.slice(1)) {
      const candidate = turf.nearestPointOnLine(line, position);
      if (candidate.properties.dist < nearest.properties.dist) nearest = candidate;
    }
    if (nearest.properties.dist < 0.3 || !locate(nearest.geometry.coordinates)) return [];
    const owners = CARRIERS.filter((owner) => owner === 'viettel' || owner === 'vnpt' || rng.chance(0.5));
    return owners.map((owner) => ({
      coordinates: roundLine([nearest.geometry.coordinates, position]),
      properties: routeProperties(rng, owner, 'access', `${OWNER_LABEL[owner]} – nhánh ${centre.properties.name_vi}`, 'fibre'),
    }));
  });
}

/**
 * Cable routes: access spurs to every commune, then carrier passes along the real roads until the target length
 * is reached (later passes are second routes and VNPT copper), so the same code scales to larger targets.
 */
export function buildCableRoutes(rng: Rng, base: BaseData, chains: RoadChain[], locate: CommuneLocator, targetKm: number): CableDraft[] {
  const routes = spurs(rng, base, chains, locate);
  const lengthKm = (draft: CableDraft): number => turf.length(turf.lineString(draft.coordinates));
  let totalKm = routes.reduce((sum, route) => sum + lengthKm(route), 0);
  for (let pass = 0; totalKm < targetKm && pass < 64; pass += 1) {
    const owner = CARRIERS[pass % CARRIERS.length];
    for (const route of roadPass(rng, chains, locate, owner, pass)) {
      if (totalKm >= targetKm) break;
      routes.push(route);
      totalKm += lengthKm(route);
    }
  }
  for (const route of routes) route.properties.length_m = Math.round(lengthKm(route) * 1000);
  return routes;
}
