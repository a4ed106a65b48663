import type { Bbox, DateRange } from './types.ts';

/** Every react-query key of the app, built in this one place. */
export const queryKeys = {
  session: () => ['session'] as const,
  area: () => ['area'] as const,
  readableCollections: () => ['readable-collections'] as const,
  collectionAll: (collection: string) => ['collection', collection, 'all'] as const,
  collectionInView: (collection: string, bbox: Bbox, datetime?: DateRange) =>
    ['collection', collection, 'bbox', ...bbox, datetime?.start ?? null, datetime?.end ?? null] as const,
  item: (collection: string, id: number | string) => ['item', collection, String(id)] as const,
  /** The same item with its version, for editing (under `item`, so invalidating a collection's items covers it). */
  versionedItem: (collection: string, id: number | string) => ['item', collection, String(id), 'versioned'] as const,
  search: (query: string) => ['search', query] as const,
  incidentHistory: (range: DateRange) => ['incident-history', range.start, range.end] as const,
  analysis: (kind: 'hotspots' | 'trends' | 'network-risk' | 'forecast' | 'backtest', parameters: unknown) => ['analysis', kind, JSON.stringify(parameters)] as const,
  plans: () => ['patrol-plans'] as const,
  plan: (id: string) => ['patrol-plans', id] as const,
  /** Inspections by agency and the joint plans, all under `inspections` so that one invalidation refreshes them. */
  inspections: () => ['inspections'] as const,
  targetInspections: (collection: string, id: number | string) => ['inspections', 'target', collection, String(id)] as const,
  inspectionPlans: () => ['inspections', 'plans'] as const,
};
