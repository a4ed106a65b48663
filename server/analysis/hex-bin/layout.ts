import { distance } from '@turf/turf';

/** Geometry of a turf `hexGrid` (flat-topped hexes), mirrored from @turf/hex-grid 7.4 so points can be binned arithmetically. */
export type HexLayout = {
  west: number; south: number; rx: number; ry: number; xInterval: number; hexHeight: number;
  xAdjust: number; yAdjust: number; xCount: number; yCount: number; hasOffsetY: boolean;
};

/**
 * The layout turf's `hexGrid(bbox, cellSideKm)` uses (same formulas, same order of operations).
 * @param bbox [west, south, east, north] in degrees
 * @param cellSideKm hexagon side in kilometres
 */
export function hexLayout(bbox: [number, number, number, number], cellSideKm: number): HexLayout {
  const [west, south, east, north] = bbox;
  const centerY = (south + north) / 2, centerX = (west + east) / 2;
  const cellWidth = (cellSideKm * 2 / distance([west, centerY], [east, centerY])) * (east - west);
  const cellHeight = (cellSideKm * 2 / distance([centerX, south], [centerX, north])) * (north - south);
  const radius = cellWidth / 2;
  const hexHeight = Math.sqrt(3) / 2 * cellHeight;
  const boxWidth = east - west, boxHeight = north - south;
  const xInterval = 3 / 4 * cellWidth;
  const xCount = Math.floor((boxWidth - cellWidth) / (cellWidth - radius / 2));
  const xAdjust = (xCount * xInterval - radius / 2 - boxWidth) / 2 - radius / 2 + xInterval / 2;
  const yCount = Math.floor((boxHeight - hexHeight) / hexHeight);
  let yAdjust = (boxHeight - yCount * hexHeight) / 2;
  const hasOffsetY = yCount * hexHeight - boxHeight > hexHeight / 2;
  if (hasOffsetY) yAdjust -= hexHeight / 4;
  return { west, south, rx: cellWidth / 2, ry: cellHeight / 2, xInterval, hexHeight, xAdjust, yAdjust, xCount, yCount, hasOffsetY };
}

/** Centre of hex (col, row) in degrees, exactly as turf places it. */
export function hexCenter(l: HexLayout, col: number, row: number): [number, number] {
  const x = col * l.xInterval + l.west - l.xAdjust;
  let y = row * l.hexHeight + l.south + l.yAdjust;
  if (col % 2 === 1) y -= l.hexHeight / 2;
  return [x, y];
}

/** Whether turf emits hex (col, row). */
export function hexExists(l: HexLayout, col: number, row: number): boolean {
  if (col < 0 || col > l.xCount || row < 0 || row > l.yCount) return false;
  return !(row === 0 && (col % 2 === 1 || l.hasOffsetY));
}

/**
 * The (col, row) of the hex containing [lon, lat]: two candidate columns, nearest row in each, then the
 * nearer centre in coordinates scaled by (rx, ry), where each hex is a regular unit hexagon (Voronoi = hex).
 * @returns [col, row] (may not exist; check with {@link hexExists})
 */
export function hexAt(l: HexLayout, lon: number, lat: number): [number, number] {
  const c0 = Math.floor((lon - l.west + l.xAdjust) / l.xInterval);
  let best: [number, number] = [c0, 0];
  let bestD = Infinity;
  for (let col = c0; col <= c0 + 1; col++) {
    const shift = col % 2 === 1 ? l.hexHeight / 2 : 0;
    const row = Math.round((lat - l.south - l.yAdjust + shift) / l.hexHeight);
    const [cx, cy] = hexCenter(l, col, row);
    const dx = (lon - cx) / l.rx, dy = (lat - cy) / l.ry;
    const d = dx * dx + dy * dy;
    if (d < bestD) { bestD = d; best = [col, row]; }
  }
  return best;
}
