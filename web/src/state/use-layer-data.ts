import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { fetchItems } from '../api/endpoints.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { Bbox, DateRange, ItemsResponse } from '../api/types.ts';
import { THEMATIC_LAYERS, type ThematicLayer } from '../map/layer-ids.ts';

export const THEMATIC_KEYS = Object.keys(THEMATIC_LAYERS) as ThematicLayer[];

export type LayerState = {
  data: ItemsResponse | undefined;
  isFetching: boolean;
  error: Error | null;
  refetch: () => void;
};

/** Admin areas and roads: fetched once, in full, and never refetched. */
export function useBaseCollection(collection: 'admin_areas' | 'roads'): LayerState {
  const query = useQuery({
    queryKey: queryKeys.collectionAll(collection),
    queryFn: ({ signal }) => fetchItems(collection, {}, signal),
    staleTime: Infinity,
  });
  return { data: query.data, isFetching: query.isFetching, error: query.error, refetch: () => void query.refetch() };
}

/**
 * Thematic layers in the (padded) viewport; hidden layers are not fetched, and the previous answer stays on
 * the map while the next one loads so layers do not flash.
 * @param bbox padded viewport, or null before the map is ready
 * @param visible toggles of the layer panel
 * @param incidentRange `datetime` filter of the incidents layer
 */
export function useThematicLayers(
  bbox: Bbox | null,
  visible: Record<ThematicLayer, boolean>,
  incidentRange: DateRange,
): Record<ThematicLayer, LayerState> {
  const results = useQueries({
    queries: THEMATIC_KEYS.map((collection) => {
      const datetime = collection === 'incidents' ? incidentRange : undefined;
      const box: Bbox = bbox ?? [0, 0, 0, 0];
      return {
        queryKey: queryKeys.collectionInView(collection, box, datetime),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchItems(collection, { bbox: box, datetime }, signal),
        enabled: bbox !== null && visible[collection],
        placeholderData: keepPreviousData,
        staleTime: 60_000,
      };
    }),
  });
  const entries = THEMATIC_KEYS.map((collection, index) => {
    const query = results[index];
    const state: LayerState = { data: query.data, isFetching: query.isFetching, error: query.error, refetch: () => void query.refetch() };
    return [collection, state] as const;
  });
  return Object.fromEntries(entries) as Record<ThematicLayer, LayerState>;
}
