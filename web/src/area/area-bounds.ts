import type { Bbox } from '../api/types.ts';
import { useArea } from './area-api.ts';

/** Vietnam's mainland and islands near the coast: where a map starts when the area could not be loaded. */
export const VIETNAM_BOUNDS: Bbox = [102.1, 8.4, 109.5, 23.4];

/**
 * Where the app's maps start: the deployment's area (`bounds` of GET /api/area, from its area.json or its communes),
 * undefined while it loads, the whole country if it cannot be loaded.
 */
export function useAreaBounds(): Bbox | undefined {
  const area = useArea();
  if (area.data) return area.data.bounds ?? VIETNAM_BOUNDS;
  return area.isError ? VIETNAM_BOUNDS : undefined;
}
