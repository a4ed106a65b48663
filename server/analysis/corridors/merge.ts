import { segmentIndex } from './plane.ts';

/** Ends closer than this are one node; an end this close to another line's interior touches it (a junction). */
const NODE_METERS = 1;

/** A merged corridor and the nodes at its two ends (ids shared by the corridors ending there). */
export type Merged = { coordinates: [number, number][]; startNode: number; endNode: number };
/** Where a corridor's end touches another corridor's interior (a T-junction). */
export type Touch = { corridor: number; end: 'start' | 'end'; on: number; point: [number, number] };

/**
 * Merges corridor lines that join end to end into continuous corridors: ends within 1 m are one node, and at a node
 * where exactly two line ends meet and no line passes through, the two lines are one corridor. Junctions (three or
 * more ends, or an end on another line's interior) end corridors.
 */
export function mergeJoined(lines: readonly [number, number][][]): { corridors: Merged[]; touches: Touch[] } {
  const nodes: [number, number][] = [];
  const nodeOf = (p: [number, number]): number => {
    const found = nodes.findIndex((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) <= NODE_METERS);
    if (found >= 0) return found;
    nodes.push(p);
    return nodes.length - 1;
  };
  const ends = lines.map((line) => [nodeOf(line[0]), nodeOf(line[line.length - 1])]);
  const degree = new Map<number, number>();
  for (const [a, b] of ends) { degree.set(a, (degree.get(a) ?? 0) + 1); degree.set(b, (degree.get(b) ?? 0) + 1); }
  const index = segmentIndex(50);
  lines.forEach((line) => index.add(line));
  const touched = new Set<number>();
  nodes.forEach((node, n) => {
    const hit = index.nearest(node, NODE_METERS, (l) => ends[l][0] === n || ends[l][1] === n);
    if (hit) touched.add(n);
  });
  const mergeable = (n: number) => degree.get(n) === 2 && !touched.has(n);
  const atNode = new Map<number, number[]>();
  ends.forEach(([a, b], l) => { atNode.set(a, [...(atNode.get(a) ?? []), l]); atNode.set(b, [...(atNode.get(b) ?? []), l]); });
  const used = new Set<number>();
  const corridors: Merged[] = [];
  lines.forEach((line, l) => {
    if (used.has(l)) return;
    used.add(l);
    let coordinates = [...line];
    let [startNode, endNode] = ends[l];
    for (const forward of [true, false]) {
      for (;;) {
        const node = forward ? endNode : startNode;
        if (!mergeable(node)) break;
        const next = (atNode.get(node) ?? []).find((m) => !used.has(m));
        if (next === undefined) break;
        used.add(next);
        const startsHere = ends[next][0] === node;
        const piece = startsHere === forward ? lines[next] : [...lines[next]].reverse();
        const far = startsHere ? ends[next][1] : ends[next][0];
        if (forward) { coordinates = [...coordinates, ...piece.slice(1)]; endNode = far; } else { coordinates = [...piece.slice(0, -1), ...coordinates]; startNode = far; }
      }
    }
    corridors.push({ coordinates, startNode, endNode });
  });
  const merged = segmentIndex(50);
  corridors.forEach((c) => merged.add(c.coordinates));
  const touches: Touch[] = [];
  corridors.forEach((c, i) => {
    for (const end of ['start', 'end'] as const) {
      const node = end === 'start' ? c.startNode : c.endNode;
      if (!touched.has(node)) continue;
      const hit = merged.nearest(nodes[node], NODE_METERS, (l) => l === i);
      if (hit) touches.push({ corridor: i, end, on: hit.line, point: hit.point });
    }
  });
  return { corridors, touches };
}
