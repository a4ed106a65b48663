import type { Position } from 'geojson';
import { roadParts, type BaseData } from './base.ts';

export type RoadChain = { ref: string; coordinates: Position[] };

const nodeKey = (position: Position): string => `${position[0]},${position[1]}`;

/**
 * Joins the OSM road pieces into longer chains of one road number, through nodes where exactly two pieces meet,
 * so a cable can run tens of kilometres along a highway as one route.
 */
export function roadChains(base: BaseData): RoadChain[] {
  const parts = roadParts(base);
  const byNode = new Map<string, number[]>();
  parts.forEach((part, index) => {
    for (const end of [part.coordinates[0], part.coordinates[part.coordinates.length - 1]]) {
      const key = nodeKey(end);
      byNode.set(key, [...(byNode.get(key) ?? []), index]);
    }
  });
  const used = new Set<number>();
  const continuation = (from: Position, current: number): number | undefined => {
    const touching = byNode.get(nodeKey(from)) ?? [];
    if (touching.length !== 2) return undefined;
    const other = touching.find((index) => index !== current);
    return other !== undefined && !used.has(other) && parts[other].ref === parts[current].ref ? other : undefined;
  };
  const chains: RoadChain[] = [];
  parts.forEach((start, startIndex) => {
    if (used.has(startIndex)) return;
    used.add(startIndex);
    let coordinates = [...start.coordinates];
    for (const direction of ['forward', 'backward'] as const) {
      let current = startIndex;
      for (;;) {
        const end = direction === 'forward' ? coordinates[coordinates.length - 1] : coordinates[0];
        const next = continuation(end, current);
        if (next === undefined) break;
        used.add(next);
        let piece = parts[next].coordinates;
        // Orient the next piece so it continues from the shared node.
        const startsHere = nodeKey(piece[0]) === nodeKey(end);
        if (direction === 'forward' && !startsHere) piece = [...piece].reverse();
        if (direction === 'backward' && startsHere) piece = [...piece].reverse();
        coordinates = direction === 'forward' ? [...coordinates, ...piece.slice(1)] : [...piece.slice(0, -1), ...coordinates];
        current = next;
      }
    }
    chains.push({ ref: start.ref, coordinates });
  });
  return chains;
}
