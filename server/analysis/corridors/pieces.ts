import { length, lineSliceAlong, lineString, nearestPointOnLine, pointToLineDistance } from '@turf/turf';
import type { Position } from 'geojson';
import type { Touch } from './merge.ts';

/** One cut piece: which corridor, where along it (metres, turf), and its lines (more than one after a merge). */
export type Piece = { corridor: number; startMeters: number; endMeters: number; lines: Position[][]; lengthMeters: number };

/**
 * Cuts corridors into pieces of `pieceMeters` from their start; the last piece of a corridor takes what is left, and
 * a remainder under `minPieceMeters` joins the piece before it (so pieces run from minPieceMeters to
 * pieceMeters + minPieceMeters). A whole corridor shorter than `minPieceMeters` (a short spur) joins the piece of a
 * corridor it meets: one ending at the same node, or the one whose interior it touches, else the nearest piece within
 * `nearMeters` of one of its ends (it met only other short corridors). Lengths are turf's.
 * @param corridors merged corridors in lon/lat
 */
export function cutPieces(corridors: readonly { coordinates: Position[]; startNode: number; endNode: number }[], touches: readonly Touch[], pieceMeters: number, minPieceMeters: number, nearMeters: number): Piece[] {
  const pieces: Piece[] = [];
  const first = new Map<number, number>(), last = new Map<number, number>();
  const lengths = corridors.map((c) => length(lineString(c.coordinates), { units: 'meters' }));
  corridors.forEach((corridor, c) => {
    if (lengths[c] < minPieceMeters) return;
    const full = Math.floor(lengths[c] / pieceMeters);
    const rest = lengths[c] - full * pieceMeters;
    const cuts = Array.from({ length: full + 1 }, (_, k) => k * pieceMeters);
    if (rest >= minPieceMeters || full === 0) cuts.push(lengths[c]); else cuts[cuts.length - 1] = lengths[c];
    first.set(c, pieces.length);
    for (let k = 1; k < cuts.length; k++) {
      const coordinates = lineSliceAlong(lineString(corridor.coordinates), cuts[k - 1], cuts[k], { units: 'meters' }).geometry.coordinates;
      pieces.push({ corridor: c, startMeters: cuts[k - 1], endMeters: cuts[k], lines: [coordinates], lengthMeters: cuts[k] - cuts[k - 1] });
    }
    last.set(c, pieces.length - 1);
  });
  // The first or last piece of each cut corridor at each node, for the short corridors that end there.
  const atNode = new Map<number, number>();
  corridors.forEach((corridor, c) => {
    if (!first.has(c)) return;
    if (!atNode.has(corridor.startNode)) atNode.set(corridor.startNode, first.get(c)!);
    if (!atNode.has(corridor.endNode)) atNode.set(corridor.endNode, last.get(c)!);
  });
  corridors.forEach((corridor, c) => {
    if (lengths[c] >= minPieceMeters) return;
    const target = atNode.get(corridor.startNode) ?? atNode.get(corridor.endNode) ?? touchedPiece(corridors, touches, pieces, first, last, c)
      ?? nearestPiece(pieces, corridor.coordinates, nearMeters);
    const line = corridor.coordinates;
    if (target === undefined) {
      pieces.push({ corridor: c, startMeters: 0, endMeters: lengths[c], lines: [line], lengthMeters: lengths[c] });
      return;
    }
    pieces[target].lines.push(line);
    pieces[target].lengthMeters += lengths[c];
  });
  return pieces;
}

/** The piece of another corridor whose interior a short corridor's end touches, at the touching point. */
function touchedPiece(corridors: readonly { coordinates: Position[]; startNode: number; endNode: number }[], touches: readonly Touch[], pieces: Piece[],
  first: Map<number, number>, last: Map<number, number>, c: number): number | undefined {
  const touch = touches.find((t) => t.corridor === c && first.has(t.on));
  if (!touch) return undefined;
  const on = corridors[touch.on].coordinates;
  const at = nearestPointOnLine(lineString(on), corridors[c].coordinates[touch.end === 'start' ? 0 : corridors[c].coordinates.length - 1], { units: 'meters' }).properties.lineDistance;
  for (let p = first.get(touch.on)!; p <= last.get(touch.on)!; p++) if (at <= pieces[p].endMeters) return p;
  return last.get(touch.on);
}

/** The piece nearest to either end of a line, within `meters` (brute force: only a few short corridors need it). */
function nearestPiece(pieces: readonly Piece[], line: Position[], meters: number): number | undefined {
  let best: { piece: number; meters: number } | undefined;
  pieces.forEach((piece, p) => {
    for (const part of piece.lines) for (const end of [line[0], line[line.length - 1]]) {
      const d = pointToLineDistance(end, lineString(part), { units: 'meters' });
      if (d <= meters && (!best || d < best.meters)) best = { piece: p, meters: d };
    }
  });
  return best?.piece;
}
