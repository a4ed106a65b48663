import type { PathCommand } from 'opentype.js';

/** A straight segment of a flattened outline, in pixels with y pointing up. */
export type Segment = [x1: number, y1: number, x2: number, y2: number];

const CURVE_STEPS = 8;
/** y down → y up, without producing −0. */
const flip = (y: number): number => (y === 0 ? 0 : -y);

/**
 * Flattens opentype path commands (y down, as `getPath` returns them) into segments with y up.
 * @param commands outline at the target pixel size
 * @returns closed-contour segments
 */
export function flattenPath(commands: readonly PathCommand[]): Segment[] {
  const segments: Segment[] = [];
  let startX = 0, startY = 0, x = 0, y = 0;
  const lineTo = (nx: number, ny: number): void => {
    if (nx !== x || ny !== y) segments.push([x, flip(y), nx, flip(ny)]);
    x = nx;
    y = ny;
  };
  for (const command of commands) {
    if (command.type === 'M') {
      if (x !== startX || y !== startY) lineTo(startX, startY);
      startX = x = command.x;
      startY = y = command.y;
    } else if (command.type === 'L') lineTo(command.x, command.y);
    else if (command.type === 'Q') {
      const [x0, y0] = [x, y];
      for (let step = 1; step <= CURVE_STEPS; step++) {
        const t = step / CURVE_STEPS, u = 1 - t;
        lineTo(u * u * x0 + 2 * u * t * command.x1 + t * t * command.x, u * u * y0 + 2 * u * t * command.y1 + t * t * command.y);
      }
    } else if (command.type === 'C') {
      const [x0, y0] = [x, y];
      for (let step = 1; step <= CURVE_STEPS; step++) {
        const t = step / CURVE_STEPS, u = 1 - t;
        const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
        lineTo(a * x0 + b * command.x1 + c * command.x2 + d * command.x, a * y0 + b * command.y1 + c * command.y2 + d * command.y);
      }
    } else lineTo(startX, startY);
  }
  lineTo(startX, startY);
  return segments;
}

function distanceToSegment(px: number, py: number, [x1, y1, x2, y2]: Segment): number {
  const dx = x2 - x1, dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / lengthSquared));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Non-zero winding number of the outline around a point (TrueType and CFF outlines both fill non-zero). */
function winding(px: number, py: number, segments: readonly Segment[]): number {
  let total = 0;
  for (const [x1, y1, x2, y2] of segments) {
    if (y1 <= py ? y2 > py : y2 <= py) {
      const crossX = x1 + ((py - y1) / (y2 - y1)) * (x2 - x1);
      if (crossX > px) total += y2 > y1 ? 1 : -1;
    }
  }
  return total;
}

export type SdfOptions = { left: number; top: number; width: number; height: number; bufferPx: number; radiusPx: number; cutoff: number };

/**
 * Signed distance field of an outline, one byte a pixel, row by row from the top, the encoding MapLibre expects
 * (edge at 255 × (1 − cutoff), as TinySDF and node-fontnik write it).
 */
export function signedDistanceField(segments: readonly Segment[], options: SdfOptions): Uint8Array {
  const { left, top, width, height, bufferPx, radiusPx, cutoff } = options;
  const columns = width + 2 * bufferPx, rows = height + 2 * bufferPx;
  const bitmap = new Uint8Array(columns * rows);
  for (let row = 0; row < rows; row++) {
    const py = top + bufferPx - row - 0.5;
    for (let column = 0; column < columns; column++) {
      const px = left - bufferPx + column + 0.5;
      let distance = Infinity;
      for (const segment of segments) distance = Math.min(distance, distanceToSegment(px, py, segment));
      const signed = winding(px, py, segments) !== 0 ? -distance : distance;
      const value = 255 - 255 * (signed / radiusPx + cutoff);
      bitmap[row * columns + column] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  return bitmap;
}
