import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import { fetchItems } from '../api/endpoints.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { Bbox, DateRange, ItemsResponse } from '../api/types.ts';
import { THEMATIC_LAYERS, type ThematicLayer } from '../map/layer-ids.ts';
import { TILE_THRESHOLD } from '../map/tiled.ts';

export const THEMATIC_KEYS = Object.keys(THEMATIC_LAYERS) as ThematicLayer[];

export type LayerState = {
  data: ItemsResponse | undefined;
  isFetching: boolean;
  error: Error | null;
  refetch: () => void;
};

/**
 * Admin areas and roads: the app's static basemap (built from the real base geography by scripts/build-basemap.ts),
 * fetched once and never refetched; public pages draw it too, without reading any API collection.
 */
export function useBaseCollection(collection: 'admin_areas' | 'roads'): LayerState {
  const query = useQuery({
    queryKey: queryKeys.collectionAll(collection),
    queryFn: ({ signal }) => getJson<ItemsResponse>(`/basemap/${collection}.geojson`, signal),
    staleTime: Infinity,
  });
  return { data: query.data, isFetching: query.isFetching, error: query.error, refetch: () => void query.refetch() };
}

/**
 * Thematic collections too large to download whole: their size comes from one cheap `limit=1` count each; those over
 * the threshold are drawn from vector tiles.
 */
export function useTiledCollections(readable: Set<string> | undefined): ReadonlySet<ThematicLayer> | undefined {
  const query = useQuery({
    queryKey: ['tiled-collections', [...(readable ?? [])].sort().join(',')],
    queryFn: async ({ signal }) => {
      const keys = THEMATIC_KEYS.filter((key) => readable!.has(key));
      const sizes = await Promise.all(keys.map((key) => getJson<ItemsResponse>(`/api/collections/${key}/items?limit=1`, signal).then((page) => page.numberMatched ?? 0)));
      return new Set(keys.filter((_, index) => sizes[index] > TILE_THRESHOLD));
    },
    enabled: readable !== undefined,
    staleTime: Infinity,
  });
  return query.data;
}

/** Ids of the collections the signed-in user may read (the API lists only those). */
export function useReadableCollections(): Set<string> | undefined {
  const query = useQuery({
    queryKey: queryKeys.readableCollections(),
    queryFn: ({ signal }) => getJson<{ collections: { id: string }[] }>('/api/collections', signal),
    staleTime: Infinity,
  });
  return query.data && new Set(query.data.collections.map((collection) => collection.id));
}

/**
 * Thematic layers in the (padded) viewport; hidden and unreadable layers are not fetched, and the previous answer stays on
 * the map while the next one loads so layers do not flash.
 * @param bbox padded viewport, or null before the map is ready
 * @param visible toggles of the layer panel
 * @param incidentRange `datetime` filter of the incidents layer
 * @param readable collections the user may read; undefined while that is still loading
 */
export function useThematicLayers(
  bbox: Bbox | null,
  visible: Record<ThematicLayer, boolean>,
  incidentRange: DateRange,
  readable: Set<string> | undefined,
  tiled?: ReadonlySet<ThematicLayer>,
): Record<ThematicLayer, LayerState> {
  const results = useQueries({
    queries: THEMATIC_KEYS.map((collection) => {
      const datetime = collection === 'incidents' ? incidentRange : undefined;
      const box: Bbox = bbox ?? [0, 0, 0, 0];
      return {
        queryKey: queryKeys.collectionInView(collection, box, datetime),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchItems(collection, { bbox: box, datetime }, signal),
        enabled: bbox !== null && visible[collection] && readable?.has(collection) === true && tiled !== undefined && !tiled.has(collection),
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
