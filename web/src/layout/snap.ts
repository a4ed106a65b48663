/** How far a sheet is pulled up: its title only, half the map, or nearly all of it. */
export type Snap = 'peek' | 'half' | 'full';

export const SNAPS: readonly Snap[] = ['peek', 'half', 'full'];

/** Heights in pixels of each snap for a map area `height` pixels tall. */
export function snapHeights(height: number, peekPixels = 112): Record<Snap, number> {
  const full = Math.max(peekPixels, height - 8);
  return { peek: Math.min(peekPixels, full), half: Math.max(peekPixels, Math.min(full, Math.round(height * 0.5))), full };
}

/**
 * Where a released sheet settles: the snap nearest to where it was let go, moved one step further in the
 * direction of a quick flick (faster than `flickPixelsPerMs`).
 * @param heights each snap's height in pixels
 * @param releasedAt the sheet's height when released, in pixels
 * @param velocity pixels per millisecond, positive when pulled up
 */
export function settleSnap(heights: Record<Snap, number>, releasedAt: number, velocity: number, flickPixelsPerMs = 0.5): Snap {
  const nearest = SNAPS.reduce((best, snap) => (Math.abs(heights[snap] - releasedAt) < Math.abs(heights[best] - releasedAt) ? snap : best));
  if (Math.abs(velocity) < flickPixelsPerMs) return nearest;
  const index = SNAPS.indexOf(nearest);
  const movedUp = velocity > 0;
  // A flick goes at least to the next snap beyond where the sheet already is, in its direction.
  const beyond = SNAPS.findIndex((snap) => (movedUp ? heights[snap] > releasedAt : false));
  if (movedUp) return SNAPS[Math.max(index, beyond === -1 ? SNAPS.length - 1 : beyond)];
  const below = [...SNAPS].reverse().find((snap) => heights[snap] < releasedAt);
  return below ?? 'peek';
}

/** The next snap when the handle is tapped: peek opens to half, half to full, full folds back to peek. */
export const nextSnap = (snap: Snap): Snap => (snap === 'peek' ? 'half' : snap === 'half' ? 'full' : 'peek');
