import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { Assets } from './incidents.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';

/** A cluster the generator plants, so hotspot analyses can be checked against a known truth. */
export type PlantedCluster = {
  id: string;
  kind: 'road_stretch' | 'scrap_dealer';
  centre: Position;
  radiusKm: number;
  /** ISO dates: the cluster is active only in this window (one emerges late, one dies out). */
  activeFrom: string;
  activeTo: string;
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** The trunk-route vertex farthest from every town facility: a remote stretch where theft goes unseen. */
function remoteStretches(assets: Assets, count: number): Position[] {
  const towns = assets.facilities.filter((facility) => facility.properties.kind !== 'postal_agent').map((f) => f.position);
  const candidates = assets.cables
    .filter((cable) => cable.properties.tier !== 'access')
    .flatMap((cable) => cable.coordinates.filter((_, index) => index % 5 === 0));
  const remoteness = (position: Position): number => Math.min(...towns.map((town) => turf.distance(position, town)));
  const ranked = candidates.map((position) => ({ position, km: remoteness(position) })).sort((a, b) => b.km - a.km);
  const chosen: Position[] = [];
  for (const { position } of ranked) {
    if (chosen.every((other) => turf.distance(other, position) > 30)) chosen.push(position);
    if (chosen.length === count) break;
  }
  return chosen;
}

/** Two remote road stretches and two scrap dealers outside the city, with different activity windows. */
export function plantClusters(rng: Rng, assets: Assets, startMs: number, endMs: number): PlantedCluster[] {
  const span = endMs - startMs;
  const windows: [number, number][] = [[0, 1], [2 / 3, 1], [0, 0.5], [0, 1]];
  const roads = remoteStretches(assets, 2);
  const cityCentre = assets.facilities[0].position;
  const dealers = assets.dealers.filter((dealer) => turf.distance(dealer.position, cityCentre) > 15);
  const centres: { kind: PlantedCluster['kind']; centre: Position }[] = [
    ...roads.map((centre) => ({ kind: 'road_stretch' as const, centre })),
    ...[dealers[0], dealers[Math.floor(dealers.length / 2)]].filter(Boolean).map((dealer) => ({ kind: 'scrap_dealer' as const, centre: dealer.position })),
  ];
  return centres.map(({ kind, centre }, index) => ({
    id: `planted-${index + 1}`,
    kind,
    centre,
    radiusKm: rng.range(1.2, 2),
    activeFrom: iso(startMs + windows[index][0] * span),
    activeTo: iso(startMs + windows[index][1] * span),
  }));
}
