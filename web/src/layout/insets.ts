/** How far in from each edge of the map panels cover it, in CSS pixels. */
export type Insets = { top: number; right: number; bottom: number; left: number };
/** A rectangle in the map container's coordinates (pixels from its top-left corner). */
export type Rect = { left: number; top: number; right: number; bottom: number };

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The insets that uncover the map from panels drawn over it: each panel is pushed to the edge that costs the least
 * map to give up (a bottom sheet to the bottom, a side panel to its side); panels outside the map are ignored.
 * @param size the map container's width and height in pixels
 * @param rects the panels' rectangles relative to the map container
 */
export function insetsFromRects(size: { width: number; height: number }, rects: readonly Rect[]): Insets {
  const insets = { ...NO_INSETS };
  for (const rect of rects) {
    const left = Math.min(rect.left, size.width), right = Math.min(rect.right, size.width);
    const top = Math.min(rect.top, size.height), bottom = Math.min(rect.bottom, size.height);
    if (right <= 0 || bottom <= 0 || right <= left || bottom <= top) continue;
    // Each candidate with the map area it gives up: the inset times the length of that edge.
    const candidates: [keyof Insets, number, number][] = [
      ['left', right, right * size.height], ['right', size.width - left, (size.width - left) * size.height],
      ['top', bottom, bottom * size.width], ['bottom', size.height - top, (size.height - top) * size.width],
    ];
    const [side, inset] = candidates.reduce((best, candidate) => (candidate[2] < best[2] ? candidate : best));
    insets[side] = Math.max(insets[side], inset);
  }
  return insets;
}

/**
 * Map padding for fitting a view into what the panels leave free: the insets plus a margin, shrunk
 * proportionally where they would leave less than `minFreeShare` of the width or height, so the padding can
 * never exceed the viewport (MapLibre answers that with `Invalid LngLat (-Infinity, NaN)`).
 * @param size the map container's width and height in pixels
 * @param insets what the panels cover
 * @param marginPixels added on every side (default 16)
 * @param minFreeShare share of each dimension always left free (default 0.4)
 */
export function safePadding(size: { width: number; height: number }, insets: Insets, marginPixels = 16, minFreeShare = 0.4): Insets {
  const fit = (a: number, b: number, length: number): [number, number] => {
    const wanted = Math.max(0, a) + Math.max(0, b) + 2 * marginPixels;
    const allowed = Math.max(0, length * (1 - minFreeShare));
    const scale = wanted > allowed && wanted > 0 ? allowed / wanted : 1;
    return [(Math.max(0, a) + marginPixels) * scale, (Math.max(0, b) + marginPixels) * scale];
  };
  const [left, right] = fit(insets.left, insets.right, size.width);
  const [top, bottom] = fit(insets.top, insets.bottom, size.height);
  const round = (value: number) => (Number.isFinite(value) ? Math.floor(value) : 0);
  return { top: round(top), right: round(right), bottom: round(bottom), left: round(left) };
}
